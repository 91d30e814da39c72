/**
 * The scenario module's public surface: the deterministic, seeded generator of synthetic scenarios (no real
 * persons, ever), the schemas of every NDJSON record it writes, and the serializer that writes them.
 */

export {
  AGENCY_KINDS,
  GROUPS,
  ROLES,
  ZScenarioAgency,
  ZScenarioAircraft,
  ZScenarioAircraftType,
  ZScenarioAlias,
  ZScenarioDetainee,
  ZScenarioFacility,
  ZScenarioHeader,
  ZScenarioHousehold,
  ZScenarioKnobs,
  ZScenarioLandingZone,
  ZScenarioMarking,
  ZScenarioNameAr,
  ZScenarioNameLatin,
  ZScenarioRecord,
  ZScenarioResident,
  ZScenarioTruth,
  ZScenarioUser,
} from './scenario.schemas.js';
export type {
  TScenarioAgency,
  TScenarioAircraft,
  TScenarioAircraftType,
  TScenarioAlias,
  TScenarioDetainee,
  TScenarioFacility,
  TScenarioHeader,
  TScenarioHousehold,
  TScenarioKnobs,
  TScenarioLandingZone,
  TScenarioRecord,
  TScenarioRecordType,
  TScenarioResident,
  TScenarioTruth,
  TScenarioUser,
} from './scenario.schemas.js';
export { DEFAULT_KNOBS, SCENARIO_EPOCH, generateScenario, resolveKnobs } from './generate.js';
export type { GenerateOptions } from './generate.js';
export { serializeRecord } from './serialize.js';
export { Prng } from './prng.js';
export { loadScenario } from './load.js';
export type { LoadOptions, LoadProgress } from './load.js';
export { ScenarioErrors } from './scenario.errors.js';
