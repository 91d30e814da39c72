import type { TAirliftPlan } from '../../../src/airlift/airlift.schemas.js';

/**
 * What the plan page draws, computed from the plan document alone (formats/airlift.md): bars of the Gantt
 * timeline, remaining detainees per site over time, and the expected loss accrued over time — the plan's, and
 * that of moving nobody, for scale.
 */

const HOUR = 3_600_000;

export interface Bar {
  aircraft: string;
  sortie: string | null;
  from: string;
  to: string;
  start: number;
  end: number;
  people: number;
}

/** Hours since the plan's start of an ISO time. */
export function hoursOf(plan: Pick<TAirliftPlan, 'instance'>, iso: string): number {
  return (Date.parse(iso) - Date.parse(plan.instance.start)) / HOUR;
}

/** One bar per leg, by aircraft (rows in the order of the instance's aircraft). */
export function ganttBars(plan: TAirliftPlan): { rows: string[]; bars: Bar[]; end: number } {
  const bars = plan.legs.map((l) => ({
    aircraft: l.aircraft, sortie: l.sortie ?? null, from: l.from, to: l.to, start: hoursOf(plan, l.depart), end: hoursOf(plan, l.arrive),
    people: l.board.length,
  }));
  const used = new Set(bars.map((b) => b.aircraft));
  const rows = plan.instance.aircraft.map((a) => a.id).filter((id) => used.has(id));
  return { rows, bars, end: Math.max(1, ...bars.map((b) => b.end)) };
}

/** When each detainee first boards (hours), from the legs. */
export function firstBoards(plan: TAirliftPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of plan.legs) {
    const t = hoursOf(plan, l.depart);
    for (const id of l.board) if (!out.has(id) || out.get(id)! > t) out.set(id, t);
  }
  return out;
}

export interface Series {
  name: string;
  points: { t: number; v: number }[];
}

/** Remaining detainees per origin site over time (a step down at each departure). */
export function evacuationCurves(plan: TAirliftPlan): Series[] {
  const first = firstBoards(plan);
  const bySite = new Map<string, number[]>();
  for (const d of plan.instance.detainees) bySite.set(d.site, [...(bySite.get(d.site) ?? []), first.get(d.id) ?? Infinity]);
  const out: Series[] = [];
  for (const [site, times] of bySite) {
    const sorted = times.sort((a, b) => a - b);
    const points = [{ t: 0, v: sorted.length }];
    sorted.forEach((t, i) => {
      if (!Number.isFinite(t)) return;
      points.push({ t, v: sorted.length - i }, { t, v: sorted.length - i - 1 });
    });
    out.push({ name: site, points });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Λ_s(t): the integrated hazard of a site up to `t` hours (hazardPerHour, replaced by each schedule entry from its time). */
export function cumulativeHazard(plan: TAirliftPlan, site: string): (t: number) => number {
  const node = plan.instance.nodes.find((n) => n.id === site);
  const steps = [{ from: 0, rate: node?.hazardPerHour ?? 0 }, ...(node?.hazardSchedule ?? []).map((h) => ({ from: Math.max(0, hoursOf(plan, h.from)), rate: h.perHour }))]
    .sort((a, b) => a.from - b.from);
  return (t) => {
    let sum = 0;
    for (let i = 0; i < steps.length; i += 1) {
      const a = steps[i]!.from;
      const b = Math.min(t, steps[i + 1]?.from ?? Infinity);
      if (b > a) sum += (b - a) * steps[i]!.rate;
    }
    return sum;
  };
}

/** Expected loss accrued by `t`, for the plan and for moving nobody, sampled at `n` points up to `end` hours. */
export function lossCurves(plan: TAirliftPlan, end: number, n = 80): Series[] {
  const first = firstBoards(plan);
  const hazards = new Map<string, (t: number) => number>();
  const weight = plan.instance.rules.lossWeight;
  const people = plan.instance.detainees.map((d) => {
    if (!hazards.has(d.site)) hazards.set(d.site, cumulativeHazard(plan, d.site));
    return { w: weight ? weight[d.tier] : 1, h: hazards.get(d.site)!, d: first.get(d.id) ?? Infinity };
  });
  const planned: Series = { name: 'this plan', points: [] };
  const nobody: Series = { name: 'nobody moved', points: [] };
  for (let i = 0; i <= n; i += 1) {
    const t = (end * i) / n;
    let a = 0;
    let b = 0;
    for (const p of people) {
      a += p.w * (1 - Math.exp(-p.h(Math.min(p.d, t))));
      b += p.w * (1 - Math.exp(-p.h(t)));
    }
    planned.points.push({ t, v: a });
    nobody.points.push({ t, v: b });
  }
  return [planned, nobody];
}
