/**
 * Agreements: transfer agreements between the holding force, the receiving government and the airlift command
 * — parties, dates, quotas per day and per nationality, assurances (humanitarian access, humane treatment, no
 * onward transfer without consent), the conditions plans must respect, and a status with a validated
 * lifecycle (draft, negotiating, signed, suspended) recorded in an append-only history. Signed agreements are
 * what the airlift planner's quotas come from. Every agreement is marked; every read is scoped.
 */

/** Schemas and types of agreements, transitions and planning constraints. */
export * from './agreements.schemas.js';
/** The module's error codes. */
export { AgreementsErrors } from './agreements.errors.js';
/** Create, list, show, change status; and the signing rule. */
export { createAgreement, listAgreements, showAgreement, changeAgreementStatus, unsignable } from './agreements.js';
/** What signed agreements impose on an airlift plan. */
export { planningConstraints } from './planning.js';
/** Agenda contribution (src/access/contributions.ts). */
export { agreementsAgendaSource } from './sources.js';
/** The scenario's agreements, loaded in bulk by the scenario loader. */
export { seedAgreements } from './seed.js';
export type { SeedAgreement } from './seed.js';
