import {
  ZScenarioAgency, ZScenarioAircraft, ZScenarioAircraftType, ZScenarioAlias, ZScenarioDetainee, ZScenarioFacility, ZScenarioHeader,
  ZScenarioHousehold, ZScenarioKnobs, ZScenarioLandingZone, ZScenarioResident, ZScenarioTruth, ZScenarioUser,
  type TScenarioRecord, type TScenarioRecordType,
} from './scenario.schemas.js';

/**
 * One record as one line of JSON, keys in the order the schema declares them (`type` first), whatever order the
 * object was built in; so equal records always give equal bytes.
 */

const TOP: Readonly<Record<TScenarioRecordType, readonly string[]>> = {
  scenario: Object.keys(ZScenarioHeader.shape),
  agency: Object.keys(ZScenarioAgency.shape),
  user: Object.keys(ZScenarioUser.shape),
  aircraftType: Object.keys(ZScenarioAircraftType.shape),
  facility: Object.keys(ZScenarioFacility.shape),
  aircraft: Object.keys(ZScenarioAircraft.shape),
  detainee: Object.keys(ZScenarioDetainee.shape),
  truth: Object.keys(ZScenarioTruth.shape),
  household: Object.keys(ZScenarioHousehold.shape),
  resident: Object.keys(ZScenarioResident.shape),
};

// Nested objects with a fixed shape; truth `detail` has none and keeps the order it was built in.
const NESTED: Readonly<Record<string, readonly string[]>> = {
  knobs: Object.keys(ZScenarioKnobs.shape),
  landingZones: Object.keys(ZScenarioLandingZone.shape),
  aliases: Object.keys(ZScenarioAlias.shape),
};

type Json = Record<string, unknown>;

function ordered(obj: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!(k in out) && obj[k] !== undefined) out[k] = obj[k];
  return out;
}

function orderValue(key: string, value: unknown): unknown {
  const keys = NESTED[key];
  if (!keys || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v: unknown) => (v !== null && typeof v === 'object' ? ordered(v as Json, keys) : v));
  return ordered(value as Json, keys);
}

/**
 * The NDJSON line of a record (without the newline): compact JSON, keys in schema order.
 * @example serializeRecord({ type: 'user', … }) // '{"type":"user","username":"jtf.s",…}'
 */
export function serializeRecord(r: TScenarioRecord): string {
  const src = r as unknown as Json;
  const out: Json = {};
  for (const k of TOP[r.type]) {
    const v = src[k];
    if (v !== undefined) out[k] = orderValue(k, v);
  }
  for (const k of Object.keys(src)) if (!(k in out) && src[k] !== undefined) out[k] = src[k];
  return JSON.stringify(out);
}
