import { z } from 'zod';
import { ZMarkingText } from '../kernel/index.js';

/*
 * The coordination module's contract with HTTP, CLI and web: calls, attendance, decisions, action items, the
 * agenda, the SITREP and the outcome dashboard. Schemas only, nothing that needs Node (the web client imports
 * this file). Every answer carries markings as text (`S//REL TO IRQ, USA`); combined answers carry a banner.
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, YYYY-MM-DD, checked against the calendar. */
export const ZDate = z.string().regex(DATE_RE, 'expected a date YYYY-MM-DD').refine((d) => {
  const t = new Date(`${d}T00:00:00.000Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}, 'not a calendar date');

/** An instant, ISO 8601 with a zone (`2026-01-12T07:00:00Z`). */
export const ZInstant = z.iso.datetime({ offset: true });

/** An agency code, e.g. `JTF` or `IRQ-MOJ`. */
export const ZAgencyCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'an agency code: uppercase letters, digits and hyphens');

/** What an action item may be: open, being worked on, done, or cancelled (the last two are final). */
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The sections of an agenda, in the order the agenda lists them. */
export const AGENDA_SECTIONS = [
  'actions', 'alerts', 'risk', 'sorties', 'reconciliation', 'handovers', 'custody', 'identity', 'declassification', 'cases',
  'repatriation', 'camps', 'agreements',
] as const;

/** Creates a call. The marking defaults to U; the participating agencies must exist. */
export const ZCreateCallRequest = z.strictObject({
  date: ZDate.describe('the day of the call (UTC)'),
  title: z.string().trim().min(1).max(200).default('Daily coordination call'),
  startsAt: ZInstant.optional().describe('when the call starts; default: now for a call today, else 07:00 UTC of the date'),
  agencies: z.array(ZAgencyCode).max(50).default([]).describe('participating agencies'),
  marking: ZMarkingText.prefault('U'),
});
export type TCreateCallRequest = z.input<typeof ZCreateCallRequest>;

/** Records who attended (or sent apologies). */
export const ZAttendanceRequest = z.strictObject({
  agency: ZAgencyCode,
  person: z.string().trim().min(1).max(200),
  present: z.boolean().default(true),
});
export type TAttendanceRequest = z.input<typeof ZAttendanceRequest>;

/** Records a decision. The marking defaults to the call's. */
export const ZDecisionRequest = z.strictObject({
  text: z.string().trim().min(1).max(4000),
  decidedBy: z.string().trim().min(1).max(200).describe('who decided: a person, an agency, or "all"'),
  marking: ZMarkingText.optional(),
});
export type TDecisionRequest = z.input<typeof ZDecisionRequest>;

/** Records an action item. The marking defaults to the call's. */
export const ZActionRequest = z.strictObject({
  title: z.string().trim().min(1).max(500),
  owner: ZAgencyCode.describe('the agency that owes the action'),
  due: ZDate.describe('due date (UTC); overdue from the day after'),
  decision: z.string().min(1).max(64).optional().describe('the decision this action follows from'),
  marking: ZMarkingText.optional(),
});
export type TActionRequest = z.input<typeof ZActionRequest>;

/** Changes an action's status (done and cancelled are final). */
export const ZActionUpdateRequest = z.strictObject({
  status: z.enum(ACTION_STATUSES),
  note: z.string().trim().min(1).max(2000).optional(),
  version: z.number().int().min(1).optional().describe('the version last read; refused when the action changed since'),
});
export type TActionUpdateRequest = z.input<typeof ZActionUpdateRequest>;

/** Filters of the action list. */
export const ZActionListQuery = z.strictObject({
  status: z.enum([...ACTION_STATUSES, 'active', 'overdue']).optional().describe('active: open or in progress'),
  owner: ZAgencyCode.optional(),
  call: z.string().min(1).max(64).optional(),
  asOf: ZDate.optional().describe('the day overdue is judged on (default today)'),
});
export type TActionListQuery = z.input<typeof ZActionListQuery>;

/** Filters of the call list. */
export const ZCallListQuery = z.strictObject({
  from: ZDate.optional(),
  to: ZDate.optional(),
});
export type TCallListQuery = z.input<typeof ZCallListQuery>;

export const ZAttendance = z.object({ agency: z.string(), person: z.string(), present: z.boolean(), recordedBy: z.string(), recordedAt: z.string() });
export type TAttendance = z.infer<typeof ZAttendance>;

export const ZCall = z.object({
  id: z.string(),
  title: z.string(),
  date: z.string(),
  startsAt: z.string(),
  agencies: z.array(z.string()),
  marking: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type TCall = z.infer<typeof ZCall>;

export const ZDecision = z.object({
  id: z.string(),
  call: z.string(),
  text: z.string(),
  decidedBy: z.string(),
  marking: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZAction = z.object({
  id: z.string(),
  call: z.string(),
  decision: z.string().nullable(),
  title: z.string(),
  owner: z.string(),
  due: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean().describe('open or in progress after its due date'),
  marking: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  version: z.number(),
});
export type TAction = z.infer<typeof ZAction>;

/** A call with what the caller may see of it: attendance, decisions, actions, and the banner of them all. */
export const ZCallDetail = ZCall.extend({
  attendance: z.array(ZAttendance),
  decisions: z.array(ZDecision),
  actions: z.array(ZAction),
  banner: z.string().describe('marking of the call and every decision and action shown'),
});
export type TCallDetail = z.infer<typeof ZCallDetail>;

/** The agenda for a date, or for a call. */
export const ZAgendaQuery = z.strictObject({
  date: ZDate.optional().describe('default today'),
  call: z.string().min(1).max(64).optional().describe('the agenda of this call: what changed since the call before it'),
});
export type TAgendaQuery = z.input<typeof ZAgendaQuery>;

export const ZAgendaItem = z.object({
  source: z.string(),
  section: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  severity: z.enum(['info', 'warning', 'critical']),
  at: z.string(),
  ref: z.object({ kind: z.string(), id: z.string() }).optional(),
  marking: z.string().describe('portion marking, e.g. S//REL TO IRQ, USA'),
});
export type TAgendaItem = z.infer<typeof ZAgendaItem>;

export const ZAgenda = z.object({
  date: z.string(),
  since: z.string().describe('the window opens after this instant (the previous call, or a day before)'),
  until: z.string(),
  previousCall: ZCall.nullable(),
  call: ZCall.nullable(),
  items: z.array(ZAgendaItem),
  /** Sources the caller's roles do not reach (their module refuses the caller): nothing of theirs is shown. */
  omitted: z.array(z.string()),
  marking: z.string().describe('banner marking of everything listed'),
  banner: z.string().describe('the banner line, in full words'),
});
export type TAgenda = z.infer<typeof ZAgenda>;

export const ZOutcomeFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  marking: z.string(),
  series: z.array(z.object({ at: z.string(), value: z.number() })).optional(),
});
export type TOutcomeFigure = z.infer<typeof ZOutcomeFigure>;

export const ZOutcomesQuery = z.strictObject({ asOf: ZDate.optional().describe('figures as of the end of this day (default now)') });
export type TOutcomesQuery = z.input<typeof ZOutcomesQuery>;

export const ZOutcomes = z.object({
  asOf: z.string(),
  areas: z.array(z.object({ area: z.string(), source: z.string(), figures: z.array(ZOutcomeFigure) })),
  omitted: z.array(z.string()),
  marking: z.string(),
  banner: z.string(),
});
export type TOutcomes = z.infer<typeof ZOutcomes>;

/** One site's row of the SITREP's numbers table; a figure the sources do not give is null (left blank). */
export const ZSiteNumbers = z.object({
  site: z.string(),
  label: z.string(),
  held: z.number().nullable(),
  moved: z.number().nullable(),
  remaining: z.number().nullable(),
  expectedLoss: z.number().nullable(),
  marking: z.string(),
});
export type TSiteNumbers = z.infer<typeof ZSiteNumbers>;

export const SITREP_FORMATS = ['json', 'md', 'html', 'pdf'] as const;
export const ZSitrepQuery = z.strictObject({
  date: ZDate.optional().describe('default today'),
  format: z.enum(SITREP_FORMATS).default('json'),
});
export type TSitrepQuery = z.input<typeof ZSitrepQuery>;

/** A situation report for a date, as the reader may see it. */
export const ZSitrep = z.object({
  date: z.string(),
  generatedAt: z.string(),
  reader: z.object({ username: z.string(), agency: z.string(), country: z.string(), clearance: z.string() }),
  marking: z.string(),
  banner: z.string(),
  calls: z.array(ZCall.extend({ attendance: z.array(ZAttendance) })),
  sites: z.array(ZSiteNumbers),
  figures: z.array(ZOutcomeFigure.omit({ series: true })),
  changes: z.array(ZAgendaItem),
  decisions: z.array(ZDecision),
  actions: z.array(ZAction),
  omitted: z.array(z.string()),
});
export type TSitrep = z.infer<typeof ZSitrep>;
