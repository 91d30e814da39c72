import { z } from 'zod';
import { isCountryCode, isIsn } from '../kernel/index.js';

/**
 * The identity module's contract with HTTP, CLI and web: enrollments, person records for matching, candidate
 * pairs and decisions, identities with their aliases, and the accuracy report. Browser-safe (zod only).
 */

/** The modalities an enrollment may hold (fingers by ANSI/NIST-ITL finger position, face, iris). */
export const ENROLLMENT_MODALITIES = [
  'finger-1', 'finger-2', 'finger-3', 'finger-4', 'finger-5',
  'finger-6', 'finger-7', 'finger-8', 'finger-9', 'finger-10', 'face', 'iris',
] as const;

const ZIsn = z.string().refine(isIsn, { message: 'not an ISN (expected SP-CC-000123)' });
const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
const ZDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });

/** One captured template: modality, quality 0–100 and the vector (its length fixed by the modality). */
export const ZTemplateInput = z.strictObject({
  modality: z.enum(ENROLLMENT_MODALITIES),
  quality: z.number().min(0).max(100),
  vector: z.array(z.number()).min(1).max(1024),
});
export type TTemplateInput = z.infer<typeof ZTemplateInput>;

/** The descriptive data given at an encounter (names as given, birth, nationality claimed, languages). */
export const ZDescriptive = z.strictObject({
  nameAr: z.string().min(1).max(200).nullable().default(null),
  nameLatin: z.string().min(1).max(200).nullable().default(null),
  aliases: z.array(z.string().min(1).max(200)).max(20).default([]),
  birthDate: ZDate.nullable().default(null),
  birthYear: z.number().int().min(1900).max(2100).nullable().default(null),
  birthPlace: z.string().min(1).max(120).nullable().default(null),
  nationality: ZCountry.nullable().default(null),
  languages: z.array(z.string().min(2).max(40)).max(10).default([]),
});
export type TDescriptive = z.infer<typeof ZDescriptive>;

/** An enrollment request: the detainee (by ISN), who captured it where and when, the templates, the data. */
export const ZEnrollRequest = z.strictObject({
  /** Optional client-chosen id (a ULID), so a retried capture is not enrolled twice. */
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'not a ULID' }).optional(),
  isn: ZIsn,
  officer: z.string().min(1).max(120),
  station: z.string().min(1).max(60),
  capturedAt: z.iso.datetime().optional(),
  templates: z.array(ZTemplateInput).min(1).max(12),
  descriptive: ZDescriptive.default({ nameAr: null, nameLatin: null, aliases: [], birthDate: null, birthYear: null, birthPlace: null, nationality: null, languages: [] }),
});
export type TEnrollRequest = z.input<typeof ZEnrollRequest>;

/** A template as shown: modality and quality (vectors are not sent to browsers). */
export const ZTemplateInfo = z.object({ modality: z.enum(ENROLLMENT_MODALITIES), quality: z.number() });

/** A stored enrollment as the caller may see it. */
export const ZEnrollment = z.object({
  id: z.string(),
  detaineeId: z.string(),
  isn: z.string(),
  agency: z.string(),
  officer: z.string(),
  station: z.string(),
  capturedAt: z.string(),
  templates: z.array(ZTemplateInfo),
  descriptive: ZDescriptive,
  marking: z.string(),
});
export type TEnrollment = z.infer<typeof ZEnrollment>;

/** The result of an enrollment: the record and the candidate pairs its 1:N search put in the queue. */
export const ZEnrollResult = z.object({ enrollment: ZEnrollment, candidates: z.number().int() });
export type TEnrollResult = z.infer<typeof ZEnrollResult>;

/** A person record for matching (a JSON file for `identity compare`, a CSV row for `identity link`). */
export const ZPersonRecord = z.strictObject({
  id: z.string().optional(),
  names: z.array(z.string().min(1).max(200)).min(1).max(20),
  birthDate: z.string().nullable().optional(),
  birthYear: z.number().int().nullable().optional(),
  birthPlace: z.string().nullable().optional(),
  nationality: z.string().nullable().optional(),
});
export type TPersonRecord = z.infer<typeof ZPersonRecord>;

/** One component's part in a fused score: its similarity and its log-likelihood-ratio weight. */
export const ZComponent = z.object({ name: z.string(), similarity: z.number().nullable(), weight: z.number(), note: z.string() });
export type TComponent = z.infer<typeof ZComponent>;

/** A comparison of two records: the fused score (sum of weights), the decision at the threshold, the parts. */
export const ZComparison = z.object({ score: z.number(), threshold: z.number(), match: z.boolean(), components: z.array(ZComponent) });
export type TComparison = z.infer<typeof ZComparison>;

export const DECISIONS = ['same', 'different', 'unsure'] as const;
export const CANDIDATE_STATUSES = ['pending', ...DECISIONS] as const;

/** One side of a candidate pair, for the side-by-side view. */
export const ZCandidateSide = z.object({
  enrollmentId: z.string(),
  detaineeId: z.string(),
  isn: z.string(),
  nameAr: z.string().nullable(),
  nameLatin: z.string().nullable(),
  aliases: z.array(z.string()),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  birthPlace: z.string().nullable(),
  nationality: z.string().nullable(),
  templates: z.array(ZTemplateInfo),
  marking: z.string(),
});

/** A candidate pair in the adjudication queue. */
export const ZCandidate = z.object({
  id: z.string(),
  left: ZCandidateSide,
  right: ZCandidateSide,
  score: z.number(),
  biometric: z.number().nullable(),
  components: z.array(ZComponent),
  source: z.enum(['arrival', 'dedup']),
  status: z.enum(CANDIDATE_STATUSES),
  reason: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZCandidateQuery = z.strictObject({
  status: z.enum(CANDIDATE_STATUSES).default('pending'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TCandidateQuery = z.input<typeof ZCandidateQuery>;

export const ZCandidatePage = z.object({ items: z.array(ZCandidate), total: z.number().int() });
export type TCandidatePage = z.infer<typeof ZCandidatePage>;

/** A decision on a candidate pair; a reason is always required. */
export const ZDecisionRequest = z.strictObject({
  decision: z.enum(DECISIONS),
  reason: z.string().trim().min(3, { message: 'give a reason of at least 3 characters' }).max(1000),
});
export type TDecisionRequest = z.input<typeof ZDecisionRequest>;

/** Undoing a decision (a "same" link is reversed; the pair goes back to the queue). */
export const ZUndoRequest = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
export type TUndoRequest = z.input<typeof ZUndoRequest>;

/** A person's identity: the records linked under it, their names as aliases, and their enrollments. */
export const ZIdentity = z.object({
  identityId: z.string(),
  detaineeId: z.string(),
  isn: z.string(),
  name: z.object({ ar: z.string(), latin: z.string() }),
  aliases: z.array(z.object({ name: z.string(), source: z.string(), isn: z.string().nullable() })),
  members: z.array(z.object({ detaineeId: z.string(), isn: z.string(), nameLatin: z.string(), nameAr: z.string(), marking: z.string() })),
  enrollments: z.array(ZEnrollment),
  decisions: z.array(z.object({ candidateId: z.string(), decision: z.string(), reason: z.string(), by: z.string(), at: z.string(), otherIsn: z.string() })),
  marking: z.string(),
});
export type TIdentity = z.infer<typeof ZIdentity>;

/** Pairwise accuracy of one matcher. */
export const ZAccuracy = z.object({
  matcher: z.string(),
  threshold: z.number(),
  truePairs: z.number().int(),
  predicted: z.number().int(),
  tp: z.number().int(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  /** False-negative identification rate at FPIR = 0.001 (null where not applicable). */
  fnirAtFpir: z.number().nullable(),
});
export type TAccuracy = z.infer<typeof ZAccuracy>;

export const ZEvaluation = z.object({ enrollments: z.number().int(), truePairs: z.number().int(), results: z.array(ZAccuracy) });
export type TEvaluation = z.infer<typeof ZEvaluation>;

export const ZDedupResult = z.object({ enrollments: z.number().int(), compared: z.number().int(), candidates: z.number().int(), queued: z.number().int(), method: z.string() });
export type TDedupResult = z.infer<typeof ZDedupResult>;

export { ZIsn as ZIdentityIsn };
