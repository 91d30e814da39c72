/**
 * Coordination: the daily interagency call (date, agencies, attendance), its agenda built from what changed
 * since the last call (every module contributes through `AgendaSource`, listed in sources.ts), decisions,
 * action items tracked until done, the SITREP (Markdown, printable HTML, PDF) and the outcome dashboard
 * (every module's `OutcomeSource`). Calls, decisions and actions are marked and scope-filtered; every
 * combined answer carries the banner of its parts.
 */

/** Requests and answers. */
export * from './coordination.schemas.js';
/** This module's error codes. */
export { CoordinationErrors } from './coordination.errors.js';
/** Calls: create, list, show (attendance, decisions, actions), record attendance. */
export { createCall, listCalls, showCall, recordAttendance } from './calls.js';
/** Decisions taken on a call. */
export { recordDecision } from './decisions.js';
/** Action items: create, move along (open → in progress → done, or cancelled), list. */
export { createAction, updateAction, listActions } from './actions.js';
/**
 * The agenda of a date or a call: what changed since the previous call, from every source.
 * @example const agenda = await buildAgenda(ctx, { date: '2026-01-12' });
 */
export { buildAgenda } from './agenda.js';
/** The outcome dashboard: every outcome source's figures and series, as the caller may see them. */
export { outcomeDashboard } from './outcomes.js';
export type { SourceProgress } from './outcomes.js';
/**
 * The SITREP of a date, and its rendering as JSON, Markdown, printable HTML or PDF.
 * @example const pdf = await renderSitrep(await buildSitrep(ctx, '2026-01-12'), 'pdf');
 */
export { buildSitrep, numbersOf } from './sitrep.js';
export { renderSitrep, SITREP_MEDIA_TYPES } from './render-sitrep.js';
/** The sources the agenda and the dashboard read (one list, sources.ts). */
export { AGENDA_SOURCES, OUTCOME_SOURCES } from './sources.js';
/** The scenario loader's bulk load of the reference daily calls (permission `scenario:load`). */
export { seedCoordination } from './seed.js';
export type { SeedAction, SeedActionStep, SeedCall, SeedDecision } from './seed.js';
