import { ZDescriptive, type TCandidate, type TEnrollment } from './identity.schemas.js';
import { readStoredJson } from '../kernel/index.js';
import type { EnrollmentRow } from './enrollment.store.js';
import { MODALITIES } from './templates.js';
import type { IdentityCandidatesTable } from '../store/index.js';
import { z } from 'zod';

const ZQualities = z.array(z.number().nullable()).length(MODALITIES.length);
const ZStrings = z.array(z.string());
const ZComponents = z.array(z.object({ name: z.string(), similarity: z.number().nullable(), weight: z.number(), note: z.string() }));

/** The stored qualities of an enrollment (null where a modality is absent), re-validated. */
export function qualitiesOf(row: { qualities: string }): (number | null)[] {
  return readStoredJson(ZQualities, row.qualities, 'identity qualities column');
}

/** The names an enrollment was given under: Arabic, Latin and aliases. */
export function namesOf(row: { name_ar: string | null; name_latin: string | null; aliases: string }): string[] {
  return [row.name_latin, row.name_ar, ...readStoredJson(ZStrings, row.aliases, 'identity aliases column')].filter((n): n is string => n !== null && n !== '');
}

/** An enrollment row as the API shows it (templates by modality and quality only). */
export function presentEnrollment(row: EnrollmentRow, marking: string): TEnrollment {
  const q = qualitiesOf(row);
  return {
    id: row.id, detaineeId: row.detainee_id, isn: row.isn, agency: row.agency_code, officer: row.officer, station: row.station, capturedAt: row.captured_at,
    templates: MODALITIES.flatMap((m, i) => (q[i] === null || q[i] === undefined ? [] : [{ modality: m, quality: q[i] }])),
    descriptive: ZDescriptive.parse({
      nameAr: row.name_ar, nameLatin: row.name_latin, aliases: readStoredJson(ZStrings, row.aliases, 'identity aliases column'), birthDate: row.birth_date, birthYear: row.birth_year,
      birthPlace: row.birth_place, nationality: row.nationality, languages: readStoredJson(ZStrings, row.languages, 'identity languages column'),
    }),
    marking,
  };
}

/** A candidate pair with both sides, for the queue and the side-by-side view. */
export function presentCandidate(c: IdentityCandidatesTable, sides: { left: TEnrollment; right: TEnrollment }): TCandidate {
  const side = (e: TEnrollment) => ({
    enrollmentId: e.id, detaineeId: e.detaineeId, isn: e.isn, nameAr: e.descriptive.nameAr, nameLatin: e.descriptive.nameLatin, aliases: e.descriptive.aliases,
    birthDate: e.descriptive.birthDate, birthYear: e.descriptive.birthYear, birthPlace: e.descriptive.birthPlace, nationality: e.descriptive.nationality,
    templates: e.templates, marking: e.marking,
  });
  return {
    id: c.id, left: side(sides.left), right: side(sides.right), score: c.score, biometric: c.biometric,
    components: readStoredJson(ZComponents, c.components, 'identity components column'), source: c.source, status: c.status, reason: c.reason,
    decidedBy: c.decided_by, decidedAt: c.decided_at, createdAt: c.created_at,
  };
}
