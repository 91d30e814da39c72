import { bannerOf, parseMarking, type Marking } from '../kernel/index.js';
import { markingTexts, type AgendaItem, type AgendaSource, type AgendaWindow, type Ctx, type OutcomeFigure, type OutcomeSource } from '../access/index.js';
import { controlChanges, movementsByDay, movementsInWindow } from './agenda.store.js';
import { campCohorts } from './camp-cohorts.js';
import { listCamps } from './overview.js';
import { campsView, type CampAccess } from './policy.js';

/**
 * What the camps contribute to the daily call and the outcome dashboard: movements and releases in the window
 * and changes of control; per camp the population over time, releases and repatriations, and the children's
 * cohorts. Movements count only where the camp shows the caller movements, and only residents in their scope.
 * Cohorts count children; nothing here scores anyone.
 */

const LEAVING = new Set(['release', 'repatriation', 'death', 'unaccounted']);
const PLURAL: Record<string, string> = { arrival: 'arrivals', transfer: 'transfers', release: 'releases', repatriation: 'repatriations', death: 'deaths', unaccounted: 'persons unaccounted for' };

async function markingsOf(ctx: Ctx, ids: readonly number[]): Promise<Map<number, Marking>> {
  const texts = await markingTexts(ctx.db, ids);
  return new Map([...texts].map(([id, t]) => [id, parseMarking(t)]));
}

/** Agenda: movements (arrivals, transfers, releases, repatriations, deaths, unaccounted) and control handovers. */
export const campsAgendaSource: AgendaSource = {
  name: 'camps.movements',
  async items(ctx: Ctx, window: AgendaWindow): Promise<AgendaItem[]> {
    const view = await campsView(ctx);
    const out: AgendaItem[] = [];
    const shown = view.camps.filter((c) => c.fields.has('movements'));
    const rows = await movementsInWindow(ctx.db, view.scope, shown.map((c) => c.id), window);
    const marks = await markingsOf(ctx, rows.map((r) => r.markingId));
    const groups = new Map<string, { camp: CampAccess; kind: string; n: number; last: string; markings: Marking[] }>();
    for (const r of rows) {
      const camp = view.byId.get(r.campId) ?? (r.fromCampId ? view.byId.get(r.fromCampId) : undefined);
      if (!camp) continue;
      const key = `${camp.id}|${r.kind}`;
      const g = groups.get(key) ?? { camp, kind: r.kind, n: 0, last: r.last, markings: [] };
      g.n += r.n;
      if (r.last > g.last) g.last = r.last;
      g.markings.push(marks.get(r.markingId) ?? parseMarking('U'));
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      out.push({
        section: 'camps', severity: g.kind === 'death' || g.kind === 'unaccounted' ? 'warning' : 'info', at: g.last, marking: bannerOf(g.markings),
        title: `${g.camp.code}: ${g.n} ${g.n === 1 ? g.kind : (PLURAL[g.kind] ?? g.kind)}`, ref: { kind: 'camp', id: g.camp.code },
      });
    }
    for (const c of await controlChanges(ctx.db, view.camps.map((x) => x.id), window)) {
      const camp = view.byId.get(c.facility_id)!;
      out.push({
        section: 'camps', severity: 'warning', at: c.from_at, marking: parseMarking(c.marking_text), ref: { kind: 'camp', id: camp.code },
        title: `${camp.code}: control passes to ${c.agency_code}`, ...(c.reference ? { detail: `agreement ${c.reference}` } : {}),
      });
    }
    return out;
  },
};

/** Each camp's population day by day from its movements (arrivals and transfers in, everything else out). */
function populationSeries(rows: Awaited<ReturnType<typeof movementsByDay>>, campId: string): { at: string; value: number }[] {
  const series: { at: string; value: number }[] = [];
  let pop = 0;
  for (const r of rows) {
    let delta = 0;
    if (r.campId === campId && (r.kind === 'arrival' || r.kind === 'transfer')) delta += r.n;
    if (r.campId === campId && LEAVING.has(r.kind)) delta -= r.n;
    if (r.fromCampId === campId && r.kind === 'transfer') delta -= r.n;
    if (delta === 0) continue;
    pop += delta;
    if (series.at(-1)?.at === r.day) series.at(-1)!.value = pop;
    else series.push({ at: r.day, value: pop });
  }
  return series;
}

function leftSeries(rows: Awaited<ReturnType<typeof movementsByDay>>, kinds: ReadonlySet<string>): { at: string; value: number }[] {
  const series: { at: string; value: number }[] = [];
  let n = 0;
  for (const r of rows) {
    if (!kinds.has(r.kind)) continue;
    n += r.n;
    if (series.at(-1)?.at === r.day) series.at(-1)!.value = n;
    else series.push({ at: r.day, value: n });
  }
  return series;
}

/** Outcome: per camp the residents present (with the series where movements are shown), releases, repatriations and cohorts. */
export const campsOutcomeSource: OutcomeSource = {
  name: 'camps.progress',
  area: 'camps',
  async figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]> {
    const view = await campsView(ctx);
    const out: OutcomeFigure[] = [];
    if (view.camps.length === 0) return out;
    const present = new Map((await listCamps(ctx)).map((c) => [c.code, c.population]));
    const shown = view.camps.filter((c) => c.fields.has('movements'));
    const rows = await movementsByDay(ctx.db, view.scope, shown.map((c) => c.id), asOf);
    const marks = await markingsOf(ctx, rows.map((r) => r.markingId));
    const bannerOfRows = (xs: typeof rows) => bannerOf(xs.map((r) => marks.get(r.markingId) ?? parseMarking('U')));
    for (const camp of view.camps) {
      const mine = rows.filter((r) => r.campId === camp.id || r.fromCampId === camp.id);
      const series = camp.fields.has('movements') ? populationSeries(mine, camp.id) : [];
      // The registry's count is the population now; for an earlier date only the movements can say.
      const value = asOf < view.now && camp.fields.has('movements') ? (series.at(-1)?.value ?? 0) : (present.get(camp.code) ?? 0);
      out.push({ key: `camps.population.${camp.code}`, label: `${camp.code} ${camp.name}: residents present`, value, unit: 'residents', marking: bannerOfRows(mine), ...(series.length > 0 ? { series } : {}) });
      if (!camp.fields.has('movements')) continue;
      for (const kind of ['release', 'repatriation'] as const) {
        const s = leftSeries(mine.filter((r) => r.campId === camp.id), new Set([kind]));
        out.push({ key: `camps.${kind}s.${camp.code}`, label: `${camp.code} ${camp.name}: ${PLURAL[kind]}`, value: s.at(-1)?.value ?? 0, unit: 'residents', marking: bannerOfRows(mine.filter((r) => r.kind === kind)), series: s });
      }
    }
    const cohorts = await campCohorts(ctx, { asOf: asOf.slice(0, 10), months: 12 });
    const groups = cohorts.camps.flatMap((c) => c.groups);
    if (groups.length > 0) {
      const marking = parseMarking(cohorts.marking);
      out.push({ key: 'camps.children', label: 'Children present (under 18)', value: groups.reduce((a, g) => a + g.children, 0), unit: 'children', marking });
      out.push({ key: 'camps.reaching-18', label: 'Children reaching 18 in the next 12 months', value: groups.reduce((a, g) => a + g.cells.filter((c) => c.age === 18).reduce((x, c) => x + c.count, 0), 0), unit: 'children', marking });
    }
    return out;
  },
};
