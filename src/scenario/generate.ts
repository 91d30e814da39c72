import { seededIdGenerator } from '../kernel/index.js';
import { householdRecords, residentRecords } from './camps.js';
import { caseFileRecords, caseUserRecords } from './cases.js';
import { agencyRecords, aircraftRecords, aircraftTypeRecords, facilityRecords, planFacilities, userRecords } from './cast.js';
import { detaineeRecords } from './detainees.js';
import { Prng } from './prng.js';
import { repatriationRecords } from './repatriation.js';
import { PRISONS } from './reference.data.js';
import { warningRecords } from './warning.js';
import { coordinationRecords } from './coordination.js';
import type { TScenarioKnobs, TScenarioRecord } from './scenario.schemas.js';

/**
 * The scenario generator: a seed and scale knobs in, a stream of records out — the same seed giving the same
 * records byte for byte, on any machine, at any time (nothing reads the clock or Math.random).
 */

/** The epoch every timestamp of a scenario derives from: the risk assessment in late October. */
export const SCENARIO_EPOCH = '2025-10-27T00:00:00.000Z';

/** The reference operation's scale: 6,000 detainees in 7 prisons, 37,500 camp residents, 40 aircraft. */
export const DEFAULT_KNOBS: Readonly<TScenarioKnobs> = Object.freeze({
  detainees: 6000,
  facilities: PRISONS.length,
  aircraft: 40,
  campResidents: 37_500,
});

/**
 * The generator's options: a seed and any knobs to change from the reference scale, given either one by one or
 * together as `knobs` (a knob given both ways takes the top-level value).
 */
export interface GenerateOptions {
  seed: string;
  knobs?: Partial<TScenarioKnobs>;
  /** Detainee records (enrollments, about 2.5 % of them second enrollments of someone already enrolled). */
  detainees?: number;
  /** Prisons: the first N reference prisons when N ≤ 7, further synthetic ones beyond. */
  facilities?: number;
  aircraft?: number;
  /** Camp residents, split between al-Hol and Roj as 35,000 : 2,500. */
  campResidents?: number;
}

const LIMITS: Readonly<Record<keyof TScenarioKnobs, number>> = {
  detainees: 5_000_000,
  facilities: 10_000,
  aircraft: 100_000,
  campResidents: 20_000_000,
};

/**
 * The knobs of a run: the defaults overridden by `opts`.
 * @throws RangeError when a knob is not a whole number in range, or detainees are asked for without a prison.
 */
export function resolveKnobs(opts: GenerateOptions): TScenarioKnobs {
  const k = opts.knobs ?? {};
  const knobs: TScenarioKnobs = {
    detainees: opts.detainees ?? k.detainees ?? DEFAULT_KNOBS.detainees,
    facilities: opts.facilities ?? k.facilities ?? DEFAULT_KNOBS.facilities,
    aircraft: opts.aircraft ?? k.aircraft ?? DEFAULT_KNOBS.aircraft,
    campResidents: opts.campResidents ?? k.campResidents ?? DEFAULT_KNOBS.campResidents,
  };
  for (const [k, v] of Object.entries(knobs) as [keyof TScenarioKnobs, number][]) {
    if (!Number.isInteger(v) || v < 0 || v > LIMITS[k]) throw new RangeError(`${k} must be a whole number from 0 to ${LIMITS[k]}: ${v}`);
  }
  if (knobs.detainees > 0 && knobs.facilities === 0) throw new RangeError('detainees need at least one prison (facilities ≥ 1)');
  return knobs;
}

/**
 * Generates a scenario as a stream of records, in file order: the header, agencies, users, aircraft types,
 * facilities, aircraft, detainees (each truth record right after the later detainee it names), households,
 * residents. Lazy: memory stays small however large the knobs (100,000 detainees and 200,000 residents take
 * about two seconds).
 * @throws RangeError on bad knobs (see `resolveKnobs`), when the first record is pulled.
 * @example
 *   for (const r of generateScenario({ seed: 'demo', detainees: 500 })) out.write(serializeRecord(r) + '\n');
 */
export function* generateScenario(opts: GenerateOptions): Generator<TScenarioRecord, void, undefined> {
  const knobs = resolveKnobs(opts);
  const epochMs = Date.parse(SCENARIO_EPOCH);
  const root = new Prng(`sallyport-scenario-v1/${opts.seed}`);
  // Separate sub-streams, so adding a draw in one part of the generator leaves the others unchanged.
  const ids = seededIdGenerator(root.fork('ids').random);
  const placeRng = root.fork('places');
  yield { type: 'scenario', version: 1, seed: opts.seed, knobs, epoch: SCENARIO_EPOCH };
  yield* agencyRecords(ids, epochMs);
  yield* userRecords();
  yield* aircraftTypeRecords();
  const plan = planFacilities(placeRng, knobs);
  yield* facilityRecords({ rng: placeRng, ids, epochMs }, plan, knobs.detainees);
  yield* aircraftRecords(root.fork('fleet'), ids, epochMs, knobs.aircraft);
  const index = yield* detaineeRecords({ rng: root.fork('detainees'), ids, epochMs, prisons: plan.prisons });
  const camps = { rng: root.fork('camps'), ids, epochMs, camps: plan.camps.map((c) => ({ code: c.seed.code, population: c.population })), index };
  yield* householdRecords(camps);
  yield* residentRecords(camps);
  yield* warningRecords({ rng: root.fork('warning'), ids: seededIdGenerator(root.fork('warning-ids').random), epochMs, prisons: plan.prisons, detainees: knobs.detainees });
  yield* repatriationRecords(root.fork('repatriation'), epochMs);
  yield caseUserRecords();
  if (knobs.detainees > 0) yield* caseFileRecords(root.fork('cases'));
  yield* coordinationRecords({ rng: root.fork('coordination'), ids: seededIdGenerator(root.fork('coordination-ids').random), epochMs, prisons: plan.prisons });
}
