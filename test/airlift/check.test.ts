import { beforeAll, describe, expect, it } from 'vitest';
import { checkPlan, planInstance, type TAirliftPlan } from '../../src/airlift/index.js';
import { tinyInstance } from './fixtures.js';

// One violation per rule of formats/airlift.md, each made by breaking a valid plan of the tiny instance.
let base: TAirliftPlan;
beforeAll(async () => {
  base = await planInstance(tinyInstance());
});

const copy = (): TAirliftPlan => structuredClone(base);
const shift = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(/\.000Z$/, 'Z');
const rulesOf = (p: TAirliftPlan) => new Set(checkPlan(p).violations.map((v) => v.rule));

/** The same plan with the two detainees dropped at staging and flown on from there. */
function viaStaging(): TAirliftPlan {
  const p = copy();
  const [toSite, out] = p.legs;
  const ids = out!.board;
  const atStaging = shift(toSite!.arrive, 0);
  const hop1 = { ...out!, to: 'S', arrive: shift(out!.depart, 30), alight: ids };
  const hop2 = { ...out!, from: 'S', depart: shift(out!.depart, 60), arrive: shift(out!.depart, 60 + 100), board: ids };
  p.legs = [toSite!, hop1, hop2];
  expect(atStaging).toBeTruthy();
  return p;
}

function withObjective(p: TAirliftPlan): TAirliftPlan {
  const r = checkPlan(p);
  if (r.objective) p.objective = r.objective;
  return p;
}

describe('airlift checker', () => {
  it('accepts the planner\'s plan of the tiny instance', () => {
    const r = checkPlan(base);
    expect(r.violations).toEqual([]);
    expect(base.legs.length).toBeGreaterThanOrEqual(2);
  });

  const cases: [number, () => TAirliftPlan][] = [
    [1, () => { const p = copy(); p.legs[0]!.aircraft = 'ZZ'; return p; }],
    [2, () => { const p = copy(); p.legs[0]!.from = 'D'; return p; }],
    [3, () => { const p = copy(); p.legs[1]!.arrive = shift(p.legs[1]!.depart, 5); return p; }],
    [4, () => { const p = copy(); const gap = (Date.parse(p.legs[1]!.depart) - Date.parse(p.legs[0]!.arrive)) / 60_000; p.legs[1]!.depart = shift(p.legs[1]!.depart, -gap); p.legs[1]!.arrive = shift(p.legs[1]!.arrive, -gap); return p; }],
    [5, () => { const p = copy(); p.instance.aircraftTypes[0]!.canLandAt = ['origin', 'staging']; return p; }],
    [6, () => { const p = copy(); p.instance.aircraftTypes[0]!.rangeKm = 500; return p; }],
    [7, () => { const p = copy(); p.instance.aircraft.push({ ...p.instance.aircraft[0]!, id: 'A2' }); p.legs.push(...p.legs.map((l) => ({ ...l, aircraft: 'A2', board: [], alight: [], guards: 0 }))); return p; }],
    [8, () => { const p = copy(); p.legs[0]!.board = ['d1']; return p; }],
    [9, () => { const p = copy(); p.legs[1]!.guards = 10; return p; }],
    [10, () => { const p = copy(); p.legs[1]!.guards = 0; return p; }],
    [11, () => { const p = copy(); p.instance.rules.maxHighRiskPerLeg = 0; return p; }],
    [12, () => { const p = copy(); p.instance.detainees[1]!.keepApart = ['g1']; return p; }],
    [13, () => { const p = copy(); p.instance.detainees[0]!.medical = true; return p; }],
    [14, () => { const p = viaStaging(); p.instance.nodes[1]!.holdingCapacity = 1; return withObjective(p); }],
    [15, () => { const p = copy(); p.instance.nodes[2]!.intakePerHour = 1; return p; }],
    [16, () => { const p = copy(); p.instance.quotas = [{ destination: 'D', perDay: 1 }]; return p; }],
    [17, () => { const p = copy(); p.instance.aircraft[0]!.maxFlightHoursPerDay = 1; return p; }],
    [18, () => { const p = copy(); for (const l of p.legs) { l.board = l.board.filter((x) => x !== 'd2'); l.alight = l.alight.filter((x) => x !== 'd2'); } return withObjective(p); }],
    [0, () => { const p = copy(); p.objective.expectedLoss += 1; return p; }],
  ];
  for (const [rule, make] of cases) {
    it(`reports rule ${rule}`, () => {
      expect(rulesOf(make())).toContain(rule);
    });
  }

  it('reports only rule 14 when a staging stay is too long', () => {
    const p = viaStaging();
    expect(checkPlan(withObjective(p)).violations.filter((v) => v.rule !== 0)).toEqual([]);
    p.instance.nodes[1]!.maxHoldHours = 0.1;
    expect([...rulesOf(withObjective(p))]).toEqual([14]);
  });

  it('reports extension rule x-1 naming the destination, nationality, day and agreement, and only when its fields are present', () => {
    const p = copy();
    for (const d of p.instance.detainees) d['x-nationality'] = 'IRQ';
    expect(checkPlan(p).violations).toEqual([]);
    p.instance['x-nationalityQuotas'] = [{ destination: 'D', nationality: 'IRQ', perDay: 1, agreement: 'TA-9' }, { destination: 'D', nationality: 'SYR', perDay: 0 }];
    const day = p.legs.find((l) => l.to === 'D' && l.alight.length === 2)!.arrive.slice(0, 10);
    expect(checkPlan(p).violations).toEqual([{ rule: 'x-1', message: `D: 2 arrivals of nationality IRQ on ${day}, quota 1 (agreement TA-9)` }]);
    p.instance['x-nationalityQuotas'] = [{ destination: 'D', nationality: 'IRQ', perDay: 2 }];
    expect(checkPlan(p).violations).toEqual([]);
    p.instance['x-nationalityQuotas'] = [{ destination: 'D', nationality: 'IRQ', perDay: -1 }];
    expect(checkPlan(p).violations.map((v) => [v.rule, v.message.slice(0, 30)])).toEqual([['x-1', 'format: x-nationalityQuotas.0.']]);
  });

  it('refuses unknown fields but keeps x- extensions', () => {
    expect(checkPlan({ ...base, 'x-note': 'ok' }).valid).toBe(true);
    expect(checkPlan({ ...base, note: 'no' }).violations[0]?.message).toMatch(/unknown field note/);
  });
});
