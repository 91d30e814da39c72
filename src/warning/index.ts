/**
 * Early warning: conflict events (ACLED-layout CSV, streamed, all or nothing; or by hand), facility indicators
 * over time, breaches, and a documented proportional-hazards model of each prison's and camp's breach risk
 * (docs/warning.md) with the contribution of each factor; alerts when a threshold is crossed, acknowledged by a
 * person; risk history; and a back-test against the breaches that happened. Every record is marked and every
 * figure is computed from what the caller may see. The model scores sites, never people.
 */

/** Schemas and types of events, indicators, risk, alerts and the back-test. */
export * from './warning.schemas.js';
/** The module's error codes. */
export { WarningErrors } from './warning.errors.js';
/** The model itself (pure): weights, thresholds, and the risk of a site's state. */
export {
  BASELINE_PER_HOUR, CONFLICT, DETAINEES_PER_GUARD, INCIDENT_WINDOW_DAYS, MODEL_VERSION, THRESHOLDS, WEIGHTS,
  ageWeight, conflictIntensity, distanceWeight, eventSeverity, factorsOf, levelOf, probabilityWithin, riskOf, siteEvents, stateAt,
} from './model.js';
export type { ModelEvent, Observation, Risk, SiteEvent, SiteState } from './model.js';
/** ACLED dates and CSV reading (streamed). */
export { acledDate, readCsv } from './acled.js';
/** Conflict events: import from CSV (streamed, all or nothing), record by hand, list. */
export { importEvents } from './import-events.js';
export type { ImportOptions, ImportProgress } from './import-events.js';
/** Events, indicator observations and breaches recorded by hand, and their lists. */
export { recordEvent, listEvents, recordIndicator, listIndicators, recordBreach } from './record.js';
/** The risk board, one facility's risk, its history, and the hazards the airlift planner takes. */
export { riskBoard, facilityRisk, riskHistory, planningHazards } from './risk.js';
/** Alerts: raised by the system, listed, acknowledged by a person. */
export { evaluateAlerts, listAlerts, acknowledgeAlert } from './alerts.js';
/** The back-test against the breaches in the store. */
export { backtest } from './backtest.js';
/** Agenda and outcome contributions (src/access/contributions.ts). */
export { warningAgendaSource, warningOutcomeSource } from './sources.js';
/** The scenario's warning history, loaded in bulk by the scenario loader. */
export { seedWarning } from './seed.js';
export type { SeedBreach, SeedEvent, SeedIndicator, WarningSeed } from './seed.js';
