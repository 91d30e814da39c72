/**
 * The kernel's only public surface: pure helpers every module may use. Each export is documented where it is
 * defined; this file only chooses what is public. The kernel imports nothing of ours.
 */

export type { DomainErrorDetails, ErrorCodeInfo, ErrorKind, FieldIssue } from './errors.js';
export {
  DomainError,
  KernelErrors,
  conflict,
  defineErrors,
  errorCatalogue,
  forbidden,
  invalid,
  invalidMany,
  isDomainError,
  notFound,
} from './errors.js';

export { StoredDataError, readStored, readStoredJson } from './stored.js';

export type { Clock } from './clock.js';
export { FixedClock, isoNow, systemClock } from './clock.js';

export type { IdGenerator } from './ids.js';
export { formatIsn, idTime, isIsn, isUlid, newId, newIdGenerator, parseIsn, seededIdGenerator } from './ids.js';

export type { CountryInfo } from './countries.js';
export { COUNTRIES, alpha2Of, alpha3Of, isCountryCode } from './countries.js';

export type { Level, Marking, Releasability, TMarking, Viewer } from './markings.js';
export {
  LEVELS,
  LEVEL_NAMES,
  UNCLASSIFIED,
  ZLevel,
  ZMarking,
  ZMarkingText,
  ZReleasability,
  bannerOf,
  canSee,
  formatBanner,
  formatMarking,
  isCaveat,
  isLevel,
  levelRank,
  normalizeMarking,
  parseMarking,
  portionMark,
} from './markings.js';

export type { JsonValue } from './canonical-json.js';
export { canonicalBytes, canonicalJson } from './canonical-json.js';

export type { LatLon } from './geo.js';
export { EARTH_RADIUS_KM, greatCircleKm, initialBearingDeg, isValidLatLon } from './geo.js';

export type { NameScript } from './names.js';
export { MAX_NAME_LENGTH, checkName, hasArabicLetter, normalizeArabic, normalizeLatin } from './names.js';
export { matchesNameKeys, nameSearchKeys, nameSkeleton, queryKeys, wordSkeletons } from './name-keys.js';

export type { TextRun } from './arabic-runs.js';
export { arabicRuns, markArabicRuns } from './arabic-runs.js';
