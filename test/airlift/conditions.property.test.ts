import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/kernel/index.js';
import { checkPlan, noticeFrozenSorties, planInstance, replan, type TAirliftPlan, type TDisruption } from '../../src/airlift/index.js';
import { conditionsOf } from '../../src/airlift/conditions.js';
import { arbConditionInstance } from './arbitraries.js';

// Random small instances with random agreement conditions at the destination (extension rules x-2 … x-5):
// every plan keeps them as the checker sees them (and the 18 rules), or the refusal names the binding rule and
// its agreement. The arrivals are also checked here directly, without the checker's code.

const hours = (iso: string, start: string) => (Date.parse(iso) - Date.parse(start)) / 3_600_000;

/** Every arrival at D inside a window of each entry (screening: only arrivals carrying medical needs); every ride to D after the notice. */
function keepsConditions(plan: TAirliftPlan): void {
  const c = conditionsOf(plan.instance);
  const medical = new Set(plan.instance.detainees.filter((d) => d.medical).map((d) => d.id));
  const inside = (t: string, ws: { from: string; until: string }[]) => ws.some((w) => w.from <= t && t <= w.until);
  for (const l of plan.legs) {
    if (l.to !== 'D' || l.alight.length === 0) continue;
    for (const e of [...c.windows['x-daylightWindows'], ...c.windows['x-observerWindows']]) expect(inside(l.arrive, e.windows)).toBe(true);
    if (l.alight.some((id) => medical.has(id))) for (const e of c.windows['x-screeningWindows']) expect(inside(l.arrive, e.windows)).toBe(true);
  }
  for (const n of c.notice) {
    // The legs that carry people on to D: from their boarding leg on the same aircraft.
    for (const l of plan.legs.filter((x) => x.to === 'D' && x.alight.length > 0)) {
      const boarded = plan.legs.filter((x) => x.aircraft === l.aircraft && x.board.some((id) => l.alight.includes(id)));
      for (const b of boarded) expect(hours(b.depart, plan.instance.start)).toBeGreaterThanOrEqual(n.hours - 1 / 60);
    }
  }
}

describe('agreement conditions in the airlift planner (property)', () => {
  it('plans keep random daylight, observer, screening windows and manifest notice, or are refused naming the rule', async () => {
    let planned = 0;
    await fc.assert(
      fc.asyncProperty(arbConditionInstance, async (instance) => {
        let plan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch (e) {
          expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE' && typeof e.details.constraint === 'string').toBe(true);
          const reason = isDomainError(e) ? String(e.details.reason) : '';
          if (reason.includes('agreement conditions')) expect(reason).toMatch(/x-[2-5] [a-z-]+ \(agreement AGR-(SUN|OBS|MED|NOTE)\)/);
          return;
        }
        planned++;
        expect(checkPlan(plan).violations).toEqual([]);
        keepsConditions(plan);
        const undelivered = new Set((plan['x-undelivered'] ?? []).map((u) => u.id));
        for (const d of instance.detainees) {
          const boardings = plan.legs.filter((l) => l.board.includes(d.id) && l.from === d.site).length;
          expect(boardings + (undelivered.has(d.id) ? 1 : 0)).toBe(1);
        }
        // The bound ignores the windows: they only delay, so it stays below.
        expect(plan.bound.expectedLoss).toBeLessThanOrEqual(plan.objective.expectedLoss + 1e-9);
        // The condition to check by hand travels with the plan.
        expect(conditionsOf(plan.instance).byHand.map((b) => b.agreement)).toEqual(['AGR-HAND']);
      }),
      { numRuns: 60, seed: 20270107 },
    );
    expect(planned).toBeGreaterThan(10);
  });
});

describe('agreement conditions when re-planning (property)', () => {
  const KINDS = ['aircraft-out-of-service', 'site-breached', 'landing-zone-closed'] as const;
  it('re-plans keep the conditions; sorties inside the manifest notice after the disruption fly as they were', async () => {
    let replanned = 0;
    let frozenSeen = 0;
    await fc.assert(
      fc.asyncProperty(arbConditionInstance, fc.constantFrom(...KINDS), fc.nat(), fc.double({ min: 0.1, max: 0.9, noNaN: true }), async (instance, kind, pick, when) => {
        let plan: TAirliftPlan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch {
          return;
        }
        const departs = plan.legs.map((l) => hours(l.depart, instance.start));
        if (departs.length === 0) return;
        const at = new Date(Date.parse(instance.start) + Math.round(Math.max(...departs) * when * 3600) * 1000).toISOString().replace(/\.000Z$/, 'Z');
        const origins = instance.nodes.filter((n) => n.kind === 'origin');
        const disruption: TDisruption = kind === 'aircraft-out-of-service'
          ? { kind, aircraft: instance.aircraft[pick % instance.aircraft.length]!.id, at }
          : kind === 'site-breached' ? { kind, site: origins[pick % origins.length]!.id, at } : { kind, node: 'R', at };
        const frozenByNotice = noticeFrozenSorties(plan, disruption);
        const { plan: next } = await replan(plan.instance, plan, disruption);
        replanned++;
        if (frozenByNotice.size > 0) frozenSeen++;
        expect(checkPlan(next).violations).toEqual([]);
        keepsConditions(next);
        for (const label of frozenByNotice) expect(next.legs.filter((l) => l.sortie === label)).toEqual(plan.legs.filter((l) => l.sortie === label));
      }),
      { numRuns: 40, seed: 20270108 },
    );
    expect(replanned).toBeGreaterThan(10);
    expect(frozenSeen).toBeGreaterThan(0);
  });
});
