/**
 * The registry: facilities (prisons, camps, airfields, the destination) and detainees, every record marked
 * and every query scoped to what the caller may see.
 */
export * from './registry.schemas.js';
export { RegistryErrors } from './registry.errors.js';
export { registerDetainee } from './register-detainee.js';
export { updateDetainee } from './update-detainee.js';
export { listDetainees, showDetainee, exportDetainees } from './list-detainees.js';
export { importDetainees, DETAINEE_CSV_COLUMNS } from './import-detainees.js';
export type { ImportRowIssue } from './import-detainees.js';
export { listReviews, resolveReview } from './reviews.js';
export { listFacilities, showFacility, addFacility, updateFacility } from './facilities.js';
export { searchKeysOf } from './detainee.js';
export { bulkInsert } from './bulk.store.js';
export type { BulkRows } from './bulk.store.js';
export { recordCustodyChange, findPlace, custodySubject, custodySubjects, ZCustodyChange } from './custody-change.js';
export type { TCustodyChange, PlaceKind } from './custody-change.js';
export { registryAgendaSource, registryOutcomeSource, type SiteHistory } from './registry.agenda.js';
export { countNationals, lastBirthDateAt, NATIONAL_AGE_GROUPS } from './nationals.js';
export type { NationalsCount, NationalAgeGroup } from './nationals.js';
