import { z } from 'zod';
import { isCountryCode, ZMarkingText } from '../kernel/index.js';

/*
 * The repatriation module's contract with HTTP, CLI and web: countries of origin (status, conditions, the
 * engagement log, nationals held) and repatriation batches. Schemas only, nothing that needs Node (the web
 * client imports this file).
 */

/**
 * Where talks with a country of origin stand. `not-contacted` until a first approach; `accepted` once it agrees
 * to take nationals back (under its conditions); `repatriating` while batches are handed over; `completed` when
 * it has taken back those it agreed to.
 */
export const COUNTRY_STATUSES = ['not-contacted', 'contacted', 'declined', 'negotiating', 'accepted', 'repatriating', 'completed'] as const;
export type CountryStatus = (typeof COUNTRY_STATUSES)[number];

/**
 * The status changes allowed, from each status. A country that declined may be approached again; one that
 * accepted may suspend (back to negotiating) or withdraw (declined); a completed country may open a new round.
 */
export const STATUS_TRANSITIONS: Readonly<Record<CountryStatus, readonly CountryStatus[]>> = {
  'not-contacted': ['contacted'],
  contacted: ['negotiating', 'accepted', 'declined'],
  declined: ['contacted', 'negotiating'],
  negotiating: ['accepted', 'declined'],
  accepted: ['repatriating', 'negotiating', 'declined'],
  repatriating: ['completed', 'negotiating'],
  completed: ['negotiating'],
};

/** The statuses under which batches may be planned and handed over. */
export const BATCH_STATUSES_OF_COUNTRY: readonly CountryStatus[] = ['accepted', 'repatriating'];

/**
 * Conditions a country sets on whom it takes back, each checked against every member of a batch:
 * `children-only` (under 18 at the planned date), `women-and-children` (women and children under 18),
 * `residents-only` (camp residents, no detainees), `detainees-only`, `prosecution-assurances` (a batch with
 * detainees must cite the assurances given on their prosecution and treatment), `identity-confirmed`
 * (every member's date or year of birth is known to the registry).
 */
export const CONDITIONS = ['children-only', 'women-and-children', 'residents-only', 'detainees-only', 'prosecution-assurances', 'identity-confirmed'] as const;
export type Condition = (typeof CONDITIONS)[number];

/** An entry of the engagement log: a meeting, a note verbale, a request made, an answer received. */
export const ENGAGEMENT_KINDS = ['meeting', 'note-verbale', 'request', 'answer'] as const;
/** What an answer says. */
export const ANSWER_OUTCOMES = ['accepted', 'accepted-with-conditions', 'declined', 'deferred', 'more-information'] as const;

/** The life of a batch: planned, handing over (some members already handed over), handed over, or cancelled. */
export const BATCH_STATUSES = ['planned', 'handing-over', 'handed-over', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];
/**
 * Where a member of a batch stands: planned, awaiting the receiving officials' signature (detainees), handed
 * over, or not handed over (the custody handover was refused by the receiving agency, withdrawn by the holder,
 * or cancelled in custody outside the batch; see `MEMBER_OUTCOMES`).
 */
export const MEMBER_STATES = ['planned', 'awaiting-receipt', 'handed-over', 'not-handed-over'] as const;
/** Why a member was not handed over: the custody outcome of their handover. */
export const MEMBER_OUTCOMES = ['refused', 'withdrawn', 'cancelled'] as const;
/** What becomes of a batch of which nobody was received once its pending handovers are refused or withdrawn. */
export const NONE_RECEIVED = ['planned', 'cancelled'] as const;
/** The age groups nationals are counted in. */
export const AGE_GROUPS = ['under-12', '12-17', 'adult', 'unknown'] as const;
/** Agency kinds that may receive nationals on a country's behalf. */
export const RECEIVING_KINDS = ['justice', 'counter-terrorism', 'law-enforcement', 'embassy', 'diplomatic'] as const;

const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
const ZCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'uppercase letters, digits and hyphens');
const ZText = (max: number) => z.string().trim().min(1).max(max);
/** A date `YYYY-MM-DD` or an ISO-8601 instant. */
const ZWhen = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(s) && !Number.isNaN(Date.parse(s)), 'a date YYYY-MM-DD or an ISO-8601 instant');

/** Records an engagement with a country: a meeting, a note verbale, a request or an answer. */
export const ZEngagementRequest = z.strictObject({
  kind: z.enum(ENGAGEMENT_KINDS),
  at: ZWhen.optional().describe('when it happened (default now); never in the future'),
  summary: ZText(300).describe('one line'),
  body: z.string().trim().max(5000).optional(),
  counterpart: ZText(200).optional().describe('who on the country\'s side'),
  reference: ZText(100).optional().describe('note number or file reference'),
  outcome: z.enum(ANSWER_OUTCOMES).optional().describe('an answer\'s outcome (answers only)'),
  dueBy: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional().describe('when an answer is due (requests only)'),
  marking: ZMarkingText,
}).superRefine((v, ctx) => {
  if (v.kind === 'answer' && !v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'an answer states its outcome' });
  if (v.kind !== 'answer' && v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'only an answer has an outcome' });
  if (v.kind !== 'request' && v.dueBy) ctx.addIssue({ code: 'custom', path: ['dueBy'], message: 'only a request has a due date' });
});
export type TEngagementRequest = z.input<typeof ZEngagementRequest>;

/** Changes a country's status (validated against STATUS_TRANSITIONS) and, optionally, its conditions. */
export const ZStatusRequest = z.strictObject({
  status: z.enum(COUNTRY_STATUSES),
  conditions: z.array(z.enum(CONDITIONS)).max(CONDITIONS.length).optional().describe('replaces the conditions when given'),
  note: z.string().trim().max(500).optional(),
  version: z.number().int().min(0).optional().describe('the version read; refused when the record changed since'),
  marking: ZMarkingText.optional().describe('the marking of the country record (kept when omitted; required the first time)'),
});
export type TStatusRequest = z.input<typeof ZStatusRequest>;

/** A person in a batch: a detainee (ISN or id) or a camp resident (id). */
export const ZBatchMemberRef = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('detainee'), id: ZText(64) }),
  z.strictObject({ kind: z.literal('resident'), id: ZText(64) }),
]);
export type TBatchMemberRef = z.infer<typeof ZBatchMemberRef>;

/** Plans a batch: persons to hand over to a country's officials at a place and time. */
export const ZCreateBatchRequest = z.strictObject({
  country: ZCountry,
  receivingAgency: ZCode.describe('agency code of the country\'s receiving officials'),
  place: ZCode.describe('facility code or aircraft tail where the handover takes place'),
  at: ZWhen.describe('planned date or time of the handover'),
  members: z.array(ZBatchMemberRef).min(1).max(500),
  assurances: ZText(300).optional().describe('reference of the prosecution and treatment assurances, when the country gave them'),
  note: z.string().trim().max(500).optional(),
  marking: ZMarkingText,
});
export type TCreateBatchRequest = z.input<typeof ZCreateBatchRequest>;

/** Which members a handover covers: the detainees (custody handovers), the camp residents, or both. */
export const ZHandOverRequest = z.strictObject({
  part: z.enum(['all', 'detainees', 'residents']).default('all'),
  condition: z.enum(['fit', 'fit-with-needs', 'unfit']).default('fit').describe('the detainees\' condition at handover'),
  childCustody: z.enum(['with-guardian', 'reunification']).default('with-guardian').describe('how children leave the camp (see camps releases)'),
});
export type THandOverRequest = z.input<typeof ZHandOverRequest>;

export const ZCountryQuery = z.strictObject({
  status: z.enum(COUNTRY_STATUSES).optional(),
});
export type TCountryQuery = z.input<typeof ZCountryQuery>;

export const ZBatchQuery = z.strictObject({
  country: ZCountry.optional(),
  status: z.enum(BATCH_STATUSES).optional(),
});
export type TBatchQuery = z.input<typeof ZBatchQuery>;

/** Nationals held, as the viewer may see them. */
export const ZNationals = z.object({
  detainees: z.object({
    total: z.number(),
    held: z.number().describe('still held (held, in transit or transferred)'),
    repatriated: z.number(),
    byStatus: z.record(z.string(), z.number()),
    byAgeGroup: z.record(z.string(), z.number()),
  }),
  residents: z.object({
    total: z.number(),
    present: z.number(),
    repatriated: z.number(),
    byStatus: z.record(z.string(), z.number()),
    byAgeGroup: z.record(z.string(), z.number()),
    women: z.number().describe('adult women present (where the camp shows sex and birth)'),
    byCamp: z.record(z.string(), z.number()).describe('present residents per camp'),
  }),
  /** Camps whose agreement withholds nationality from the viewer: not counted here. */
  withheldCamps: z.array(z.string()),
});
export type TNationals = z.infer<typeof ZNationals>;

/** One row of the countries board. */
export const ZCountrySummary = z.object({
  country: z.string(),
  name: z.string(),
  status: z.enum(COUNTRY_STATUSES),
  conditions: z.array(z.enum(CONDITIONS)),
  /** Persons still to be repatriated (detainees held + residents present) and those repatriated. */
  held: z.number(),
  repatriated: z.number(),
  /** Share of nationals repatriated, 0–1 (0 when none). */
  progress: z.number(),
  lastEngagement: z.string().nullable(),
  openBatches: z.number(),
  version: z.number().nullable(),
  /** Banner of the records summarised (country record, counts, engagements, batches). */
  marking: z.string(),
});
export type TCountrySummary = z.infer<typeof ZCountrySummary>;

export const ZCountryList = z.object({ items: z.array(ZCountrySummary), marking: z.string(), withheldCamps: z.array(z.string()) });
export type TCountryList = z.infer<typeof ZCountryList>;

export const ZEngagement = z.object({
  id: z.string(),
  country: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  at: z.string(),
  summary: z.string(),
  body: z.string().nullable(),
  counterpart: z.string().nullable(),
  reference: z.string().nullable(),
  outcome: z.enum(ANSWER_OUTCOMES).nullable(),
  dueBy: z.string().nullable(),
  recordedBy: z.string(),
  marking: z.string(),
});
export type TEngagement = z.infer<typeof ZEngagement>;

export const ZBatchMember = z.object({
  kind: z.enum(['detainee', 'resident']),
  id: z.string(),
  /** ISN of a detainee; null for a resident. */
  isn: z.string().nullable(),
  name: z.string().nullable(),
  sex: z.string().nullable(),
  age: z.number().nullable(),
  state: z.enum(MEMBER_STATES),
  handover: z.string().nullable().describe('the custody handover of a detainee'),
  outcome: z.enum(MEMBER_OUTCOMES).nullable().describe('why the member was not handed over (kept when the batch returns to planned)'),
  outcomeReason: z.string().nullable(),
  marking: z.string(),
});
export type TBatchMember = z.infer<typeof ZBatchMember>;

export const ZBatch = z.object({
  id: z.string(),
  country: z.string(),
  receivingAgency: z.string(),
  place: z.string(),
  at: z.string(),
  status: z.enum(BATCH_STATUSES),
  assurances: z.string().nullable(),
  note: z.string().nullable(),
  members: z.array(ZBatchMember).describe('the members the viewer may see'),
  hidden: z.number().describe('members the viewer may not see (counted, never shown)'),
  createdAt: z.string(),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
  marking: z.string(),
});
export type TBatch = z.infer<typeof ZBatch>;

/**
 * Refusing (receiving agency) or withdrawing (holder) a batch's pending detainee handovers: the reason is
 * recorded on each member not handed over; `ifNoneReceived` says whether a batch of which nobody was received
 * returns to planned (default) or is cancelled.
 */
export const ZBatchOutcomeRequest = z.strictObject({
  reason: z.string().trim().min(1, 'a reason is required').max(2000),
  ifNoneReceived: z.enum(NONE_RECEIVED).default('planned'),
});
export type TBatchOutcomeRequest = z.input<typeof ZBatchOutcomeRequest>;

export const ZBatchList = z.object({ items: z.array(ZBatch), marking: z.string() });
export type TBatchList = z.infer<typeof ZBatchList>;

/** The board of one country. */
export const ZCountryBoard = z.object({
  summary: ZCountrySummary,
  nationals: ZNationals,
  /** Children in the camps reaching 18 in each of the next 24 months (from the camps' cohorts). */
  reaching18: z.array(z.object({ month: z.string(), count: z.number() })),
  engagements: z.array(ZEngagement),
  batches: z.array(ZBatch),
  /** Status changes, newest first. */
  history: z.array(z.object({ at: z.string(), from: z.enum(COUNTRY_STATUSES), to: z.enum(COUNTRY_STATUSES), by: z.string(), note: z.string().nullable() })),
  transitions: z.array(z.enum(COUNTRY_STATUSES)).describe('the statuses the country may move to next'),
  marking: z.string(),
});
export type TCountryBoard = z.infer<typeof ZCountryBoard>;

/** The world map: per country, nationals held and repatriated, and the status. */
export const ZWorldMap = z.object({
  countries: z.array(z.object({ country: z.string(), status: z.enum(COUNTRY_STATUSES), held: z.number(), repatriated: z.number() })),
  marking: z.string(),
});
export type TWorldMap = z.infer<typeof ZWorldMap>;
