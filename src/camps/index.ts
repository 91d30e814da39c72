/**
 * Camps: households and residents of the displacement camps, children and their guardians, family links (to
 * residents, to detainees, to relatives abroad), movements and releases, the control handover with its
 * data-sharing agreements, age cohorts and programmes. Every record is marked; every query is scoped to the
 * caller's markings, and every field to their agency's agreement for the camp and their roles (`fields.ts`).
 * Cohorts count; nothing here scores or predicts anything about a child.
 */

/** Schemas and types of residents, households, movements, releases, handovers and imports. */
export * from './camps.schemas.js';
/** Schemas and types of overviews, population accounting, family graphs, cohorts and programmes. */
export * from './cohorts.schemas.js';
/** Schemas of guardianship and family-link requests. */
export * from './links.schemas.js';
/** The camps module's error codes. */
export { CampsErrors } from './camps.errors.js';
/** The field policy: which fields of a camp's records a principal sees (agreement or control ∩ roles). */
export { agreedFields, authorityAt, roleFields, visibleFields, PROTECTION_FIELDS } from './fields.js';
export type { AgreementEntry, CampPolicyInput, ControlEntry } from './fields.js';
/** Age arithmetic (29 February → 1 March in common years; estimated years on 1 July). */
export { ageOn, anniversary, birthRef, bornOnOrBefore, isCalendarDate } from './age.js';
export type { Birth } from './age.js';
/** Pure cohort counting, for the repatriation board and reports. */
export { cohortsOf } from './cohorts.js';
export type { CohortGroup, CohortPerson } from './cohorts.js';
/** Pure movement rules and the population replay. */
export { nextPlace, replay, populationOf } from './movement-rules.js';
export type { MovementFact, Place } from './movement-rules.js';
/** Residents: a scoped page, an export stream, and one resident with links, movements and programmes. */
export { listResidents, exportResidents } from './list-residents.js';
export { showResident } from './show-resident.js';
/** Households: a scoped page and one household with its members. */
export { listHouseholds, showHousehold } from './households.js';
/** Family graphs of a household or around a resident. */
export { householdGraph, residentGraph } from './family-graph.js';
/** Movements: arrivals, transfers, deaths, persons unaccounted for. */
export { recordMovement } from './record-movement.js';
/** Releases and repatriations of residents together, children with their guardians. */
export { releaseResidents } from './release-residents.js';
/** The control handover, data-sharing agreements, and who controls a camp. */
export { handoverCamp, recordAgreement, campAuthority } from './handover.js';
/** CSV import of residents, all or nothing, with a per-row report. */
export { importResidents } from './import-residents.js';
export { RESIDENT_CSV_COLUMNS } from './import-rows.js';
export type { ImportRowIssue } from './import-rows.js';
/** Camps and their overviews; the population at a date replayed from the movement events. */
export { listCamps, campOverview, pyramidOf } from './overview.js';
export { campPopulation } from './population.js';
/** Age cohorts and the programme work list. */
export { campCohorts, programmeWorklist } from './camp-cohorts.js';
/** Programmes, assignments and attendance. */
export { createProgramme, listProgrammes, assignToProgramme, recordAttendance } from './programmes.js';
/** Guardians and family links. */
export { recordGuardian, recordFamilyLink, endGuardianship } from './guardians.js';
/** Schemas of the duplicate-resident reviews. */
export * from './reviews.schemas.js';
/**
 * Likely duplicate residents an importer could not see, held by the import: `listDuplicateReviews` and
 * `decideDuplicateReview` (`same` or `different`), for a reviewer who may see both records (`camps:review`).
 */
export { listDuplicateReviews, decideDuplicateReview } from './duplicate-reviews.js';
/** The camps' baseline for a loaded scenario (called by the scenario loader). */
export { seedCampRecords } from './seed.js';
export { campsAgendaSource, campsOutcomeSource } from './camps.agenda.js';
/** Residents counted by camp, nationality, status, sex and age group, for the repatriation board. */
export { campNationals, residentsById } from './nationals.js';
export type { CampNationals, CampNationalsCount } from './nationals.js';
