import { z } from 'zod';
import { isCountryCode, ZMarkingText } from '../kernel/index.js';

/**
 * The cases module's contract with HTTP, CLI and web: case files, evidence items and their versions, the item's
 * own chain of custody, case readiness, declassification requests and decisions, exports. Browser-safe.
 */

/** Case statuses, in the order a case moves through them. */
export const CASE_STATUSES = ['open', 'referred', 'charged', 'tried', 'closed'] as const;
/** Where a case is to be tried: the receiving country, a country of origin, or an international mechanism. */
export const JURISDICTION_KINDS = ['receiving', 'origin', 'international'] as const;
/** Kinds of evidence item. */
export const EVIDENCE_KINDS = ['battlefield-document', 'digital-media', 'witness-statement', 'intelligence-report', 'biometric-match', 'custody-record'] as const;
/** How a version came to be: the original, a release as is, a redaction, a downgrade. */
export const VERSION_ORIGINS = ['original', 'release', 'redaction', 'downgrade'] as const;
/** What happened to an item in its own chain of custody. */
export const ITEM_CUSTODY_ACTIONS = ['collected', 'received', 'transferred', 'examined', 'stored', 'copied', 'released', 'redacted', 'downgraded'] as const;
/** Who a release is for: a country's prosecutor, or the court (identified by the country it sits in). */
export const AUDIENCE_KINDS = ['prosecutor', 'court'] as const;
/** A request's status; `expired` when it lapsed undecided. */
export const REQUEST_STATUSES = ['pending', 'awaiting-confirmation', 'released', 'denied', 'expired'] as const;
/** A reviewer's outcomes. */
export const DECISION_OUTCOMES = ['release', 'redact', 'downgrade', 'deny'] as const;

/** Largest evidence file accepted: 5 MiB. */
export const MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
/** Content types accepted for evidence files and bodies. */
export const EVIDENCE_CONTENT_TYPES = [
  'text/plain', 'text/markdown', 'application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'audio/mpeg', 'audio/wav', 'video/mp4', 'application/json',
] as const;

export const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
const ZDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
const ZInstant = z.iso.datetime({ message: 'expected an ISO-8601 UTC instant' });
const ZText = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max, { message: `at most ${max} characters` });

/** A case's jurisdiction. `country` is the prosecutor's country (for an international mechanism: its seat). */
export const ZJurisdiction = z.strictObject({
  kind: z.enum(JURISDICTION_KINDS),
  country: ZCountry,
  name: ZText(200).optional().describe('e.g. the mechanism or court'),
});
export type TJurisdiction = z.infer<typeof ZJurisdiction>;

/** Opening a case. The marking marks the case record itself (title, charges, detainee list). */
export const ZCreateCaseRequest = z.strictObject({
  ref: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,39}$/, { message: 'expected 3 to 40 capitals, digits or hyphens' }).optional(),
  title: ZText(300),
  detainees: z.array(z.string().min(1).max(64)).min(1, { message: 'a case concerns at least one detainee' }).max(200),
  jurisdiction: ZJurisdiction,
  charges: z.array(ZText(300)).max(50).default([]),
  marking: ZMarkingText.prefault('U'),
});
export type TCreateCaseRequest = z.input<typeof ZCreateCaseRequest>;

/**
 * Changing a case's status (optimistic: names the version it saw). Forward only; closing before trial and
 * reopening (closed → open) need a reason.
 */
export const ZCaseStatusRequest = z.strictObject({
  status: z.enum(CASE_STATUSES), version: z.number().int().min(1),
  reason: z.string().trim().min(1).max(2000).optional().describe('why: required to close a case that was not tried, and to reopen one'),
});
export type TCaseStatusRequest = z.input<typeof ZCaseStatusRequest>;

export const ZCaseListQuery = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  q: z.string().max(200).optional().describe('words in the reference or title'),
});
export type TCaseListQuery = z.input<typeof ZCaseListQuery>;

/** A case as a list shows it; `evidence` counts the items the caller may see. */
export const ZCaseSummary = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  jurisdiction: ZJurisdiction,
  agency: z.string(),
  evidence: z.number(),
  marking: z.string().describe('portion mark of the case record'),
  evidenceMarking: z.string().describe('banner of the evidence versions counted'),
  updatedAt: z.string(),
});
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

/** One step of an item's own chain of custody. */
export const ZItemCustodyEntry = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.enum(ITEM_CUSTODY_ACTIONS),
  actor: z.string(),
  place: z.string().nullable(),
  note: z.string().nullable(),
  marking: z.string(),
  recordedBy: z.string(),
});
export type TItemCustodyEntry = z.infer<typeof ZItemCustodyEntry>;

/** One version of an evidence item as the caller may see it. `body` is the text of text content. */
export const ZEvidenceVersion = z.object({
  id: z.string(),
  number: z.number(),
  origin: z.enum(VERSION_ORIGINS),
  parent: z.number().nullable().describe('number of the version it derives from, when the caller sees that one'),
  description: z.string(),
  source: z.string(),
  provenance: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  fileName: z.string().nullable(),
  body: z.string().nullable(),
  marking: z.string(),
  request: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TEvidenceVersion = z.infer<typeof ZEvidenceVersion>;

/** An evidence item: the versions the caller may see (oldest first) and its chain of custody as they may see it. */
export const ZEvidenceItem = z.object({
  id: z.string(),
  ref: z.string(),
  case: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  agency: z.string().describe('originating agency'),
  dated: z.string(),
  versions: z.array(ZEvidenceVersion),
  custody: z.array(ZItemCustodyEntry),
});
export type TEvidenceItem = z.infer<typeof ZEvidenceItem>;

/** How an item stands for the jurisdiction's prosecutor, as far as the caller can tell. */
export const READINESS_STATES = ['releasable', 'pending', 'denied', 'not-requested'] as const;
export const ZReadinessItem = z.object({ item: z.string(), kind: z.enum(EVIDENCE_KINDS), state: z.enum(READINESS_STATES), version: z.number().nullable(), marking: z.string() });
/** Per case: what evidence is releasable to the jurisdiction's prosecutor today, of what the caller may see. */
export const ZReadiness = z.object({
  case: z.string(),
  country: z.string(),
  total: z.number(),
  releasable: z.number(),
  pending: z.number(),
  denied: z.number(),
  notRequested: z.number(),
  items: z.array(ZReadinessItem),
  marking: z.string().describe('banner of every version counted'),
});
export type TReadiness = z.infer<typeof ZReadiness>;

/** A detainee of a case, as the caller may see them. */
export const ZCaseDetainee = z.object({ id: z.string(), isn: z.string(), name: z.string(), nationality: z.string(), marking: z.string() });

/** A case file: the case, its detainees, its evidence and its readiness, all as the caller may see them. */
export const ZCaseDetail = ZCaseSummary.extend({
  charges: z.array(z.string()),
  version: z.number(),
  detainees: z.array(ZCaseDetainee),
  items: z.array(ZEvidenceItem),
  readiness: ZReadiness,
});
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

/** Content: a text body, or a file as base64 with its type and name. */
export const ZContentInput = z.union([
  z.strictObject({ body: z.string().min(1, { message: 'must not be empty' }), contentType: z.enum(['text/plain', 'text/markdown']).default('text/plain') }),
  z.strictObject({ file: z.string().min(1, { message: 'must not be empty' }).describe('base64'), contentType: z.string().min(1), fileName: ZText(255) }),
]);
export type TContentInput = z.input<typeof ZContentInput>;

/** A step of an item's chain of custody, as recorded. Its marking defaults to the item's original marking. */
export const ZItemCustodyRequest = z.strictObject({
  at: ZInstant,
  action: z.enum(ITEM_CUSTODY_ACTIONS),
  actor: ZText(200),
  place: ZText(200).optional(),
  note: ZText(2000).optional(),
  marking: ZMarkingText.optional(),
});
export type TItemCustodyRequest = z.input<typeof ZItemCustodyRequest>;

/** Adding an evidence item to a case: its original version and the first steps of its chain of custody. */
export const ZAddEvidenceRequest = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  agency: z.string().min(1).max(40).describe('originating agency code: its reviewers decide releases'),
  dated: ZDate,
  description: ZText(2000),
  source: ZText(500),
  provenance: ZText(4000),
  content: ZContentInput,
  marking: ZMarkingText,
  custody: z.array(ZItemCustodyRequest).max(100).default([]),
});
export type TAddEvidenceRequest = z.input<typeof ZAddEvidenceRequest>;

/** A search over the evidence versions the caller may see. */
export const ZEvidenceSearchQuery = z.strictObject({
  q: z.string().trim().min(2, { message: 'at least 2 characters' }).max(200),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TEvidenceSearchQuery = z.input<typeof ZEvidenceSearchQuery>;
export const ZEvidenceHit = z.object({ case: z.string(), item: z.string(), kind: z.enum(EVIDENCE_KINDS), version: z.number(), description: z.string(), marking: z.string() });
export const ZEvidenceHits = z.object({ items: z.array(ZEvidenceHit), total: z.number(), marking: z.string() });
export type TEvidenceHits = z.infer<typeof ZEvidenceHits>;

/** Who a release is for. */
export const ZAudience = z.strictObject({ kind: z.enum(AUDIENCE_KINDS), country: ZCountry, name: ZText(200).optional() });
export type TAudience = z.infer<typeof ZAudience>;

/** A prosecutor's request that a version of an item be released to an audience. */
export const ZDeclassRequestInput = z.strictObject({
  item: z.string().min(1).max(64).describe('item reference or id'),
  version: z.number().int().min(1).optional().describe('default: the newest version the requester sees'),
  audience: ZAudience,
  purpose: ZText(2000),
  dueAt: ZInstant.optional().describe('the reviewer\'s deadline (default 14 days)'),
  expiresAt: ZInstant.optional().describe('the request lapses undecided (default 30 days after the deadline)'),
});
export type TDeclassRequestInput = z.input<typeof ZDeclassRequestInput>;

/** A reviewer's decision. `redact` carries the redacted content and its lower marking; `downgrade` its marking. */
export const ZDecisionInput = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('release'), reason: ZText(2000).optional() }),
  z.strictObject({
    outcome: z.literal('redact'), marking: ZMarkingText, content: ZContentInput, description: ZText(2000).optional(),
    source: ZText(500).optional(), provenance: ZText(4000).optional(), reason: ZText(2000).optional(),
  }),
  z.strictObject({ outcome: z.literal('downgrade'), marking: ZMarkingText, reason: ZText(2000).optional() }),
  z.strictObject({ outcome: z.literal('deny'), reason: ZText(2000) }),
]);
export type TDecisionInput = z.input<typeof ZDecisionInput>;

/** The second reviewer's answer to a proposed downgrade of S or TS. */
export const ZConfirmInput = z.strictObject({ approve: z.boolean(), reason: ZText(2000).optional() });
export type TConfirmInput = z.input<typeof ZConfirmInput>;

/** A signature over a decision: the agency key's name and id and the Ed25519 signature (base64). */
export const ZDecisionSignature = z.object({ key: z.string(), id: z.string(), sig: z.string() });

/** A declassification request as its requester or the originating agency's reviewers see it. */
export const ZDeclassRequest = z.object({
  id: z.string(),
  case: z.string(),
  item: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  agency: z.string(),
  version: z.number(),
  audience: ZAudience,
  purpose: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(REQUEST_STATUSES),
  overdue: z.boolean(),
  outcome: z.enum(DECISION_OUTCOMES).nullable(),
  proposedMarking: z.string().nullable(),
  proposedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  resultVersion: z.number().nullable(),
  decision: z.string().nullable().describe('the signed decision: RFC 8785 canonical JSON'),
  signature: ZDecisionSignature.nullable(),
  marking: z.string(),
});
export type TDeclassRequest = z.infer<typeof ZDeclassRequest>;

/** A request in the reviewer's queue with the original and, once made, the released version side by side. */
export const ZQueueEntry = ZDeclassRequest.extend({ original: ZEvidenceVersion, released: ZEvidenceVersion.nullable() });
export type TQueueEntry = z.infer<typeof ZQueueEntry>;

export const ZQueueQuery = z.strictObject({
  status: z.enum([...REQUEST_STATUSES, 'open', 'all']).default('open').describe('open: pending or awaiting confirmation'),
});
export type TQueueQuery = z.input<typeof ZQueueQuery>;
export const ZQueue = z.object({ items: z.array(ZQueueEntry), overdue: z.number(), marking: z.string() });
export type TQueue = z.infer<typeof ZQueue>;

/** A decision checked against the published agency keys. */
export const ZDecisionCheck = z.object({ request: z.string(), valid: z.boolean(), key: z.string().nullable(), problem: z.string().nullable() });

/** Export formats of a case file. */
export const EXPORT_FORMATS = ['markdown', 'html', 'pdf'] as const;
export const ZExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('markdown'),
  versions: z.enum(['latest', 'all']).default('latest').describe('per item: the newest version the reader sees, or every one'),
});
export type TExportQuery = z.input<typeof ZExportQuery>;

/** A seeded request and, optionally, its decision (the scenario's reference case files). */
export const ZRequestSeed = z.object({
  evidence: z.number().int().min(0).describe('index of the item in the case seed'),
  requester: z.string(),
  audience: ZAudience,
  purpose: z.string(),
  ageDays: z.number().int().min(0).describe('made this many days before the load'),
  dueDays: z.number().int().min(1),
  decision: z.object({ reviewer: z.string(), confirmer: z.string().optional(), input: ZDecisionInput }).optional(),
});

/** A seeded case file: acted out through the use cases as the named scenario users. */
export const ZCaseSeed = z.object({
  ref: z.string(),
  title: z.string(),
  prosecutor: z.string(),
  detainees: z.array(z.union([z.string(), z.number().int().min(0)])).min(1).describe('ISNs, or picks among the detainees releasable to the jurisdiction that the prosecutor sees'),
  jurisdiction: ZJurisdiction,
  charges: z.array(z.string()),
  marking: z.string(),
  evidence: z.array(z.object({ author: z.string(), request: ZAddEvidenceRequest })),
  requests: z.array(ZRequestSeed),
});
export type TCaseSeed = z.input<typeof ZCaseSeed>;
