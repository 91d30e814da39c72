import { bannerOf, parseMarking, type Marking } from '../kernel/index.js';
import {
  markingTexts, requirePermission, scopeFor, type AgendaItem, type AgendaSource, type AgendaWindow, type Ctx, type OutcomeFigure, type OutcomeSource,
} from '../access/index.js';
import { heldByFacility } from './detainee.store.js';
import { detaineeChanges, facilitiesChanged, originSites } from './agenda.store.js';

/**
 * What the registry contributes to the daily call and the outcome dashboard: facilities whose status or risk
 * changed, detainee records that moved to another status, and per site the detainees held, moved and
 * remaining with the expected loss now. Everything is read in the caller's scope and carries the banner of
 * the records behind it.
 */

/**
 * Sites' populations over time as the custody log tells them (custody's `placeHistories`, injected by the
 * caller: the registry sits below custody), one history per site asked, in order.
 */
export type SiteHistory = (ctx: Ctx, sites: readonly string[]) => Promise<readonly { place: string; points: readonly { day: string; count: number }[]; marking: string }[]>;

const pct = (x: number) => `${Math.round(x * 100)} %`;

function facilityItem(f: Awaited<ReturnType<typeof facilitiesChanged>>[number]): AgendaItem {
  const severity = f.status === 'breached' ? 'critical' : f.status === 'at-risk' || f.collapse_risk >= 0.5 ? 'warning' : 'info';
  return {
    section: 'risk',
    title: `${f.code} ${f.name}: ${f.status}, collapse risk ${pct(f.collapse_risk)} within 7 days`,
    detail: f.version === 1 ? `${f.kind} added to the registry` : `${f.kind} record updated (version ${f.version})`,
    severity, at: f.updated_at, ref: { kind: 'facility', id: f.code }, marking: parseMarking(f.marking_text),
  };
}

/** Agenda: facilities changed in the window, and detainee records whose status or place changed, by status and site. */
export const registryAgendaSource: AgendaSource = {
  name: 'registry.changes',
  async items(ctx: Ctx, window: AgendaWindow): Promise<AgendaItem[]> {
    requirePermission(ctx.principal, 'registry:read');
    const scope = await scopeFor(ctx.db, ctx.principal);
    const out = (await facilitiesChanged(ctx.db, scope, window.since, window.until)).map(facilityItem);
    const changes = await detaineeChanges(ctx.db, scope, window.since, window.until);
    const texts = await markingTexts(ctx.db, changes.map((c) => c.markingId));
    const groups = new Map<string, { status: string; site: string | null; n: number; last: string; markings: Marking[] }>();
    for (const c of changes) {
      const key = `${c.status}|${c.facilityCode ?? ''}`;
      const g = groups.get(key) ?? { status: c.status, site: c.facilityCode, n: 0, last: c.last, markings: [] };
      g.n += c.n;
      if (c.last > g.last) g.last = c.last;
      g.markings.push(parseMarking(texts.get(c.markingId) ?? 'U'));
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const severity = g.status === 'missing' || g.status === 'deceased' ? 'critical' : 'info';
      out.push({
        section: 'custody', severity, at: g.last, marking: bannerOf(g.markings),
        title: `${g.n} detainee record${g.n === 1 ? '' : 's'} now ${g.status}${g.site ? ` at ${g.site}` : ''}`,
        ...(g.site ? { ref: { kind: 'facility', id: g.site } } : {}),
      });
    }
    return out;
  },
};

interface SiteFigures { code: string; name: string; risk: number; remaining: number; held: number | null; moved: number | null; marking: Marking; series: { at: string; remaining: number; moved: number }[] }

/** Held (the most the log placed there at once), moved (departures the log records) and the series, up to `asOfDay`. */
function fromHistory(points: readonly { day: string; count: number }[], asOfDay: string): { held: number; moved: number; last: number; series: SiteFigures['series'] } {
  let held = 0;
  let moved = 0;
  let prev = 0;
  const series: SiteFigures['series'] = [];
  for (const p of points) {
    if (p.day > asOfDay) break;
    if (p.count < prev) moved += prev - p.count;
    held = Math.max(held, p.count);
    prev = p.count;
    series.push({ at: p.day, remaining: p.count, moved });
  }
  return { held, moved, last: prev, series };
}

async function siteFigures(ctx: Ctx, asOf: string, history: SiteHistory | undefined): Promise<SiteFigures[]> {
  const scope = await scopeFor(ctx.db, ctx.principal);
  const sites = await originSites(ctx.db, scope);
  const held = await heldByFacility(ctx.db, scope);
  const texts = await markingTexts(ctx.db, [...held.values()].flatMap((h) => h.markingIds));
  const now = ctx.clock.now().toISOString();
  const logs = new Map((history ? await history(ctx, sites.map((s) => s.code)) : []).map((h) => [h.place, h]));
  const out: SiteFigures[] = [];
  for (const s of sites) {
    const h = held.get(s.id);
    const markings = [parseMarking(s.marking_text), ...(h?.markingIds ?? []).map((id) => parseMarking(texts.get(id) ?? 'U'))];
    const site: SiteFigures = { code: s.code, name: s.name, risk: s.collapse_risk, remaining: h?.held ?? 0, held: null, moved: null, marking: bannerOf(markings), series: [] };
    const log = logs.get(s.code);
    if (log) {
      const f = fromHistory(log.points, asOf.slice(0, 10));
      Object.assign(site, { held: Math.max(f.held, site.remaining), moved: f.moved, series: f.series, marking: bannerOf([site.marking, parseMarking(log.marking)]) });
      // The registry counts who is held now; for an earlier date only the log can say (when it knows the site).
      if (asOf < now && log.points.length > 0) site.remaining = f.last;
    }
    out.push(site);
  }
  return out;
}

/** Builds the registry's outcome source; given custody's place history it also reports held, moved and their series. */
export function registryOutcomeSource(opts: { history?: SiteHistory } = {}): OutcomeSource {
  return {
    name: 'registry.movement',
    area: 'movement',
    async figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]> {
      requirePermission(ctx.principal, 'registry:read');
      const sites = await siteFigures(ctx, asOf, opts.history);
      const out: OutcomeFigure[] = [];
      for (const s of sites) {
        out.push({ key: `movement.remaining.${s.code}`, label: `${s.code} ${s.name}: remaining`, value: s.remaining, unit: 'detainees', marking: s.marking, series: s.series.map((p) => ({ at: p.at, value: p.remaining })) });
        if (s.moved !== null) out.push({ key: `movement.moved.${s.code}`, label: `${s.code} ${s.name}: moved`, value: s.moved, unit: 'detainees', marking: s.marking, series: s.series.map((p) => ({ at: p.at, value: p.moved })) });
        if (s.held !== null) out.push({ key: `movement.held.${s.code}`, label: `${s.code} ${s.name}: held at most`, value: s.held, unit: 'detainees', marking: s.marking });
        out.push({ key: `movement.expected-loss.${s.code}`, label: `${s.code} ${s.name}: expected loss within 7 days`, value: round1(s.remaining * s.risk), unit: 'detainees', marking: s.marking });
      }
      const all = bannerOf(sites.map((s) => s.marking));
      out.push({ key: 'movement.remaining', label: 'Detainees remaining at the sites', value: sum(sites.map((s) => s.remaining)), unit: 'detainees', marking: all, ...(opts.history ? { series: totalSeries(sites, 'remaining') } : {}) });
      // Expected detainees lost within 7 days if nobody else moved: each site's remaining × its 7-day collapse risk.
      out.push({ key: 'movement.expected-loss', label: 'Expected loss now (7 days, at current collapse risks)', value: round1(sum(sites.map((s) => s.remaining * s.risk))), unit: 'detainees', marking: all });
      if (opts.history) {
        out.push({ key: 'movement.moved', label: 'Detainees moved out of the sites', value: sum(sites.map((s) => s.moved ?? 0)), unit: 'detainees', marking: all, series: totalSeries(sites, 'moved') });
        // Exposure averted: what those moved would add to the 7-day expected loss had they stayed.
        out.push({ key: 'movement.exposure-averted', label: 'Exposure averted (expected loss had nobody moved, minus now)', value: round1(sum(sites.map((s) => (s.moved ?? 0) * s.risk))), unit: 'detainees', marking: all });
      }
      return out;
    },
  };
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** A total over sites, day by day: each site's last value carried forward. */
function totalSeries(sites: readonly SiteFigures[], field: 'moved' | 'remaining'): { at: string; value: number }[] {
  const days = [...new Set(sites.flatMap((s) => s.series.map((p) => p.at)))].sort();
  const last = new Map<string, number>();
  return days.map((day) => {
    for (const s of sites) {
      const p = s.series.find((x) => x.at === day);
      if (p) last.set(s.code, p[field]);
    }
    return { at: day, value: sum([...last.values()]) };
  });
}
