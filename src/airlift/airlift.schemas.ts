import { z } from 'zod';

/**
 * The airlift instance and plan, format version 1, as zod schemas that keep exactly to
 * docs/formats/airlift-instance.schema.json and airlift-plan.schema.json: unknown fields are refused except
 * `x-` extensions, and the per-kind required node fields are checked. Browser-safe (the web imports it).
 */

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** An object that refuses unknown fields except those whose names start with `x-`. */
function xObject<S extends z.ZodRawShape>(shape: S) {
  const known = new Set(Object.keys(shape));
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!known.has(key) && !key.startsWith('x-')) ctx.addIssue({ code: 'custom', message: `unknown field ${key}`, path: [key] });
      }
    });
}

function unique<T extends z.ZodType>(item: T) {
  return z.array(item).refine((xs) => new Set(xs).size === xs.length, { message: 'items must be unique' });
}

/** An id of an instance object: 1–64 letters, digits and `._:-`, starting with a letter or digit. */
export const ZAirliftId = z.string().min(1).max(64).regex(ID_PATTERN, 'letters, digits and ._:- (starting with a letter or digit)');
/** An ISO 8601 UTC time with a `Z`; seconds optional. */
export const ZAirliftTime = z.string().regex(TIME_PATTERN, 'ISO 8601 UTC time with Z, e.g. 2027-01-05T06:30:00Z');
export const TIERS = ['HIGH', 'MEDIUM', 'LOW'] as const;
export const ZTier = z.enum(TIERS);
export type TTier = z.infer<typeof ZTier>;
export const NODE_KINDS = ['origin', 'staging', 'destination', 'refuel'] as const;
export const ZNodeKind = z.enum(NODE_KINDS);
export type TNodeKind = z.infer<typeof ZNodeKind>;

const REQUIRED_BY_KIND: Record<TNodeKind, readonly string[]> = {
  origin: ['landingSlots', 'hazardPerHour'],
  staging: ['holdingCapacity', 'maxHoldHours'],
  destination: ['intakePerHour'],
  refuel: [],
};

/** A node of the network: an origin (prison or camp), a staging airfield, a destination or a refuel point. */
export const ZAirliftNode = xObject({
  id: ZAirliftId,
  kind: ZNodeKind,
  name: z.string(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  landingSlots: z.number().int().min(1).optional(),
  hazardPerHour: z.number().min(0).optional(),
  refuel: z.boolean().optional(),
  holdingCapacity: z.number().int().min(0).optional(),
  maxHoldHours: z.number().gt(0).optional(),
  intakePerHour: z.number().int().min(1).optional(),
  hazardSchedule: z.array(z.strictObject({ from: ZAirliftTime, perHour: z.number().min(0) })).optional(),
}).superRefine((node, ctx) => {
  for (const field of REQUIRED_BY_KIND[node.kind]) {
    if (node[field] === undefined) ctx.addIssue({ code: 'custom', message: `a ${node.kind} node needs ${field}`, path: [field] });
  }
});
export type TAirliftNode = z.infer<typeof ZAirliftNode>;

/** An aircraft type: seats, speed, range, ground times and the node kinds it may land at. */
export const ZAircraftType = xObject({
  id: ZAirliftId,
  seats: z.number().int().min(1),
  speedKmh: z.number().gt(0),
  rangeKm: z.number().gt(0),
  loadMinutes: z.number().min(0),
  unloadMinutes: z.number().min(0),
  refuelMinutes: z.number().min(0),
  canLandAt: unique(ZNodeKind).min(1),
});
export type TAircraftType = z.infer<typeof ZAircraftType>;

/** One airframe: its type, where it is at `availableFrom`, its window and its crew's daily flight limit. */
export const ZAircraft = xObject({
  id: ZAirliftId,
  type: ZAirliftId,
  base: ZAirliftId,
  availableFrom: ZAirliftTime,
  availableUntil: ZAirliftTime,
  maxFlightHoursPerDay: z.number().gt(0).max(24),
});
export type TAircraft = z.infer<typeof ZAircraft>;

const ZByTier = z.strictObject({ HIGH: z.number().min(0), MEDIUM: z.number().min(0), LOW: z.number().min(0) });

/** Rules every leg keeps: escorts by tier, the high-risk cap, medic seats, and the loss weight of each tier. */
export const ZAirliftRules = xObject({
  escortPerDetainee: ZByTier,
  maxHighRiskPerLeg: z.number().int().min(0),
  medicSeats: z.number().int().min(0),
  lossWeight: ZByTier.optional(),
});
export type TAirliftRules = z.infer<typeof ZAirliftRules>;

/** A detainee to move: where it is held, its risk tier, keep-apart groups and whether it needs a medic. */
export const ZAirliftDetainee = xObject({
  id: ZAirliftId,
  site: ZAirliftId,
  tier: ZTier,
  keepApart: unique(z.string().min(1)),
  medical: z.boolean(),
});
export type TAirliftDetainee = z.infer<typeof ZAirliftDetainee>;

/** An agreement quota: detainees arriving at a destination per UTC calendar day at most. */
export const ZQuota = z.strictObject({ destination: ZAirliftId, perDay: z.number().int().min(0) });
export type TQuota = z.infer<typeof ZQuota>;

export const INSTANCE_FORMAT = 'sallyport.airlift.instance/1';
export const PLAN_FORMAT = 'sallyport.airlift.plan/1';

/** A planning instance (`sallyport.airlift.instance/1`). */
export const ZAirliftInstance = xObject({
  format: z.literal(INSTANCE_FORMAT),
  name: z.string(),
  start: ZAirliftTime,
  nodes: z.array(ZAirliftNode).min(2),
  aircraftTypes: z.array(ZAircraftType).min(1),
  aircraft: z.array(ZAircraft).min(1),
  rules: ZAirliftRules,
  detainees: z.array(ZAirliftDetainee),
  quotas: z.array(ZQuota),
});
export type TAirliftInstance = z.infer<typeof ZAirliftInstance>;

/** One leg an aircraft flies, with who boards at `from` and who alights at `to`. */
export const ZLeg = xObject({
  aircraft: z.string(),
  from: z.string(),
  to: z.string(),
  depart: ZAirliftTime,
  arrive: ZAirliftTime,
  refuelBefore: z.boolean(),
  board: unique(z.string()),
  alight: unique(z.string()),
  guards: z.number().int().min(0),
  medic: z.boolean(),
  sortie: z.string().optional(),
});
export type TLeg = z.infer<typeof ZLeg>;

/** The three parts of the objective, in order of importance. `completionHours` is null when someone is not delivered. */
export const ZObjective = z.strictObject({
  expectedLoss: z.number().min(0),
  completionHours: z.number().min(0).nullable(),
  flightHours: z.number().min(0),
});
export type TObjective = z.infer<typeof ZObjective>;

/** Lower bounds on the best possible expected loss and completion time of the instance. */
export const ZBound = z.strictObject({
  expectedLoss: z.number().min(0),
  completionHours: z.number().min(0),
  method: z.string(),
});
export type TBound = z.infer<typeof ZBound>;

/** A detainee the plan does not deliver, and why. */
export const ZUndelivered = z.object({ id: z.string(), reason: z.string() }).catchall(z.unknown());

/** A plan (`sallyport.airlift.plan/1`): the instance, the legs, the objective and the bound. */
export const ZAirliftPlan = xObject({
  format: z.literal(PLAN_FORMAT),
  instance: ZAirliftInstance,
  legs: z.array(ZLeg),
  objective: ZObjective,
  bound: ZBound,
  'x-undelivered': z.array(ZUndelivered).optional(),
});
export type TAirliftPlan = z.infer<typeof ZAirliftPlan>;

/** One broken rule of a plan: the rule's number in formats/airlift.md (0 for the objective and bound) and what is wrong. */
/** A broken rule: 1–18 of formats/airlift.md, 0 for the format and objective, `x-1` for the per-nationality quotas extension, `x-2` … `x-5` for agreement conditions (docs/airlift.md). */
export const ZViolation = z.object({ rule: z.union([z.number().int().min(0).max(18), z.enum(['x-1', 'x-2', 'x-3', 'x-4', 'x-5'])]), message: z.string() });
export type TViolation = z.infer<typeof ZViolation>;

const disruptionBase = { at: ZAirliftTime, note: z.string().max(500).optional() };

/**
 * A disruption a re-plan answers, from `at` on: an aircraft out of service, a site breached or cut off (nobody
 * more can be taken out of it), a landing zone closed (no aircraft lands at that node), a destination's intake
 * halted (nobody more arrives there). An instance records the disruptions it has been re-planned for in
 * `x-disruptions`.
 */
export const ZDisruption = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('aircraft-out-of-service'), aircraft: ZAirliftId, ...disruptionBase }),
  z.strictObject({ kind: z.literal('site-breached'), site: ZAirliftId, ...disruptionBase }),
  z.strictObject({ kind: z.literal('site-cut-off'), site: ZAirliftId, ...disruptionBase }),
  z.strictObject({ kind: z.literal('landing-zone-closed'), node: ZAirliftId, ...disruptionBase }),
  z.strictObject({ kind: z.literal('intake-halted'), destination: ZAirliftId, ...disruptionBase }),
]);
export type TDisruption = z.infer<typeof ZDisruption>;
export const DISRUPTION_KINDS = ['aircraft-out-of-service', 'site-breached', 'site-cut-off', 'landing-zone-closed', 'intake-halted'] as const;

/** The node a disruption closes to landings (null for an aircraft out of service). */
export function closedNodeOf(d: TDisruption): string | null {
  switch (d.kind) {
    case 'site-breached':
    case 'site-cut-off':
      return d.site;
    case 'landing-zone-closed':
      return d.node;
    case 'intake-halted':
      return d.destination;
    case 'aircraft-out-of-service':
      return null;
  }
}

/** A sortie of a plan, as a re-plan's diff names it. */
export const ZSortieRef = z.strictObject({ sortie: z.string(), aircraft: z.string(), depart: ZAirliftTime, detainees: z.number().int().min(0) });
export type TSortieRef = z.infer<typeof ZSortieRef>;

/** What a re-plan changed. */
export const ZReplanDiff = z.strictObject({
  disruption: ZDisruption,
  /** Sorties flown or airborne at the disruption, kept exactly. */
  frozen: z.array(z.string()),
  /** Later sorties flown again by the same aircraft with the same people (perhaps at other times: `retimed`). */
  kept: z.array(z.strictObject({ sortie: z.string(), retimed: z.boolean(), manifestChanged: z.boolean() })),
  cancelled: z.array(ZSortieRef),
  added: z.array(ZSortieRef),
  /** Detainees whose sorties changed (a manifest moved), with where they flew before and now. */
  moved: z.array(z.strictObject({ id: z.string(), before: z.array(z.string()), after: z.array(z.string()) })),
  /** Detainees the new plan cannot deliver, and why. */
  stranded: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
  objectiveBefore: ZObjective,
  objectiveAfter: ZObjective,
  /** Which re-plan was kept — the local repair or the full re-plan — why, and both candidates' figures (docs/airlift.md). */
  strategy: z.strictObject({
    chosen: z.enum(['local', 'full']), reason: z.string(),
    candidates: z.array(z.strictObject({ kind: z.enum(['local', 'full']), objective: ZObjective, moved: z.number().int().min(0), stranded: z.number().int().min(0) })),
  }).optional(),
});
export type TReplanDiff = z.infer<typeof ZReplanDiff>;
