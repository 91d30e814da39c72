/**
 * Repatriation: the countries of origin of the foreign nationals held (detainees in the registry, residents of
 * the camps) — where talks with each stand, its conditions, the engagement log, the nationals held by status
 * and age group — and repatriation batches, handed over to a country's officials through custody handovers
 * (detainees, both agencies signing) and camp releases (residents). Every count and list is scoped to what the
 * caller may see; every answer carries the banner of the records behind it.
 */

/** Schemas and types of countries, engagements, batches, the board and the world map. */
export * from './repatriation.schemas.js';
/** The repatriation module's error codes. */
export { RepatriationErrors } from './repatriation.errors.js';
/** Pure rules: status transitions, batch conditions, age on a date. */
export { canMove, conditionFault, batchFaults, ageAt } from './rules.js';
export type { MemberFacts } from './rules.js';
/** The countries board, one country's board, a country's summary, and the world map. */
export { listCountries, showCountry, countrySummary, countrySummaries, worldMap } from './countries.js';
/** The engagement log and status changes. */
export { recordEngagement, setCountryStatus } from './engage.js';
/** Batches: plan, cancel, list, show. */
export { createBatch, cancelBatch, listBatches, showBatch } from './batches.js';
/**
 * The handover of a batch: `handOverBatch` by the holders (custody handovers pending the receiving agency's
 * signature; camp residents released), `receiveBatch` by the receiving agency (signs on receipt).
 * @example
 *   await handOverBatch(custodyCtx(holdingForceCtx, keyring), batch.id);            // HF signs each handover
 *   const done = await receiveBatch(custodyCtx(receivingCtx, keyring), batch.id);  // the country's officials sign
 */
export { handOverBatch, receiveBatch } from './handover.js';
/**
 * When the handover fails: the receiving agency refuses (`refuseBatch`), or the holder withdraws
 * (`withdrawBatch`), every pending handover of the batch; the members are recorded as not handed over with the
 * reason and the batch follows (handed over with those received, or back to planned / cancelled).
 */
export { refuseBatch, withdrawBatch } from './handover.js';
/** What repatriation contributes to the coordination agenda and the outcome dashboard. */
export { repatriationAgendaSource, repatriationOutcomeSource } from './contributions.js';
/** The scenario's countries of origin, loaded in bulk (called by the scenario loader). */
export { seedRepatriation } from './seed.js';
export type { SeedCountry } from './seed.js';
