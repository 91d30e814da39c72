import {
  ZScenarioAgency, ZScenarioAircraft, ZScenarioAircraftType, ZScenarioAlias, ZScenarioDetainee, ZScenarioFacility, ZScenarioHeader,
  ZScenarioCaseFile, ZScenarioCaseUsers, ZScenarioHousehold, ZScenarioKnobs, ZScenarioLandingZone, ZScenarioResident, ZScenarioTruth, ZScenarioUser,
  type TScenarioRecord, type TScenarioRecordType,
} from './scenario.schemas.js';
import { ZScenarioAgreement, ZScenarioBreach, ZScenarioConflictEvent, ZScenarioIndicator } from './warning.schemas.js';
import { ZScenarioRepatriation } from './repatriation.schemas.js';
import { ZScenarioCoordinationCall } from './coordination.schemas.js';

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
  conflictEvent: Object.keys(ZScenarioConflictEvent.shape), indicator: Object.keys(ZScenarioIndicator.shape), breach: Object.keys(ZScenarioBreach.shape), agreement: Object.keys(ZScenarioAgreement.shape),
  repatriation: Object.keys(ZScenarioRepatriation.shape),
  caseUsers: Object.keys(ZScenarioCaseUsers.shape),
  caseFile: Object.keys(ZScenarioCaseFile.shape),
  coordinationCall: Object.keys(ZScenarioCoordinationCall.shape),
};

// Nested objects with a fixed shape; truth `detail` has none and keeps the order it was built in.
const NESTED: Readonly<Record<string, readonly string[]>> = {
  knobs: Object.keys(ZScenarioKnobs.shape),
  landingZones: Object.keys(ZScenarioLandingZone.shape),
  aliases: Object.keys(ZScenarioAlias.shape),
};

type Json = Record<string, unknown>;

// Each key's `"key":` text, computed once per schema.
const PREFIX = new Map<string, string>();
function prefix(k: string): string {
  let p = PREFIX.get(k);
  if (p === undefined) {
    p = `${JSON.stringify(k)}:`;
    PREFIX.set(k, p);
  }
  return p;
}

// Writes keys in schema order, for records built in another order (the generator's own come in order).
function writeObject(obj: Json, keys: readonly string[] | undefined): string {
  let out = '';
  let written = 0;
  if (keys) {
    for (const k of keys) {
      const v = obj[k];
      if (v === undefined) continue;
      out += `${written++ === 0 ? '{' : ','}${prefix(k)}${writeValue(k, v)}`;
    }
  }
  const all = Object.keys(obj);
  if (written !== all.length) {
    for (const k of all) {
      const v = obj[k];
      if (v === undefined || (keys && keys.includes(k))) continue;
      out += `${written++ === 0 ? '{' : ','}${prefix(k)}${writeValue(k, v)}`;
    }
  }
  return written === 0 ? '{}' : `${out}}`;
}

function writeValue(key: string, v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const keys = NESTED[key];
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (!keys) return JSON.stringify(v);
    return `[${v.map((x: unknown) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? writeObject(x as Json, keys) : JSON.stringify(x))).join(',')}]`;
  }
  return keys ? writeObject(v as Json, keys) : JSON.stringify(v);
}

// True when `obj`'s keys come in schema order (a subsequence of `keys`), nested shapes included: then
// JSON.stringify writes the same bytes as writeObject, half again as fast.
function inOrder(obj: Json, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in obj) {
    while (i < keys.length && keys[i] !== k) i++;
    if (i === keys.length) return false;
    i++;
    const nested = NESTED[k];
    const v = obj[k];
    if (!nested || v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === 'object' && !inOrder(x as Json, nested)) return false;
    } else if (!inOrder(v as Json, nested)) return false;
  }
  return true;
}

/**
 * The NDJSON line of a record (without the newline): compact JSON, keys in schema order; keys the schema does not
 * know (none, in a valid record) follow in their own order. Nested objects follow their schema order too, except
 * a truth record's free-form `detail`, which keeps the order it was built in.
 * @example serializeRecord({ type: 'user', … }) // '{"type":"user","username":"jtf.s",…}'
 */
export function serializeRecord(r: TScenarioRecord): string {
  const obj = r as unknown as Json;
  const keys = TOP[r.type];
  return inOrder(obj, keys) ? JSON.stringify(obj) : writeObject(obj, keys);
}
