import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { collectItems, agendaSpan } from './agenda.js';
import { ZDate, type TOutcomeFigure, type TSiteNumbers, type TSitrep } from './coordination.schemas.js';
import { selectActions, selectAttendance, selectCalls, selectDecisions } from './coordination.store.js';
import { collectFigures, type SourceProgress } from './outcomes.js';
import { actionOf, attendanceOf, bannerOfTexts, callOf, dayOf, decisionOf, endOfDay } from './present.js';

const SITE_KEY = /^movement\.(held|moved|remaining|expected-loss)\.(.+)$/;

/** The per-site rows of the numbers table, from the movement figures `movement.<metric>.<site>`; the rest as they are. */
export function numbersOf(figures: readonly TOutcomeFigure[]): { sites: TSiteNumbers[]; figures: Omit<TOutcomeFigure, 'series'>[] } {
  const sites = new Map<string, TSiteNumbers & { markings: string[] }>();
  const rest: Omit<TOutcomeFigure, 'series'>[] = [];
  for (const f of figures) {
    const m = SITE_KEY.exec(f.key);
    if (!m) {
      const { series: _s, ...plain } = f;
      rest.push(plain);
      continue;
    }
    const [, metric = '', code = ''] = m;
    const row = sites.get(code) ?? { site: code, label: f.label.split(':')[0] ?? code, held: null, moved: null, remaining: null, expectedLoss: null, marking: 'U', markings: [] };
    if (metric === 'held') row.held = f.value;
    if (metric === 'moved') row.moved = f.value;
    if (metric === 'remaining') row.remaining = f.value;
    if (metric === 'expected-loss') row.expectedLoss = f.value;
    row.markings.push(f.marking);
    sites.set(code, row);
  }
  return {
    sites: [...sites.values()].map(({ markings, ...r }) => ({ ...r, marking: bannerOfTexts(markings).marking })),
    figures: rest,
  };
}

/**
 * The situation report for a date, as the caller may see it: the calls of that day with their attendance;
 * the numbers table (held, moved and remaining per site, expected loss now, and every other figure the
 * outcome sources give — a figure whose source does not exist is absent, never estimated); what changed since
 * the last call; the decisions of the day; the actions open at the end of the day or closed during it. Every
 * part carries its portion marking and the report the banner of all of them. Requires `coordination:read`.
 * Audited.
 * @throws DomainError INVALID_INPUT (date).
 */
export async function buildSitrep(ctx: Ctx, rawDate?: string, opts: { onProgress?: SourceProgress } = {}): Promise<TSitrep> {
  requirePermission(ctx.principal, 'coordination:read');
  const date = rawDate === undefined ? dayOf(ctx.clock.now()) : ZDate.parse(rawDate);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const until = endOfDay(date);
  const span = await agendaSpan(ctx, scope, { date });
  const changes = await collectItems(ctx, span.window);
  const calls = (await selectCalls(ctx.db, scope, { from: date, to: date })).reverse();
  const attendance = await selectAttendance(ctx.db, calls.map((c) => c.id));
  const decisions = (await selectDecisions(ctx.db, scope, { callIds: calls.map((c) => c.id) })).map(decisionOf);
  const open = await selectActions(ctx.db, scope, { statuses: ['open', 'in-progress'], createdUntil: until });
  const closed = await selectActions(ctx.db, scope, { statuses: ['done', 'cancelled'], closedSince: `${date}T00:00:00.000Z`, closedUntil: until });
  const actions = [...open, ...closed].map((a) => actionOf(a, date));
  const outcome = await collectFigures(ctx, until, opts);
  const numbers = numbersOf(outcome.areas.flatMap((a) => a.figures));
  const parts = [
    ...calls.map((c) => c.marking_text), ...numbers.sites.map((s) => s.marking), ...numbers.figures.map((f) => f.marking),
    ...changes.items.map((i) => i.marking), ...decisions.map((d) => d.marking), ...actions.map((a) => a.marking),
  ];
  const { marking, banner } = bannerOfTexts(parts);
  const p = ctx.principal;
  await ctx.audit.record(ctx.db, { action: 'coordination.sitrep', subjectType: 'sitrep', subjectId: date, details: { marking, parts: parts.length } });
  return {
    date, generatedAt: ctx.clock.now().toISOString(), reader: { username: p.username, agency: p.agencyCode, country: p.country, clearance: p.clearance },
    marking, banner,
    calls: calls.map((c) => ({ ...callOf(c), attendance: attendance.filter((a) => a.call_id === c.id).map(attendanceOf) })),
    sites: numbers.sites, figures: numbers.figures, changes: changes.items, decisions, actions,
    omitted: [...new Set([...changes.omitted, ...outcome.omitted])],
  };
}
