import { parseMarking } from '../kernel/index.js';
import { can, scopeFor, type AgendaItem, type AgendaSource, type Ctx, type OutcomeFigure, type OutcomeSource } from '../access/index.js';
import { selectAlerts } from './alert.store.js';
import { assess, bannerText, gatherInputs } from './assess.js';
import { levelOf } from './model.js';

/** What early warning contributes to the daily call's agenda and to the outcome dashboard. */

const DAY_MS = 86_400_000;
/** A change in P(breach within 7 days) this large, or a change of level, goes on the agenda. */
const NOTABLE_CHANGE = 0.05;
const pct = (p: number) => `${Math.round(p * 100)} %`;

/**
 * Agenda items in the window: alerts raised (section `alerts`) and sites whose 7-day breach probability moved
 * by 5 points or changed level between `since` and `until` (section `risk`), each with the banner of what it
 * was computed from. Only what the caller may see; nothing without `warning:read`.
 */
export const warningAgendaSource: AgendaSource = {
  name: 'warning.risk-and-alerts',
  async items(ctx: Ctx, window) {
    if (!can(ctx.principal, 'warning:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    const items: AgendaItem[] = [];
    for (const a of await selectAlerts(ctx.db, scope, { since: window.since, until: window.until })) {
      items.push({
        section: 'alerts', severity: a.level === 'critical' ? 'critical' : 'warning', at: a.as_of, ref: { kind: 'facility', id: a.code },
        title: `${a.code}: ${a.level} alert, breach within 7 days ${pct(a.p7)}`,
        detail: a.status === 'acknowledged' ? `acknowledged by ${a.acknowledged_by} at ${a.acknowledged_at}` : 'open: not yet acknowledged',
        marking: parseMarking(a.marking_text),
      });
    }
    const sinceMs = Date.parse(window.since);
    const untilMs = Date.parse(window.until);
    const inputs = await gatherInputs(ctx.db, scope, { fromMs: sinceMs, toMs: untilMs });
    for (const s of inputs.sites) {
      const before = assess(s, sinceMs);
      const after = assess(s, untilMs);
      if (after.breachedAt && !before.breachedAt) {
        items.push({ section: 'risk', severity: 'critical', at: after.breachedAt, ref: { kind: 'facility', id: s.site.code }, title: `${s.site.code}: fell at ${after.breachedAt}`, marking: parseMarking(bannerText(after.markings)) });
        continue;
      }
      if (after.breachedAt) continue;
      const changed = levelOf(before.p7) !== levelOf(after.p7);
      if (!changed && Math.abs(after.p7 - before.p7) < NOTABLE_CHANGE) continue;
      const level = levelOf(after.p7);
      items.push({
        section: 'risk', severity: level === 'critical' ? 'critical' : level === 'warning' ? 'warning' : 'info', at: window.until,
        ref: { kind: 'facility', id: s.site.code }, title: `${s.site.code}: breach within 7 days ${pct(before.p7)} → ${pct(after.p7)}`,
        detail: `largest factor now: ${[...after.factors].sort((x, y) => y.contribution - x.contribution)[0]?.label ?? '-'}`,
        marking: parseMarking(bannerText([...before.markings, ...after.markings])),
      });
    }
    return items;
  },
};

/**
 * Figures as of a time, with 30 daily points each: the expected number of sites breached within 7 days
 * (Σ P7), the detainees at those sites weighted by it (Σ P7 × population), sites fallen, and open alerts.
 */
export const warningOutcomeSource: OutcomeSource = {
  name: 'warning.expected-breach',
  area: 'warning',
  async figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]> {
    if (!can(ctx.principal, 'warning:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    const atMs = Date.parse(asOf);
    const inputs = await gatherInputs(ctx.db, scope, { fromMs: atMs - 29 * DAY_MS, toMs: atMs });
    const markings = new Set<string>();
    const series = { sites: [] as { at: string; value: number }[], people: [] as { at: string; value: number }[], fallen: [] as { at: string; value: number }[] };
    for (let t = atMs - 29 * DAY_MS; t <= atMs; t += DAY_MS) {
      let sites = 0;
      let people = 0;
      let fallen = 0;
      for (const s of inputs.sites) {
        const a = assess(s, t);
        a.markings.forEach((m) => markings.add(m));
        if (a.breachedAt) fallen++;
        else {
          sites += a.p7;
          people += a.p7 * s.site.population;
        }
      }
      const at = new Date(t).toISOString();
      series.sites.push({ at, value: sites });
      series.people.push({ at, value: people });
      series.fallen.push({ at, value: fallen });
    }
    const marking = parseMarking(bannerText(markings));
    const open = await selectAlerts(ctx.db, scope, { status: 'open', until: asOf });
    const last = (xs: { value: number }[]) => xs[xs.length - 1]?.value ?? 0;
    return [
      { key: 'warning.expected-sites-breached-7d', label: 'Sites expected to be breached within 7 days', value: last(series.sites), unit: 'sites', marking, series: series.sites },
      { key: 'warning.expected-detainees-exposed-7d', label: 'Detainees at sites expected to be breached within 7 days', value: last(series.people), unit: 'detainees', marking, series: series.people },
      { key: 'warning.sites-fallen', label: 'Sites fallen', value: last(series.fallen), unit: 'sites', marking, series: series.fallen },
      { key: 'warning.open-alerts', label: 'Open breach-risk alerts', value: open.length, unit: 'alerts', marking: parseMarking(bannerText(open.map((a) => a.marking_text))) },
    ];
  },
};
