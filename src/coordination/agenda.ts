import { formatMarking, isDomainError, notFound } from '../kernel/index.js';
import { requirePermission, scopeFor, type AgendaItem, type AgendaSource, type AgendaWindow, type Ctx, type Scope } from '../access/index.js';
import { AGENDA_SECTIONS, ZAgendaQuery, type TAgenda, type TAgendaItem, type TAgendaQuery, type TCall } from './coordination.schemas.js';
import { selectCall, selectCallBefore, selectFirstCallOn, type CallRow } from './coordination.store.js';
import { bannerOfTexts, callOf, dayOf, endOfDay } from './present.js';
import { AGENDA_SOURCES } from './sources.js';

const DAY_MS = 86_400_000;
const SEVERITY = { critical: 0, warning: 1, info: 2 } as const;

/** The window of an agenda and the calls that bound it. */
export interface AgendaSpan {
  date: string;
  window: AgendaWindow;
  call: CallRow | null;
  previous: CallRow | null;
}

/**
 * The window of the agenda of a call: after the previous call the caller may see, up to this call's start
 * (a day before it when there is none). Without a call: the first call on the date if there is one, else
 * everything after the last call up to the end of the date.
 * @throws DomainError NOT_FOUND when the call is absent or unseen.
 */
export async function agendaSpan(ctx: Ctx, scope: Scope, q: { date?: string | undefined; call?: string | undefined }): Promise<AgendaSpan> {
  let call: CallRow | null = null;
  if (q.call) {
    call = (await selectCall(ctx.db, scope, q.call)) ?? null;
    if (!call) throw notFound('call', q.call);
  } else {
    call = (await selectFirstCallOn(ctx.db, scope, q.date ?? dayOf(ctx.clock.now()))) ?? null;
  }
  const date = call?.call_date ?? q.date ?? dayOf(ctx.clock.now());
  const until = call?.starts_at ?? endOfDay(date);
  const previous = (await selectCallBefore(ctx.db, scope, until)) ?? null;
  const since = previous?.starts_at ?? new Date(Date.parse(until) - DAY_MS).toISOString();
  return { date, window: { since, until }, call, previous };
}

function present(source: string, item: AgendaItem): TAgendaItem {
  return {
    source, section: item.section, title: item.title, severity: item.severity, at: item.at, marking: formatMarking(item.marking),
    ...(item.detail !== undefined ? { detail: item.detail } : {}), ...(item.ref ? { ref: item.ref } : {}),
  };
}

/** Runs every source; a source whose module refuses the caller's roles is omitted (named, nothing of it shown). */
export async function collectItems(ctx: Ctx, window: AgendaWindow, sources: readonly AgendaSource[] = AGENDA_SOURCES): Promise<{ items: TAgendaItem[]; omitted: string[] }> {
  const items: TAgendaItem[] = [];
  const omitted: string[] = [];
  for (const source of sources) {
    try {
      for (const item of await source.items(ctx, window)) items.push(present(source.name, item));
    } catch (e) {
      if (isDomainError(e) && e.kind === 'forbidden') omitted.push(source.name);
      else throw e;
    }
  }
  const order = (s: string) => {
    const i = (AGENDA_SECTIONS as readonly string[]).indexOf(s);
    return i < 0 ? AGENDA_SECTIONS.length : i;
  };
  items.sort((a, b) => order(a.section) - order(b.section) || SEVERITY[a.severity] - SEVERITY[b.severity] || a.at.localeCompare(b.at) || a.title.localeCompare(b.title));
  return { items, omitted };
}

/**
 * The agenda of the daily call: what changed since the last call, from every module's source, each item
 * with its portion marking, scoped to the caller, with the banner of all it shows (the call's marking too).
 * Overdue actions are on it until they are done. Requires `coordination:read`. Audited.
 * @throws DomainError NOT_FOUND (call absent or unseen), INVALID_INPUT.
 */
export async function buildAgenda(ctx: Ctx, raw: TAgendaQuery = {}): Promise<TAgenda> {
  requirePermission(ctx.principal, 'coordination:read');
  const q = ZAgendaQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const span = await agendaSpan(ctx, scope, q);
  const { items, omitted } = await collectItems(ctx, span.window);
  const call: TCall | null = span.call ? callOf(span.call) : null;
  const { marking, banner } = bannerOfTexts([...items.map((i) => i.marking), ...(call ? [call.marking] : [])]);
  await ctx.audit.record(ctx.db, {
    action: 'coordination.agenda', subjectType: 'coordination-call', subjectId: call?.id ?? null,
    details: { date: span.date, since: span.window.since, until: span.window.until, items: items.length, omitted },
  });
  return {
    date: span.date, since: span.window.since, until: span.window.until, previousCall: span.previous ? callOf(span.previous) : null, call,
    items, omitted, marking, banner,
  };
}
