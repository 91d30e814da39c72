import { beforeAll, describe, expect, it } from 'vitest';
import { tinyInstance } from '../../test/airlift/fixtures.js';
import type { TAirliftInstance, TAirliftPlan } from './airlift.schemas.js';
import { checkPlan } from './check.js';
import { planInstance } from './plan.js';

// Extension rules x-2 … x-5 (agreement conditions) by the checker: a plan that breaks one is named with the
// rule, the destination and the agreement; the same plan against windows it keeps passes. And the planner:
// infeasible windows are refused naming the rule; feasible ones are kept.

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const around = (t: string, beforeH: number, afterH: number) => ({ from: iso(Date.parse(t) - beforeH * 3_600_000), until: iso(Date.parse(t) + afterH * 3_600_000) });
const withFields = (plan: TAirliftPlan, fields: Record<string, unknown>): TAirliftPlan => ({ ...plan, instance: { ...plan.instance, ...fields } });

describe('checker: agreement conditions (x-2 … x-5)', () => {
  let plan: TAirliftPlan;
  let arrival: string;
  beforeAll(async () => {
    const i = tinyInstance();
    plan = await planInstance({ ...i, detainees: i.detainees.map((d) => ({ ...d, medical: d.id === 'd1' })) });
    arrival = plan.legs.find((l) => l.to === 'D' && l.alight.length > 0)!.arrive;
  });

  it('passes without condition fields, and with windows around every arrival', () => {
    expect(checkPlan(plan).violations).toEqual([]);
    const ok = plan.legs.filter((l) => l.to === 'D' && l.alight.length > 0).map((l) => around(l.arrive, 0.5, 0.5));
    const entry = [{ destination: 'D', agreement: 'TA-1', windows: ok }];
    expect(checkPlan(withFields(plan, { 'x-daylightWindows': entry, 'x-observerWindows': entry, 'x-screeningWindows': entry, 'x-manifestNotice': [{ destination: 'D', hours: 0 }] })).violations).toEqual([]);
  });

  it('x-2: an arrival outside the daylight windows, naming the destination, the aircraft and the agreement', () => {
    const v = checkPlan(withFields(plan, { 'x-daylightWindows': [{ destination: 'D', agreement: 'TA-SUN', windows: [around(arrival, 5, -1)] }] })).violations;
    expect(v.length).toBeGreaterThan(0);
    expect(v[0]).toEqual({ rule: 'x-2', message: expect.stringMatching(new RegExp(`^D: A1 lands \\d+ detainees at ${arrival}, outside the daylight-arrivals windows \\(agreement TA-SUN\\)$`)) as string });
  });

  it('x-3: an arrival outside the observer\'s hours; a window ending within the 60 s tolerance still passes', () => {
    const v = checkPlan(withFields(plan, { 'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', windows: [around(arrival, -1, 3)] }] })).violations;
    expect(v.map((x) => x.rule)).toContain('x-3');
    expect(v.find((x) => x.rule === 'x-3')!.message).toMatch(/observer-present windows \(agreement TA-OBS\)/);
    const edges = plan.legs.filter((l) => l.to === 'D' && l.alight.length > 0).map((l) => ({ from: iso(Date.parse(l.arrive) + 50_000), until: iso(Date.parse(l.arrive) + 3_600_000) }));
    expect(checkPlan(withFields(plan, { 'x-observerWindows': [{ destination: 'D', windows: edges }] })).violations).toEqual([]);
  });

  it('x-5: only arrivals carrying someone with medical needs must be inside the screening windows', () => {
    const medicalLeg = plan.legs.find((l) => l.to === 'D' && l.alight.includes('d1'))!;
    const v = checkPlan(withFields(plan, { 'x-screeningWindows': [{ destination: 'D', agreement: 'TA-MED', windows: [around(medicalLeg.arrive, -1, 2)] }] })).violations;
    expect(v).toEqual([{ rule: 'x-5', message: expect.stringContaining('1 with medical needs (d1)') as string }]);
    expect(v[0]!.message).toMatch(/medical-screening windows \(agreement TA-MED\)/);
    // Without medical needs on board, no screening window binds.
    const noMedical = withFields(plan, { detainees: plan.instance.detainees.map((d) => ({ ...d, medical: false })), 'x-screeningWindows': [{ destination: 'D', windows: [] }] });
    expect(checkPlan({ ...noMedical, legs: plan.legs.map((l) => ({ ...l, medic: false })) }).violations.filter((x) => x.rule === 'x-5')).toEqual([]);
  });

  it('x-4: a ride towards the destination departing before the manifest notice is over', () => {
    const first = plan.legs.filter((l) => l.board.length > 0).map((l) => l.depart).sort()[0]!;
    const after = (Date.parse(first) - Date.parse(plan.instance.start)) / 3_600_000;
    const v = checkPlan(withFields(plan, { 'x-manifestNotice': [{ destination: 'D', hours: after + 2, agreement: 'TA-NOTE' }] })).violations;
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.rule === 'x-4')).toBe(true);
    expect(v[0]!.message).toMatch(new RegExp(`^D: A1 departs with \\d+ detainees for it at ${first}, [\\d.]+ h after the start, less than the [\\d.]+ h manifest notice \\(agreement TA-NOTE\\)$`));
    expect(checkPlan(withFields(plan, { 'x-manifestNotice': [{ destination: 'D', hours: after - 0.5 }] })).violations).toEqual([]);
  });

  it('a malformed condition field is a format violation of its rule', () => {
    const v = checkPlan(withFields(plan, { 'x-observerWindows': [{ destination: 'D', windows: [{ from: 'tomorrow' }] }], 'x-manifestNotice': [{ destination: 'D', hours: -1 }] })).violations;
    expect(v.map((x) => x.rule)).toEqual(['x-3', 'x-3', 'x-4']);
    expect(v[0]!.message).toMatch(/^format: x-observerWindows\.0\.windows\.0\./);
    expect(v[2]!.message).toMatch(/^format: x-manifestNotice\.0\.hours/);
  });
});

describe('planner: agreement conditions', () => {
  const daily = (openH: number, hours: number) =>
    Array.from({ length: 12 }, (_, d) => ({ from: iso(Date.parse('2027-01-05T00:00:00Z') + (d * 24 + openH) * 3_600_000), until: iso(Date.parse('2027-01-05T00:00:00Z') + (d * 24 + openH + hours) * 3_600_000) }));

  it('keeps daylight and observer windows, screening and notice, delaying departures', async () => {
    const i = tinyInstance();
    const instance: TAirliftInstance = {
      ...i, detainees: i.detainees.map((d) => ({ ...d, medical: d.id === 'd1' })),
      'x-daylightWindows': [{ destination: 'D', agreement: 'TA-SUN', windows: daily(4, 10) }],
      'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', windows: daily(8, 2) }],
      'x-screeningWindows': [{ destination: 'D', agreement: 'TA-MED', windows: daily(9, 3) }],
      'x-manifestNotice': [{ destination: 'D', hours: 30, agreement: 'TA-NOTE' }],
    };
    const plan = await planInstance(instance);
    expect(checkPlan(plan).violations).toEqual([]);
    for (const l of plan.legs.filter((x) => x.to === 'D' && x.alight.length > 0)) {
      const h = new Date(l.arrive).getUTCHours() + new Date(l.arrive).getUTCMinutes() / 60;
      // Daylight 04–14 and observer 08–10 for everyone; screening 09–12 too when d1 (medical) is aboard.
      expect(h >= (l.alight.includes('d1') ? 9 : 8) && h <= 10).toBe(true);
      expect(Date.parse(l.arrive)).toBeGreaterThan(Date.parse(instance.start) + 30 * 3_600_000);
    }
  });

  it('refuses windows no arrival can meet, naming the rule and the agreement', async () => {
    const i = tinyInstance();
    const empty = { ...i, 'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', windows: [] }] };
    await expect(planInstance(empty)).rejects.toMatchObject({ code: 'AIRLIFT_INFEASIBLE', message: expect.stringMatching(/x-3 observer-present \(agreement TA-OBS\)/) as string });
    // Two sets of windows that never overlap: both named.
    const apart = { ...i, 'x-daylightWindows': [{ destination: 'D', agreement: 'TA-SUN', windows: daily(4, 4) }], 'x-observerWindows': [{ destination: 'D', agreement: 'TA-OBS', windows: daily(12, 4) }] };
    await expect(planInstance(apart)).rejects.toMatchObject({ details: { reason: expect.stringMatching(/all of x-2 daylight-arrivals \(agreement TA-SUN\) and x-3 observer-present \(agreement TA-OBS\)/) as string } });
    // A notice longer than the fleet is available.
    const late = { ...i, 'x-manifestNotice': [{ destination: 'D', hours: 24 * 11, agreement: 'TA-NOTE' }] };
    await expect(planInstance(late)).rejects.toMatchObject({ message: expect.stringMatching(/x-4 manifest-notice-hours \(agreement TA-NOTE\) of 264 h/) as string });
    // Screening windows bind only someone with medical needs.
    const screening = { ...i, 'x-screeningWindows': [{ destination: 'D', agreement: 'TA-MED', windows: [] }] };
    expect(checkPlan(await planInstance(screening)).violations).toEqual([]);
    await expect(planInstance({ ...screening, detainees: i.detainees.map((d) => ({ ...d, medical: true })) })).rejects.toMatchObject({ message: expect.stringMatching(/x-5 medical-screening \(agreement TA-MED\)/) as string });
  });
});
