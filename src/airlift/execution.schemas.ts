import { z } from 'zod';

/**
 * Airlift execution: stored plans, sorties and their manifests, scans of wristbands at boarding and arrival,
 * discrepancies and their resolutions, and the reconciliation of where every detainee is. Browser-safe (the
 * web UI and its offline scan page import it), including the wristband check digit.
 */

// ---------------------------------------------------------------------------------------------------------
// Wristbands: the ISN with an ISO/IEC 7064 MOD 37-2 check character.

const MOD37_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*';

/**
 * The ISO/IEC 7064 MOD 37-2 check character of an identifier: computed over its letters and digits (upper
 * case; hyphens and other separators ignored), one of `0-9`, `A-Z` or `*`. It catches every single wrong
 * character and every swap of two adjacent characters.
 * @throws RangeError when the identifier has no letter or digit.
 */
export function checkCharacter(id: string): string {
  const chars = id.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (chars.length === 0) throw new RangeError(`no letter or digit in ${JSON.stringify(id)}`);
  let p = 0;
  for (const c of chars) p = ((p + MOD37_ALPHABET.indexOf(c)) * 2) % 37;
  return MOD37_ALPHABET[(38 - p) % 37]!;
}

/** The text a wristband's QR code holds: the ISN, a hyphen, its check character (`SP-SY-000123-K`). */
export function wristbandCode(isn: string): string {
  return `${isn}-${checkCharacter(isn)}`;
}

const WRISTBAND_RE = /^(SP-[A-Z]{2}-\d{6,9})-([0-9A-Z*])$/;

/** What a scanned text says: the ISN when the check character matches, else why it does not. */
export function parseWristband(text: string): { isn: string } | { error: string } {
  const t = text.trim().toUpperCase();
  const m = WRISTBAND_RE.exec(t);
  if (!m) return { error: 'not a wristband code (expected SP-CC-000123-X)' };
  return checkCharacter(m[1]!) === m[2] ? { isn: m[1]! } : { error: 'check character does not match: misread or mistyped' };
}

// ---------------------------------------------------------------------------------------------------------
// Plans

/** The life of a stored plan: a draft may be approved; approving a re-plan supersedes its parent. */
export const PLAN_STATUSES = ['draft', 'approved', 'superseded'] as const;
export const ZPlanStatus = z.enum(PLAN_STATUSES);
export type TPlanStatus = z.infer<typeof ZPlanStatus>;

/** A stored plan as listed: figures and provenance, without the document. */
export const ZPlanSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: ZPlanStatus,
  detainees: z.number(),
  sorties: z.number(),
  expectedLoss: z.number(),
  completionHours: z.number().nullable(),
  flightHours: z.number(),
  boundLoss: z.number(),
  boundCompletionHours: z.number(),
  gap: z.number().describe('(expected loss − bound) / expected loss'),
  parentId: z.string().nullable().describe('the plan this one re-plans'),
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  marking: z.string().describe('banner of the detainees planned'),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

/** A stored plan with its document (format sallyport.airlift.plan/1), the disruption and diff of a re-plan. */
export const ZStoredPlan = ZPlanSummary.extend({
  plan: z.record(z.string(), z.unknown()).describe('the plan document, formats/airlift.md'),
  disruption: z.unknown().nullable(),
  diff: z.unknown().nullable(),
});
export type TStoredPlan = z.infer<typeof ZStoredPlan>;

/** Saving a plan document for execution. */
export const ZSavePlanRequest = z.strictObject({
  plan: z.record(z.string(), z.unknown()).describe('a plan document (sallyport.airlift.plan/1) whose detainees are registered ISNs'),
  name: z.string().trim().min(1).max(200).optional(),
});
export type TSavePlanRequest = z.input<typeof ZSavePlanRequest>;

// ---------------------------------------------------------------------------------------------------------
// Sorties, manifests

/** A sortie's status; `closed` follows `landed` once everyone is accounted for and every discrepancy resolved. */
export const SORTIE_STATUSES = ['planned', 'boarding', 'airborne', 'landed', 'closed', 'cancelled'] as const;
export const ZSortieStatus = z.enum(SORTIE_STATUSES);
export type TSortieStatus = z.infer<typeof ZSortieStatus>;

/** The transitions a sortie may make. */
export const SORTIE_TRANSITIONS: Readonly<Record<TSortieStatus, readonly TSortieStatus[]>> = {
  planned: ['boarding', 'cancelled'],
  boarding: ['airborne', 'cancelled'],
  airborne: ['landed'],
  landed: ['closed'],
  closed: [],
  cancelled: [],
};

/** One person on a sortie's manifest: where they board and alight; `amended` when a resolution added them. */
export const ZManifestEntry = z.object({
  isn: z.string(),
  board: z.string().describe('node id where they board'),
  alight: z.string().describe('node id where they alight'),
  tier: z.string().nullable(),
  medical: z.boolean(),
  amended: z.boolean(),
});
export type TManifestEntry = z.infer<typeof ZManifestEntry>;

/** A sortie: legs of one aircraft from a boarding to the drop of everyone aboard. */
export const ZSortie = z.object({
  id: z.string(),
  planId: z.string(),
  label: z.string(),
  aircraft: z.string(),
  from: z.string(),
  to: z.string(),
  depart: z.string(),
  arrive: z.string(),
  status: ZSortieStatus,
  statusAt: z.string().nullable(),
  manifested: z.number(),
  openDiscrepancies: z.number(),
  marking: z.string(),
});
export type TSortie = z.infer<typeof ZSortie>;

/** Which sorties the execution board lists: those in progress (boarding, airborne, landed, or with an open discrepancy) or all. */
export const BOARD_FILTERS = ['active', 'all'] as const;
/** A page of the execution board's sorties, in order of departure (server-side paging). */
export const ZBoardQuery = z.strictObject({
  which: z.enum(BOARD_FILTERS).default('active'),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TBoardQuery = z.input<typeof ZBoardQuery>;
export const ZSortiePage = z.object({
  items: z.array(ZSortie),
  nextCursor: z.string().nullable(),
  total: z.number().describe('sorties of the plan matching `which` that the caller may see'),
});
export type TSortiePage = z.infer<typeof ZSortiePage>;

/** A sortie with its manifest and the place of each person on it. */
export const ZSortieDetail = ZSortie.extend({
  manifest: z.array(ZManifestEntry.extend({ boarded: z.boolean(), arrived: z.boolean(), place: z.string() })),
  discrepancies: z.lazy(() => z.array(ZDiscrepancy)),
});
export type TSortieDetail = z.infer<typeof ZSortieDetail>;

export const ZSortieStatusRequest = z.strictObject({
  status: ZSortieStatus,
  at: z.string().datetime().optional().describe('when it happened (default now)'),
});
export type TSortieStatusRequest = z.input<typeof ZSortieStatusRequest>;

// ---------------------------------------------------------------------------------------------------------
// Scans, discrepancies, resolutions

export const SCAN_KINDS = ['board', 'arrive'] as const;
export const ZScanKind = z.enum(SCAN_KINDS);
export type TScanKind = z.infer<typeof ZScanKind>;

/** Where a scan came from: a camera or handheld scanner, or a printed manifest's tick boxes entered back. */
export const ZScanSource = z.enum(['camera', 'wedge', 'paper', 'api']);

/**
 * One scan of a wristband. `id` is generated by the scanner (a ULID) so that a queued scan synced twice is
 * stored once; `code` is the wristband text (ISN and check character) or, from a paper manifest, the ISN.
 */
export const ZScanRequest = z.strictObject({
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ULID generated by the scanner'),
  sortie: z.string().min(1).max(64),
  kind: ZScanKind,
  code: z.string().trim().min(1).max(64),
  node: z.string().min(1).max(64).optional().describe('where the scan happened (default: the manifest entry, else the sortie)'),
  scannedAt: z.string().datetime().describe('the scanner\'s clock'),
  device: z.string().trim().min(1).max(64).default('unknown'),
  source: ZScanSource.default('api'),
});
export type TScanRequest = z.input<typeof ZScanRequest>;

export const DISCREPANCY_KINDS = ['wrong-sortie', 'unmanifested', 'duplicate', 'conflict', 'missing-at-arrival', 'custody'] as const;
export const ZDiscrepancyKind = z.enum(DISCREPANCY_KINDS);
export type TDiscrepancyKind = z.infer<typeof ZDiscrepancyKind>;

/** What a stored scan decided: applied (moved the person) or held, and the discrepancy raised if any. */
export const ZScanResult = z.object({
  id: z.string(),
  seq: z.number(),
  sortie: z.string(),
  kind: ZScanKind,
  isn: z.string(),
  node: z.string(),
  applied: z.boolean(),
  discrepancy: ZDiscrepancyKind.nullable(),
  custody: z.string().nullable().describe('the custody log entry recorded, or why none could be'),
  replayed: z.boolean().describe('true when this scan id had been stored before (a sync retry)'),
  marking: z.string().describe("the sortie's marking"),
});
export type TScanResult = z.infer<typeof ZScanResult>;

export const ZSyncRequest = z.strictObject({ scans: z.array(ZScanRequest).min(1).max(500) });
export const ZSyncResult = z.object({
  results: z.array(z.union([ZScanResult, z.object({ id: z.string(), error: z.string(), code: z.string() })])),
});
export type TSyncResult = z.infer<typeof ZSyncResult>;

export const RESOLUTION_ACTIONS = ['accept', 'void', 'place'] as const;
export const ZResolutionAction = z.enum(RESOLUTION_ACTIONS);

/** A discrepancy: raised by a scan or a close, blocking the sortie's close until a person resolves it. */
export const ZDiscrepancy = z.object({
  id: z.string(),
  sortie: z.string(),
  kind: ZDiscrepancyKind,
  isn: z.string(),
  scan: z.string().nullable(),
  detail: z.string(),
  raisedAt: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.object({ action: ZResolutionAction, place: z.string().nullable(), note: z.string(), by: z.string(), at: z.string() }).nullable(),
  marking: z.string(),
});
export type TDiscrepancy = z.infer<typeof ZDiscrepancy>;

/**
 * How a person settles a discrepancy: `accept` the scan as the truth (the manifest is amended, a held scan
 * applied), `void` it as an error, or `place` the person where they were found (a node id, or `sortie:<id>`
 * for aboard).
 */
export const ZResolveRequest = z.strictObject({
  action: ZResolutionAction,
  place: z.string().min(1).max(80).optional(),
  note: z.string().trim().min(3).max(1000),
});
export type TResolveRequest = z.input<typeof ZResolveRequest>;

// ---------------------------------------------------------------------------------------------------------
// Reconciliation

export const PLACE_KINDS = ['site', 'aircraft', 'staging', 'destination'] as const;
export const ZPlaceKind = z.enum(PLACE_KINDS);
export type TPlaceKind = z.infer<typeof ZPlaceKind>;

/** Where everyone is: counts by kind of place and by place; the counts always sum to `total`. */
export const ZReconciliation = z.object({
  planId: z.string(),
  total: z.number(),
  byKind: z.object({ site: z.number(), aircraft: z.number(), staging: z.number(), destination: z.number() }),
  byPlace: z.array(z.object({ kind: ZPlaceKind, at: z.string(), count: z.number() })),
  balanced: z.boolean().describe('the counts sum to the total'),
  openDiscrepancies: z.number(),
  sorties: z.record(ZSortieStatus, z.number()),
  asOf: z.string(),
  marking: z.string(),
});
export type TReconciliation = z.infer<typeof ZReconciliation>;

/** A paper manifest entered back: the ISNs ticked as boarded or arrived. */
export const ZPaperEntryRequest = z.strictObject({
  kind: ZScanKind,
  ticked: z.array(z.string().min(1).max(64)).max(1000),
  at: z.string().datetime(),
  device: z.string().trim().min(1).max(64).default('paper'),
});
export type TPaperEntryRequest = z.input<typeof ZPaperEntryRequest>;
