import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbInstance, arbNationalInstance } from '../../test/airlift/arbitraries.js';
import { tinyInstance } from '../../test/airlift/fixtures.js';
import { isDomainError } from '../kernel/index.js';
import { closedNodeOf, type TAirliftInstance, type TAirliftPlan, type TDisruption, type TLeg } from './airlift.schemas.js';
import { checkPlan } from './check.js';
import { planInstance } from './plan.js';
import { choose, replan } from './replan.js';

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

const PROPERTIES = [
  { name: 'every kind of disruption', arb: arbInstance, numRuns: 60, seed: 20270106, ampleCapacity: true },
  // Per-nationality daily quotas (extension rule x-1) count what has flown; a quota of 1 a day can run out.
  { name: 'the per-nationality daily quotas (x-1)', arb: arbNationalInstance, numRuns: 30, seed: 20270107, ampleCapacity: false },
];

describe('replan (property)', () => {
  it.each(PROPERTIES)('keeps every rule, what has flown, and accounts for every detainee: $name', async ({ arb, numRuns, seed, ampleCapacity }) => {
    await fc.assert(
      fc.asyncProperty(arb, fc.constantFrom(...KINDS), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), async (raw, kind, pick, when) => {
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
        // Twelve days of aircraft for at most 30 detainees: nobody is left for want of capacity, only because no
        // aircraft left can legally carry them (named), their site closed, or held where no onward flight lands.
        if (ampleCapacity) for (const s of diff.stranded) expect(s.reason).toMatch(/^no aircraft left after the disruption can carry it: |^site .* (breached|cut off)|^landing zone at|^held at|^intake at/);
      }),
      { numRuns, seed },
    );
  });
});

/**
 * Two helicopters and the only fixed-wing shuttle, on the browser test's geography: the near prison O is a
 * short hop from the staging field S, the far prison F is 564 km from the destination D — a helicopter can fly it
 * straight out only with a full tank, which it cannot have on arrival (no refuelling at prisons), so with the
 * shuttle gone it must stop to refuel at S or R on the way.
 */
function twoTypes(): TAirliftInstance {
  const start = '2027-01-05T06:00:00Z';
  return {
    format: 'sallyport.airlift.instance/1', name: 'two-types', start,
    nodes: [
      { id: 'O', kind: 'origin', name: 'near prison', lat: 36.472, lon: 40.727, landingSlots: 2, hazardPerHour: 0.01 },
      { id: 'F', kind: 'origin', name: 'far prison', lat: 35.955, lon: 39.012, landingSlots: 1, hazardPerHour: 0.008 },
      { id: 'S', kind: 'staging', name: 'staging', lat: 36.99, lon: 41.95, refuel: true, holdingCapacity: 200, maxHoldHours: 24 },
      { id: 'D', kind: 'destination', name: 'destination', lat: 33.26, lon: 44.23, refuel: true, intakePerHour: 100 },
      { id: 'R', kind: 'refuel', name: 'refuel point', lat: 35.767, lon: 43.125, refuel: true },
    ],
    aircraftTypes: [
      { id: 'H', seats: 33, speedKmh: 290, rangeKm: 740, loadMinutes: 20, unloadMinutes: 15, refuelMinutes: 25, canLandAt: ['origin', 'staging', 'destination', 'refuel'] },
      { id: 'C', seats: 90, speedKmh: 600, rangeKm: 3300, loadMinutes: 40, unloadMinutes: 30, refuelMinutes: 45, canLandAt: ['staging', 'destination'] },
    ],
    aircraft: [
      { id: 'H1', type: 'H', base: 'S', availableFrom: isoAt(start, 0), availableUntil: isoAt(start, 240), maxFlightHoursPerDay: 8 },
      { id: 'H2', type: 'H', base: 'S', availableFrom: isoAt(start, 2), availableUntil: isoAt(start, 240), maxFlightHoursPerDay: 8 },
      { id: 'C1', type: 'C', base: 'D', availableFrom: isoAt(start, 0), availableUntil: isoAt(start, 240), maxFlightHoursPerDay: 12 },
    ],
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 8, medicSeats: 1, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
    detainees: Array.from({ length: 60 }, (_, i) => ({ id: `d${i}`, site: i % 2 === 0 ? 'O' : 'F', tier: (['HIGH', 'MEDIUM', 'LOW'] as const)[i % 3]!, keepApart: [], medical: i % 11 === 0 })),
    quotas: [],
  };
}

/** Who is still inside `site` when `at` comes: nobody of a sortie that had left by then took them. */
function insideAt(plan: TAirliftPlan, site: string, at: string): string[] {
  const started = new Set(plan.legs.filter((l) => l.depart < at).map((l) => l.sortie));
  return plan.instance.detainees.filter((d) => d.site === site && !plan.legs.some((l) => l.board.includes(d.id) && started.has(l.sortie))).map((d) => d.id).sort();
}

/** The departure of the last sortie out of `site` in the plan (its people are still inside then). */
function lastSortieFrom(plan: TAirliftPlan, site: string): string {
  const from = plan.legs.filter((l) => l.from === site && l.board.length > 0);
  const label = from[from.length - 1]!.sortie;
  return plan.legs.find((l) => l.sortie === label)!.depart;
}

describe('replan: the better of the local repair and the full re-plan, nobody stranded who can be carried', () => {
  const CASES: {
    name: string;
    instance: () => TAirliftInstance;
    disruption: (plan: TAirliftPlan) => TDisruption;
    /** Who must be stranded (sorted ids) and the reason each gives. */
    stranded: (plan: TAirliftPlan, d: TDisruption) => { ids: string[]; reason?: RegExp };
  }[] = [
    {
      name: 'the only aircraft of a type lost (the fixed-wing shuttle, at the start): helicopters carry everyone the whole way',
      instance: twoTypes,
      disruption: (plan) => ({ kind: 'aircraft-out-of-service', aircraft: 'C1', at: plan.instance.start }),
      stranded: () => ({ ids: [] }),
    },
    {
      name: 'a site breached: exactly who is still inside',
      instance: twoTypes,
      disruption: (plan) => ({ kind: 'site-breached', site: 'F', at: lastSortieFrom(plan, 'F') }),
      stranded: (plan, d) => ({ ids: insideAt(plan, 'F', d.at), reason: /^site F breached at/ }),
    },
    {
      name: "a site's landing zone closed: exactly who is still inside",
      instance: twoTypes,
      disruption: (plan) => ({ kind: 'landing-zone-closed', node: 'O', at: lastSortieFrom(plan, 'O') }),
      stranded: (plan, d) => ({ ids: insideAt(plan, 'O', d.at), reason: /^landing zone at O closed at/ }),
    },
    {
      name: 'intake halted at one destination: everyone goes to the other',
      instance: () => withSecondDestination(twoTypes()),
      disruption: (plan) => ({ kind: 'intake-halted', destination: 'D', at: plan.instance.start }),
      stranded: () => ({ ids: [] }),
    },
    {
      name: 'intake halted at the only destination: everyone not yet delivered, named, and nobody flown for nothing',
      instance: twoTypes,
      disruption: (plan) => ({ kind: 'intake-halted', destination: 'D', at: plan.instance.start }),
      stranded: (plan) => ({ ids: plan.instance.detainees.map((d) => d.id).sort(), reason: /every destination is closed/ }),
    },
  ];

  it.each(CASES)('$name', async ({ instance: make, disruption, stranded }) => {
    const instance = make();
    const plan = await planInstance(instance);
    const d = disruption(plan);
    const local = await replan(instance, plan, d, { strategy: 'local' });
    const full = await replan(instance, plan, d, { strategy: 'full' });
    const { plan: next, diff } = await replan(instance, plan, d);
    assertReplan(plan, next, d, diff);
    const want = stranded(plan, d);
    expect(diff.stranded.map((s) => s.id).sort()).toEqual(want.ids);
    for (const s of diff.stranded) expect(s.reason).toMatch(want.reason ?? /never/);
    // Everyone not stranded is delivered.
    const delivered = new Set(next.legs.filter((l) => next.instance.nodes.find((n) => n.id === l.to)?.kind === 'destination').flatMap((l) => l.alight));
    for (const p of instance.detainees) expect(delivered.has(p.id) || want.ids.includes(p.id)).toBe(true);
    // The kept one is the better by the rule, and says so with both candidates' figures.
    expect(diff.strategy?.candidates.map((c) => c.kind)).toEqual(['local', 'full']);
    const kept = diff.strategy!.chosen === 'local' ? local : full;
    expect(next.legs).toEqual(kept.plan.legs);
    expect(choose(([['local', local], ['full', full]] as const).map(([kind, r]) => ({ kind, undelivered: r.diff.stranded, objective: r.diff.objectiveAfter, diff: r.diff }))).chosen.kind).toBe(diff.strategy!.chosen);
    expect(next.objective.expectedLoss).toBeLessThanOrEqual(Math.max(local.plan.objective.expectedLoss, full.plan.objective.expectedLoss) + 1e-9);
  });

  it('the C-130 case: with the shuttle lost, loss and stranded against the local repair of before (which stranded the far prison)', async () => {
    const instance = twoTypes();
    const plan = await planInstance(instance);
    const { plan: next, diff } = await replan(instance, plan, { kind: 'aircraft-out-of-service', aircraft: 'C1', at: instance.start });
    expect(diff.stranded).toEqual([]);
    expect(next.objective.completionHours).not.toBeNull();
    // Whoever was at the far prison flew out through a refuel stop on a helicopter.
    const far = new Set(instance.detainees.filter((d) => d.site === 'F').map((d) => d.id));
    const out = next.legs.filter((l) => l.from === 'F' && l.board.length > 0);
    expect(new Set(out.flatMap((l) => l.board))).toEqual(far);
    for (const l of out) expect(['S', 'R']).toContain(l.to);
    expect(next.legs.some((l) => l.aircraft === 'C1')).toBe(false);
  });
});

describe('choose: the rule between the local repair and the full re-plan', () => {
  const c = (kind: 'local' | 'full', loss: number, moved: number, undelivered = 0) => ({
    kind, objective: { expectedLoss: loss, completionHours: 10, flightHours: 5 }, undelivered: Array.from({ length: undelivered }, (_, i) => ({ id: `u${i}`, reason: 'r' })), diff: { moved: Array.from({ length: moved }) },
  });
  it.each([
    { name: 'fewer undelivered wins whatever the loss', local: c('local', 10, 0, 3), full: c('full', 50, 40, 2), chosen: 'full', reason: /fewer undelivered/ },
    { name: 'a clearly lower loss wins', local: c('local', 100, 5), full: c('full', 95, 60), chosen: 'full', reason: /lower expected loss/ },
    { name: 'losses within 1 %: fewer moved wins', local: c('local', 100, 5), full: c('full', 99.5, 60), chosen: 'local', reason: /fewer detainees moved/ },
    { name: 'losses within 1 % the other way: fewer moved wins', local: c('local', 100.8, 80), full: c('full', 100, 60), chosen: 'full', reason: /fewer detainees moved/ },
    { name: 'as close and as many moved: the better objective', local: c('local', 100, 5), full: c('full', 99.9, 5), chosen: 'full', reason: /better objective/ },
    { name: 'equal in all: the local repair', local: c('local', 100, 5), full: c('full', 100, 5), chosen: 'local', reason: /better objective/ },
  ])('$name', ({ local, full, chosen, reason }) => {
    const got = choose([local, full]);
    expect(got.chosen.kind).toBe(chosen);
    expect(got.reason).toMatch(reason);
  });
});

describe('replan: the local repair', () => {
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
    const { plan: next, diff } = await replan(instance, plan, { kind: 'aircraft-out-of-service', aircraft: 'A1', at }, { strategy: 'local' });
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
    const { plan: next, diff } = await replan(instance, plan, { kind: 'site-breached', site: 'O2', at }, { strategy: 'local' });
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
