/**
 * Agreement conditions in the airlift planner (extension rules x-2 … x-5, docs/airlift.md). The reference
 * scenario (6,000 detainees, 7 sites, 40 aircraft; BENCH_AIRLIFT_DETAINEES / _SITES / _AIRCRAFT) with the
 * quotas of its signed agreements in force at the start, planned twice in the same process: without their
 * conditions (the baseline: x-1 only) and with them (TA-MAIN-02: observer present, 12 h manifest notice,
 * medical screening), then once more with daylight arrivals added. Prints time, validity, expected loss,
 * completion, gap and the ratio of each to the baseline; and a re-plan (an aircraft lost at +18 h) with the
 * sorties frozen by the notice.
 */
import { buildInstance, checkPlan, compileNetwork, computeBound, gapOf, noticeFrozenSorties, planInstance, replan, type InstanceSource, type TAirliftPlan, type TDisruption } from '../src/airlift/index.js';
import { generateScenario } from '../src/scenario/index.js';

const knob = (name: string, fallback: number) => (Number.isInteger(Number(process.env[name])) && process.env[name] ? Number(process.env[name]) : fallback);
const out = (line: string) => process.stdout.write(`${line}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

type Agreements = NonNullable<Parameters<typeof buildInstance>[1]>['agreements'];

/** The scenario as an instance source, and its agreements signed (by their last status) and in force on `day`. */
function reference(): { src: InstanceSource; signed: (day: string) => NonNullable<Agreements> } {
  const src: InstanceSource = { facilities: [], aircraftTypes: [], aircraft: [], detainees: [] };
  const agreements: { code: string; destination: string; perDay: number | null; nationalityQuotas: Record<string, number>; conditions: { kind: string; text: string; value?: number }[]; validFrom: string; validTo: string | null; status: string }[] = [];
  const gen = generateScenario({ seed: 'reference', detainees: knob('BENCH_AIRLIFT_DETAINEES', 6000), facilities: knob('BENCH_AIRLIFT_SITES', 7), aircraft: knob('BENCH_AIRLIFT_AIRCRAFT', 40), campResidents: 0 });
  for (const r of gen) {
    if (r.type === 'facility') src.facilities.push(r);
    else if (r.type === 'aircraftType') src.aircraftTypes.push(r);
    else if (r.type === 'aircraft') src.aircraft.push({ tail: r.tail, typeCode: r.aircraftType, base: r.base, availableFrom: r.availableFrom, availableTo: r.availableTo });
    else if (r.type === 'detainee') src.detainees.push(r);
    else if (r.type === 'agreement') agreements.push({ ...r, status: r.history[r.history.length - 1]?.to ?? 'draft' });
  }
  const signed = (day: string) => {
    const valid = agreements.filter((a) => a.status === 'signed' && a.validFrom <= day && (a.validTo === null || a.validTo >= day));
    return {
      quotas: valid.flatMap((a) => (a.perDay === null ? [] : [{ destination: a.destination, perDay: a.perDay }])),
      agreements: valid.map((a) => ({ code: a.code, destination: a.destination, nationalityQuotas: a.nationalityQuotas, conditions: a.conditions })),
    };
  };
  return { src, signed };
}

function line(label: string, plan: TAirliftPlan, took: number, base?: { plan: TAirliftPlan; took: number }): void {
  const o = plan.objective;
  const vs = base ? `; ×${(took / base.took).toFixed(2)} time, expected loss ${pct(o.expectedLoss / base.plan.objective.expectedLoss - 1)}, completion ${o.completionHours !== null && base.plan.objective.completionHours !== null ? `${pct(o.completionHours / base.plan.objective.completionHours - 1)}` : 'n/a'} vs the baseline` : '';
  out(`  ${label}: ${took.toFixed(0)} ms, valid ${String(checkPlan(plan).valid)}, expected loss ${o.expectedLoss.toFixed(1)} (bound ${plan.bound.expectedLoss.toFixed(1)}, gap ${pct(gapOf(plan))}), completion ${o.completionHours?.toFixed(1) ?? '∞'} h, ${o.flightHours.toFixed(0)} flight h, ${plan.legs.length} legs, undelivered ${(plan['x-undelivered'] ?? []).length}${vs}`);
}

/** Prints the figures above. */
export async function benchConditions(): Promise<void> {
  const { src, signed } = reference();
  const start = buildInstance(src).start;
  const agreements = signed(start.slice(0, 10));
  const bare = { ...agreements, agreements: agreements.agreements.map((a) => ({ ...a, conditions: [] })) };
  const timed = async (instance: unknown) => {
    const t0 = performance.now();
    const plan = await planInstance(instance, { allowUndelivered: true });
    return { plan, took: performance.now() - t0 };
  };
  out(`reference (${src.detainees.length} detainees), agreements in force at ${start}: ${agreements.agreements.map((a) => `${a.code} (${(a.conditions ?? []).map((c) => c.kind).join(', ') || 'no condition'})`).join('; ')}`);
  const baseInstance = buildInstance(src, { agreements: bare });
  await computeBound(compileNetwork(baseInstance)); // loads HiGHS once, so that the timings below are of the work alone
  const base = await timed(baseInstance);
  line('without conditions (baseline)', base.plan, base.took);
  const kept = await timed(buildInstance(src, { agreements }));
  line('with the conditions', kept.plan, kept.took, base);
  const daylight = { ...agreements, agreements: agreements.agreements.map((a) => ({ ...a, conditions: [...(a.conditions ?? []), { kind: 'daylight-arrivals', text: 'Arrivals in daylight.' }] })) };
  const sun = await timed(buildInstance(src, { agreements: daylight }));
  line('with daylight arrivals too', sun.plan, sun.took, base);
  const first = kept.plan.legs.find((l) => l.board.length > 0 && l.aircraft.startsWith('C'))?.aircraft ?? kept.plan.legs[0]!.aircraft;
  const disruption: TDisruption = { kind: 'aircraft-out-of-service', aircraft: first, at: new Date(Date.parse(start) + 18 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const t0 = performance.now();
  const again = await replan(kept.plan.instance, kept.plan, disruption);
  const took = performance.now() - t0;
  out(`  re-plan (${first} lost at +18 h): ${took.toFixed(0)} ms (×${(took / kept.took).toFixed(2)} of planning), valid ${String(checkPlan(again.plan).valid)}, ${noticeFrozenSorties(kept.plan, disruption).size} sorties frozen by the manifest notice, ${again.diff.frozen.length} kept in all, ${again.diff.moved.length} detainees moved`);
}
