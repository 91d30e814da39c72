import { z } from 'zod';
import { formatMarking, isCountryCode, isDomainError, isUlid, parseMarking } from '../kernel/index.js';

/** Field schemas shared by the scenario record schemas of the later modules (warning, coordination). */

export const ZUlid = z.string().refine(isUlid, { message: 'not a ULID' });
export const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
export const ZCode = z.string().regex(/^[A-Z][A-Z0-9-]{0,39}$/, { message: 'codes are capital letters, digits and hyphens' });
export const ZDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'not a YYYY-MM-DD date' });
export const ZInstant = z.iso.datetime();
/** A marking in canonical form (lists sorted), so that it reads back unchanged. */
export const ZMark = z.string().refine((t) => {
  try {
    return formatMarking(parseMarking(t)) === t;
  } catch (e) {
    if (isDomainError(e)) return false;
    throw e;
  }
}, { message: 'not a canonical marking' });
