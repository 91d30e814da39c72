import { z } from 'zod';

/**
 * The early-warning module's contract with HTTP, CLI and web: conflict events (ACLED layout), facility
 * indicators, breaches, the risk of each facility with its factors, alerts and the back-test. Browser-safe.
 */

/** ACLED's six event types and the sub-event types of each (ACLED codebook). */
export const ACLED_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
} as const satisfies Record<string, readonly string[]>;
export type TEventType = keyof typeof ACLED_EVENT_TYPES;
/** ACLED's event types, in the codebook's order. */
export const EVENT_TYPES = Object.keys(ACLED_EVENT_TYPES) as TEventType[];

/**
 * Every column of an ACLED export, by its real name. An import needs the `REQUIRED` ones and accepts the rest
 * (kept or ignored); `marking` is Sallyport's own optional column (a portion mark per row).
 */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1',
  'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2',
  'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;
/** The ACLED columns an import cannot do without. */
export const ACLED_REQUIRED = ['event_date', 'event_type', 'sub_event_type', 'actor1', 'country', 'location', 'latitude', 'longitude', 'fatalities'] as const;

const ZDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a YYYY-MM-DD date');
const ZInstant = z.iso.datetime({ offset: true }).describe('ISO 8601 instant');
const ZText = (max: number) => z.string().trim().min(1).max(max);

/** A conflict event entered by hand (the same fields as an ACLED row). */
export const ZConflictEventInput = z.strictObject({
  eventDate: ZDay,
  eventType: z.enum(EVENT_TYPES as [TEventType, ...TEventType[]]),
  subEventType: ZText(80),
  actor1: ZText(200),
  actor2: ZText(200).optional(),
  country: ZText(80),
  admin1: ZText(120).optional(),
  admin2: ZText(120).optional(),
  admin3: ZText(120).optional(),
  location: ZText(200),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  fatalities: z.number().int().min(0).max(100_000),
  notes: z.string().max(4000).optional(),
  sourceId: ZText(40).optional(),
  marking: z.string().min(1).max(200).describe('portion mark, e.g. U or C//REL TO IRQ, USA'),
});
export type TConflictEventInput = z.input<typeof ZConflictEventInput>;

/** A stored conflict event as a reader sees it. */
export const ZConflictEvent = z.object({
  id: z.string(),
  sourceId: z.string().nullable(),
  eventDate: z.string(),
  eventType: z.string(),
  subEventType: z.string(),
  actor1: z.string(),
  actor2: z.string().nullable(),
  country: z.string(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  admin3: z.string().nullable(),
  location: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  fatalities: z.number(),
  notes: z.string().nullable(),
  origin: z.string(),
  marking: z.string(),
});
export type TConflictEvent = z.infer<typeof ZConflictEvent>;

/** Filters of the event list: a date range, a facility and radius, a page. */
export const ZEventListQuery = z.strictObject({
  from: ZDay.optional(),
  to: ZDay.optional(),
  near: z.string().min(1).max(40).optional().describe('facility code'),
  radiusKm: z.coerce.number().min(1).max(1000).default(150),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TEventListQuery = z.input<typeof ZEventListQuery>;

/** A page of events, newest first, with the banner of those shown. */
export const ZEventPage = z.object({ items: z.array(ZConflictEvent), total: z.number(), marking: z.string() });
export type TEventPage = z.infer<typeof ZEventPage>;

/** One row of an import that was refused: the CSV line (1 = header), the column and why. */
export const ZImportIssue = z.object({ line: z.number(), field: z.string(), reason: z.string() });
export type TImportIssue = z.infer<typeof ZImportIssue>;

/** What an import stored, and the alerts it raised. */
export const ZImportResult = z.object({
  importId: z.string(),
  imported: z.number(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  alertsRaised: z.number(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** Who controls the area around a site: the holding force, nobody for sure, or its adversary. */
export const AREA_CONTROL = ['holding-force', 'contested', 'hostile'] as const;
export type TAreaControl = (typeof AREA_CONTROL)[number];

/** One observation of a facility's indicators; give only what was observed. */
export const ZIndicatorInput = z
  .strictObject({
    facility: z.string().min(1).max(40),
    observedAt: ZInstant.optional().describe('default now'),
    guardStrength: z.number().int().min(0).max(100_000).optional(),
    population: z.number().int().min(0).max(1_000_000).optional(),
    capacity: z.number().int().min(1).max(1_000_000).optional(),
    daysSinceResupply: z.number().int().min(0).max(3650).optional(),
    riots: z.number().int().min(0).max(1000).optional(),
    escapeAttempts: z.number().int().min(0).max(1000).optional(),
    guardDesertions: z.number().int().min(0).max(100_000).optional(),
    areaControl: z.enum(AREA_CONTROL).optional(),
    note: z.string().max(2000).optional(),
    marking: z.string().min(1).max(200),
  })
  .refine(
    (i) => ['guardStrength', 'population', 'capacity', 'daysSinceResupply', 'riots', 'escapeAttempts', 'guardDesertions', 'areaControl'].some((k) => i[k as keyof typeof i] !== undefined),
    { message: 'an observation needs at least one indicator', path: ['guardStrength'] },
  );
export type TIndicatorInput = z.input<typeof ZIndicatorInput>;

/** A stored indicator observation. */
export const ZIndicator = z.object({
  id: z.string(),
  facility: z.string(),
  observedAt: z.string(),
  guardStrength: z.number().nullable(),
  population: z.number().nullable(),
  capacity: z.number().nullable(),
  daysSinceResupply: z.number().nullable(),
  riots: z.number().nullable(),
  escapeAttempts: z.number().nullable(),
  guardDesertions: z.number().nullable(),
  areaControl: z.enum(AREA_CONTROL).nullable(),
  note: z.string().nullable(),
  marking: z.string(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

/** A breach recorded by hand: the facility fell at `at`. */
export const ZBreachInput = z.strictObject({
  facility: z.string().min(1).max(40),
  at: ZInstant.optional(),
  note: z.string().max(2000).optional(),
  marking: z.string().min(1).max(200),
});
export type TBreachInput = z.input<typeof ZBreachInput>;

/** One factor of the model for one facility: its input, weight, and share of the log-hazard. */
export const ZRiskFactor = z.object({
  key: z.string(),
  label: z.string(),
  /** The observed input, in its own unit (events-weighted intensity, guards, days, …). */
  input: z.number().nullable(),
  /** The covariate the weight multiplies (see docs/warning.md). */
  x: z.number(),
  weight: z.number(),
  /** weight × x: the factor's term of the log-hazard. */
  contribution: z.number(),
  /** exp(contribution): how many times the baseline hazard this factor alone multiplies it by. */
  hazardRatio: z.number(),
});
export type TRiskFactor = z.infer<typeof ZRiskFactor>;

/** A facility's risk as of a time, as the caller may compute it from what they may see. */
export const ZFacilityRisk = z.object({
  facility: z.string(),
  name: z.string(),
  kind: z.string(),
  asOf: z.string(),
  hazardPerHour: z.number(),
  p7: z.number(),
  p30: z.number(),
  level: z.enum(['low', 'warning', 'critical', 'breached']),
  breachedAt: z.string().nullable(),
  factors: z.array(ZRiskFactor),
  /** Inputs behind the figure (events within range, observations) the caller may see. */
  inputs: z.object({ events: z.number(), observations: z.number(), latestData: z.string().nullable() }),
  openAlerts: z.number(),
  marking: z.string(),
});
export type TFacilityRisk = z.infer<typeof ZFacilityRisk>;

/** The risk board: every facility the caller may see, riskiest first. */
export const ZRiskBoard = z.object({
  asOf: z.string(),
  model: z.string(),
  thresholds: z.object({ warning: z.number(), critical: z.number() }),
  items: z.array(ZFacilityRisk),
  marking: z.string(),
});
export type TRiskBoard = z.infer<typeof ZRiskBoard>;

/** A forecast time (default now). */
export const ZRiskQuery = z.strictObject({ asOf: ZInstant.optional() });
export type TRiskQuery = z.input<typeof ZRiskQuery>;

/** A facility's risk day by day. */
export const ZRiskHistoryQuery = z.strictObject({
  from: ZInstant.optional().describe('default 60 days before `to`'),
  to: ZInstant.optional().describe('default now'),
  stepHours: z.coerce.number().int().min(1).max(24 * 7).default(24),
});
export type TRiskHistoryQuery = z.input<typeof ZRiskHistoryQuery>;

/** A site's probabilities at every step, its alerts in the window and when it fell. */
export const ZRiskHistory = z.object({
  facility: z.string(),
  points: z.array(z.object({ at: z.string(), p7: z.number(), p30: z.number(), hazardPerHour: z.number() })),
  alerts: z.array(z.object({ id: z.string(), level: z.string(), asOf: z.string() })),
  breachedAt: z.string().nullable(),
  marking: z.string(),
});
export type TRiskHistory = z.infer<typeof ZRiskHistory>;

/** An alert is open until a person acknowledges it. */
export const ALERT_STATUSES = ['open', 'acknowledged'] as const;

/** An alert: a facility's 7-day breach probability crossed a threshold. */
export const ZAlert = z.object({
  id: z.string(),
  facility: z.string(),
  facilityName: z.string(),
  level: z.enum(['warning', 'critical']),
  asOf: z.string(),
  raisedAt: z.string(),
  p7: z.number(),
  p30: z.number(),
  hazardPerHour: z.number(),
  threshold: z.number(),
  factors: z.array(ZRiskFactor),
  status: z.enum(ALERT_STATUSES),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  note: z.string().nullable(),
  marking: z.string(),
});
export type TAlert = z.infer<typeof ZAlert>;

/** Filters of the alert list. */
export const ZAlertListQuery = z.strictObject({
  status: z.enum(ALERT_STATUSES).optional(),
  facility: z.string().min(1).max(40).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAlertListQuery = z.input<typeof ZAlertListQuery>;

/** Alerts with the banner of those shown. */
export const ZAlertList = z.object({ items: z.array(ZAlert), marking: z.string() });

/** An acknowledgement, with what is being done about it. */
export const ZAckRequest = z.strictObject({ note: z.string().trim().min(1).max(2000).optional() });
export type TAckRequest = z.input<typeof ZAckRequest>;

/** Hours between the back-test's forecasts (default daily). */
export const ZBacktestQuery = z.strictObject({ stepHours: z.coerce.number().int().min(1).max(24 * 7).default(24) });
/** The back-test on the history in the store. */
export const ZBacktest = z.object({
  firstFallen: z.string().nullable(),
  firstFallAt: z.string().nullable(),
  /** Evaluation times before the first fall at which the model ranked that site highest, of all evaluated. */
  rankedFirst: z.number(),
  rankedOf: z.number(),
  rankedFirstRate: z.number().nullable(),
  /** The same, over the 14 days before the first fall only. */
  rankedFirstLast14Days: z.number(),
  rankedOfLast14Days: z.number(),
  /** Mean of (p7 − outcome)² over every site and evaluation time (outcome: the site fell within 7 days). */
  brier: z.number().nullable(),
  /** The Brier score of always forecasting the observed base rate, for comparison. */
  brierBaseRate: z.number().nullable(),
  forecasts: z.number(),
  breaches: z.array(z.object({ facility: z.string(), at: z.string() })),
  marking: z.string(),
});
export type TBacktest = z.infer<typeof ZBacktest>;
