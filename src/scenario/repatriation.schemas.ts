import { z } from 'zod';
import { formatMarking, isCountryCode, isDomainError, parseMarking } from '../kernel/index.js';
import { ANSWER_OUTCOMES, CONDITIONS, COUNTRY_STATUSES, ENGAGEMENT_KINDS } from '../repatriation/index.js';

// Defined here rather than imported: scenario.schemas.ts imports this file, and an import back would be a cycle.
function isCanonical(text: string): boolean {
  try {
    return formatMarking(parseMarking(text)) === text;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return false;
  }
}
const ZScenarioMarking = z.string().refine(isCanonical, { message: 'not a canonical marking' });

const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
const ZInstant = z.iso.datetime();

/** One entry of a country's engagement log, as the scenario writes it. */
export const ZScenarioEngagement = z.strictObject({
  kind: z.enum(ENGAGEMENT_KINDS),
  at: ZInstant,
  summary: z.string().min(1).max(300),
  counterpart: z.string().min(1).max(200).nullable(),
  reference: z.string().min(1).max(100).nullable(),
  outcome: z.enum(ANSWER_OUTCOMES).nullable(),
  dueBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  marking: ZScenarioMarking,
});

/**
 * A country of origin at the start of the scenario: where talks stand, its conditions, how it got there (each
 * status change with its date) and the engagement log behind it. Written after every other record.
 */
export const ZScenarioRepatriation = z.strictObject({
  type: z.literal('repatriation'),
  country: ZCountry,
  status: z.enum(COUNTRY_STATUSES),
  conditions: z.array(z.enum(CONDITIONS)),
  marking: ZScenarioMarking,
  originator: ZCountry,
  history: z.array(z.strictObject({ from: z.enum(COUNTRY_STATUSES), to: z.enum(COUNTRY_STATUSES), at: ZInstant })),
  engagements: z.array(ZScenarioEngagement),
});
/** A country-of-origin record. */
export type TScenarioRepatriation = z.infer<typeof ZScenarioRepatriation>;
