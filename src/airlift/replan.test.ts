import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbInstance, arbNationalInstance } from '../../test/airlift/arbitraries.js';
import { tinyInstance } from '../../test/airlift/fixtures.js';
import { isDomainError } from '../kernel/index.js';
import { closedNodeOf, type TAirliftInstance, type TAirliftPlan, type TDisruption, type TLeg } from './airlift.schemas.js';
import { checkPlan } from './check.js';
import { planInstance } from './plan.js';
import { replan } from './replan.js';

// Re-planning over random instances and every kind of disruption: the new plan keeps every rule against the
// disrupted instance, keeps the legs flown before the disruption exactly, flies nothing new before it, never
// lands where the disruption closed, and its diff accounts for every detainee.

const KINDS = ['aircraft-out-of-service', 'site-breached', 'site-cut-off', 'landing-zone-closed', 'intake-halted'] as const;
const hours = (plan: TAirliftPlan, iso: string) => (Date.parse(iso) - Date.parse(plan.instance.start)) / 3_600_000;
const isoAt = (start: string, h: number) => new Date(Date.parse(start) + Math.round(h * 3600) * 1000).toISOString().replace(/\.000Z$/, 'Z');
const same = (a: TLeg, b: TLeg) => JSON.stringify(a) === JSON.stringify(b);

/** A second destination, so that halting one intake leaves somewhere to go. */
function withSecondDestination(instance: TAirliftInstance): TAirliftInstance {
  const d = instance.nodes.find((n) => n.id === 'D')!;
  return { ...instance, nodes: [...instance.nodes, { ...d, id: 'D2', name: 'second destination', lat: d.lat + 0.4, lon: d.lon - 0.3 }] };
}

function disruptionFor(instance: TAirliftInstance, plan: TAirliftPlan, how: { kind: (typeof KINDS)[number]; pick: number; when: number }): TDisruption {
  const { kind, pick, when } = how;
  const departs = plan.legs.map((l) => hours(plan, l.depart));
  const span = departs.length > 0 ? Math.max(...departs) : 10;
  const at = isoAt(instance.start, span * when);
  const origins = instance.nodes.filter((n) => n.kind === 'origin');
  switch (kind) {
    case 'aircraft-out-of-service':
      return { kind, aircraft: instance.aircraft[pick % instance.aircraft.length]!.id, at };
    case 'site-breached':
    case 'site-cut-off':
      return { kind, site: origins[pick % origins.length]!.id, at };
    case 'landing-zone-closed': {
      // An origin or the refuel point: closing a staging node would strand whoever waits there (rule 14).
      const nodes = [...origins.map((n) => n.id), 'R'];
      return { kind, node: nodes[pick % nodes.length]!, at };
    }
    case 'intake-halted':
      return { kind, destination: pick % 2 === 0 ? 'D' : 'D2', at };
  }
}

function assertReplan(before: TAirliftPlan, after: TAirliftPlan, d: TDisruption, diff: Awaited<ReturnType<typeof replan>>['diff']): void {
  expect(checkPlan(after).violations).toEqual([]);
  const at = hours(before, d.at);
  const frozen = new Set(diff.frozen);
  // Every leg of a kept sortie is in the new plan, unchanged; every other leg departs at or after `at`.
  const kept = before.legs.filter((l) => l.sortie !== undefined && frozen.has(l.sortie));
  for (const l of kept) expect(after.legs.some((m) => same(l, m))).toBe(true);
  for (const l of before.legs.filter((x) => x.sortie !== undefined && hours(before, x.depart) < at)) expect(frozen.has(l.sortie!)).toBe(true);
  const fresh = after.legs.filter((m) => !before.legs.some((l) => same(l, m) && hours(before, l.depart) < at) && !kept.some((l) => same(l, m)));
  for (const m of fresh) expect(hours(after, m.depart)).toBeGreaterThanOrEqual(at - 1e-9);
  const closed = closedNodeOf(d);
  if (closed !== null) for (const m of fresh) expect(m.to === closed && m.arrive >= d.at ? m : null).toBeNull();
  if (d.kind === 'aircraft-out-of-service') for (const m of fresh) expect(m.aircraft).not.toBe(d.aircraft);
  // Nobody is both moved and stranded; every stranded detainee is declared undelivered with its reason.
  const stranded = new Set(diff.stranded.map((s) => s.id));
  for (const m of diff.moved) expect(stranded.has(m.id)).toBe(false);
  expect(new Set((after['x-undelivered'] ?? []).map((u) => u.id))).toEqual(stranded);
  expect(after.instance['x-disruptions']).toContainEqual(d);
  expect(diff.objectiveAfter).toEqual(after.objective);
  // A kept bound stays below the new plan's value.
  expect(after.bound.expectedLoss).toBeLessThanOrEqual(after.objective.expectedLoss + 1e-9);
}

describe('replan (property)', () => {
  it('keeps every rule, what has flown, and accounts for every detainee, for every kind of disruption', async () => {
    await fc.assert(
      fc.asyncProperty(arbInstance, fc.constantFrom(...KINDS), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (raw, kind, pick, when) => {
        const instance = withSecondDestination(raw);
        let plan: TAirliftPlan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch (e) {
          expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE').toBe(true);
          return;
        }
        const d = disruptionFor(instance, plan, { kind, pick, when });
        const { plan: next, diff } = await replan(instance, plan, d);
        assertReplan(plan, next, d, diff);
      }),
      { numRuns: 60, seed: 20270106 },
    );
  });

  it('keeps the per-nationality daily quotas (extension rule x-1) counting what has flown', async () => {
    await fc.assert(
      fc.asyncProperty(arbNationalInstance, fc.constantFrom(...KINDS), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (raw, kind, pick, when) => {
        const instance = withSecondDestination(raw);
        let plan: TAirliftPlan;
        try {
          plan = await planInstance(instance, { allowUndelivered: true });
        } catch (e) {
          expect(isDomainError(e) && e.code === 'AIRLIFT_INFEASIBLE').toBe(true);
          return;
        }
        const d = disruptionFor(instance, plan, { kind, pick, when });
        const { plan: next, diff } = await replan(instance, plan, d);
        assertReplan(plan, next, d, diff);
      }),
      { numRuns: 30, seed: 20270107 },
    );
  });
});

describe('replan', () => {
  const base = (): TAirliftInstance => {
    const t = tinyInstance();
    return {
      ...t,
      nodes: [...t.nodes, { id: 'O2', kind: 'origin', name: 'second prison', lat: 36.1, lon: 41.2, landingSlots: 1, hazardPerHour: 0.02 }],
      aircraft: [...t.aircraft, { ...t.aircraft[0]!, id: 'A2' }],
      detainees: Array.from({ length: 48 }, (_, i) => ({ id: `d${i}`, site: i % 2 === 0 ? 'O' : 'O2', tier: (['HIGH', 'MEDIUM', 'LOW'] as const)[i % 3]!, keepApart: [], medical: i % 7 === 0 })),
    };
  };

  it('with nothing left to change, moves nobody and keeps every sortie', async () => {
    const instance = base();
    const plan = await planInstance(instance);
    const last = plan.legs.reduce((m, l) => (l.arrive > m ? l.arrive : m), plan.instance.start);
    const { plan: next, diff } = await replan(instance, plan, { kind: 'aircraft-out-of-service', aircraft: 'A2', at: last });
    expect(diff.moved).toEqual([]);
    expect(diff.cancelled).toEqual([]);
    expect(diff.stranded).toEqual([]);
    expect(next.legs).toEqual(plan.legs);
  });

  it('an aircraft lost: its later sorties are cancelled and their people carried by the other', async () => {
    const instance = base();
    const plan = await planInstance(instance);
    const sorties = [...new Set(plan.legs.filter((l) => l.aircraft === 'A1').map((l) => l.sortie!))];
    const at = plan.legs.find((l) => l.sortie === sorties[1])!.depart;
    const { plan: next, diff } = await replan(instance, plan, { kind: 'aircraft-out-of-service', aircraft: 'A1', at });
    assertReplan(plan, next, diff.disruption, diff);
    const later = plan.legs.filter((l) => l.aircraft === 'A1' && l.depart >= at && l.sortie !== undefined);
    expect(diff.cancelled.map((c) => c.sortie).sort()).toEqual([...new Set(later.map((l) => l.sortie!))].sort());
    const orphans = new Set(later.flatMap((l) => l.board));
    expect(new Set(diff.moved.map((m) => m.id))).toEqual(orphans);
    for (const id of orphans) expect(next.legs.some((l) => l.aircraft === 'A2' && l.board.includes(id))).toBe(true);
    expect(diff.stranded).toEqual([]);
  });

  it('a site breached: whoever is still inside is stranded and named, and nobody else moves', async () => {
    const instance = base();
    const plan = await planInstance(instance);
    // The disruption comes as the last sortie out of O2 sets off: its people are still inside.
    const fromO2 = [...new Set(plan.legs.filter((l) => l.from === 'O2' && l.board.length > 0).map((l) => l.sortie!))];
    const lastSortie = fromO2[fromO2.length - 1]!;
    const at = plan.legs.find((l) => l.sortie === lastSortie)!.depart;
    const { plan: next, diff } = await replan(instance, plan, { kind: 'site-breached', site: 'O2', at });
    assertReplan(plan, next, diff.disruption, diff);
    const started = new Set(plan.legs.filter((l) => l.depart < at).map((l) => l.sortie));
    const inside = instance.detainees.filter((d) => d.site === 'O2' && !plan.legs.some((l) => l.board.includes(d.id) && started.has(l.sortie))).map((d) => d.id);
    expect(inside.length).toBeGreaterThan(0);
    expect(diff.stranded.map((s) => s.id).sort()).toEqual(inside.sort());
    for (const s of diff.stranded) expect(s.reason).toMatch(/O2 breached/);
    expect(diff.moved).toEqual([]);
    expect(next.objective.completionHours).toBeNull();
    expect(diff.objectiveAfter.expectedLoss).toBeGreaterThan(diff.objectiveBefore.expectedLoss);
  });

  it('the frozen sorties can be named: only those are kept, the rest replanned from the disruption on', async () => {
    const instance = base();
    const plan = await planInstance(instance);
    const first = plan.legs.find((l) => l.sortie !== undefined)!;
    const at = plan.legs.map((l) => l.arrive).sort()[plan.legs.length - 1]!;
    const { plan: next, diff } = await replan(instance, plan, { kind: 'site-cut-off', site: 'O', at: first.depart }, { frozenSortieIds: new Set([first.sortie!]) });
    expect(diff.frozen).toEqual([first.sortie]);
    expect(checkPlan(next).violations).toEqual([]);
    void at;
  });

  it('refuses a disruption naming nothing in the instance, with the field', async () => {
    const instance = base();
    const plan = await planInstance(instance);
    await expect(replan(instance, plan, { kind: 'aircraft-out-of-service', aircraft: 'NOPE', at: instance.start })).rejects.toMatchObject({ code: 'AIRLIFT_DISRUPTION_INVALID', details: { field: 'disruption.aircraft' } });
    await expect(replan(instance, plan, { kind: 'site-breached', site: 'S', at: instance.start })).rejects.toMatchObject({ code: 'AIRLIFT_DISRUPTION_INVALID', details: { field: 'disruption.site' } });
    await expect(replan(instance, plan, { kind: 'meteor', at: instance.start })).rejects.toMatchObject({ code: 'AIRLIFT_DISRUPTION_INVALID' });
    await expect(replan(instance, plan, { kind: 'intake-halted', destination: 'D', at: 'tomorrow' })).rejects.toMatchObject({ code: 'AIRLIFT_DISRUPTION_INVALID' });
  });
});
