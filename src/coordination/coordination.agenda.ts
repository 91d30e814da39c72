import { parseMarking } from '../kernel/index.js';
import { requirePermission, scopeFor, type AgendaItem, type AgendaSource, type AgendaWindow, type Ctx } from '../access/index.js';
import { selectActions, selectDecisions, type ActionRow } from './coordination.store.js';
import { dayOf } from './present.js';

/**
 * The coordination module's own agenda sources: action items overdue (on every agenda until done), new and
 * closed in the window, and the decisions recorded since the last call.
 */

const DAY_MS = 86_400_000;
const ACTIVE = ['open', 'in-progress'];

function daysLate(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY_MS);
}

function actionItem(a: ActionRow, item: Pick<AgendaItem, 'title' | 'severity' | 'at'> & { detail?: string }): AgendaItem {
  return { section: 'actions', ...item, ref: { kind: 'action', id: a.id }, marking: parseMarking(a.marking_text) };
}

/** Overdue actions (whatever the window), and actions created or closed in the window. */
export const actionsAgendaSource: AgendaSource = {
  name: 'coordination.actions',
  async items(ctx: Ctx, window: AgendaWindow): Promise<AgendaItem[]> {
    requirePermission(ctx.principal, 'coordination:read');
    const scope = await scopeFor(ctx.db, ctx.principal);
    const today = dayOf(window.until);
    const out: AgendaItem[] = [];
    const overdue = await selectActions(ctx.db, scope, { statuses: ACTIVE, dueBefore: today, createdUntil: window.until });
    for (const a of overdue) {
      const late = daysLate(a.due_date, today);
      out.push(actionItem(a, {
        title: `Overdue: ${a.title} (${a.owner_agency_code}, due ${a.due_date})`, detail: `${late} day${late === 1 ? '' : 's'} late; ${a.status}`,
        severity: late > 3 ? 'critical' : 'warning', at: a.due_date,
      }));
    }
    const seen = new Set(overdue.map((a) => a.id));
    for (const a of await selectActions(ctx.db, scope, { createdSince: window.since, createdUntil: window.until })) {
      if (seen.has(a.id)) continue;
      out.push(actionItem(a, { title: `New action: ${a.title} (${a.owner_agency_code}, due ${a.due_date})`, detail: a.status, severity: 'info', at: a.created_at }));
    }
    for (const a of await selectActions(ctx.db, scope, { statuses: ['done', 'cancelled'], closedSince: window.since, closedUntil: window.until })) {
      out.push(actionItem(a, { title: `${a.status === 'done' ? 'Done' : 'Cancelled'}: ${a.title} (${a.owner_agency_code})`, severity: 'info', at: a.closed_at ?? a.updated_at }));
    }
    return out;
  },
};

/** Decisions recorded in the window. */
export const decisionsAgendaSource: AgendaSource = {
  name: 'coordination.decisions',
  async items(ctx: Ctx, window: AgendaWindow): Promise<AgendaItem[]> {
    requirePermission(ctx.principal, 'coordination:read');
    const rows = await selectDecisions(ctx.db, await scopeFor(ctx.db, ctx.principal), { since: window.since, until: window.until });
    return rows.map((d) => ({
      section: 'actions', title: `Decision: ${d.text}`, detail: `decided by ${d.decided_by}`, severity: 'info', at: d.recorded_at,
      ref: { kind: 'decision', id: d.id }, marking: parseMarking(d.marking_text),
    }));
  },
};
