/**
 * Airlift planner. Every figure beside a baseline measured in the same run:
 * - the reference scenario (6,000 detainees, 7 sites, 40 aircraft; or BENCH_AIRLIFT_DETAINEES / _SITES /
 *   _AIRCRAFT): the bound alone, the greedy baseline (nearest site first) and the planner — time, expected loss,
 *   completion, gap to the bound, improvement over the baseline;
 * - a re-plan after one disruption on it (an aircraft lost, a site breached), against the plan's own time;
 * - tiny instances solved exactly (exhaustive search): bound ≤ optimum ≤ plan;
 * - a mid-size instance (BENCH_AIRLIFT_MID, default 600 detainees, 4 sites, 12 aircraft) given to HiGHS's integer
 *   model with a BENCH_AIRLIFT_MIP_SECONDS (60) limit, side by side with the planner;
 * - a large instance (BENCH_AIRLIFT_LARGE, default 100,000 detainees, 50 sites, 200 aircraft; 0 skips it),
 *   generated deterministically, planned with the bound in a worker thread: time, gap, memory.
 */
import {
  buildInstance, checkPlan, compileNetwork, computeBound, gapOf, planInstance, replan,
  type InstanceSource, type TAirliftInstance, type TAirliftPlan,
} from '../src/airlift/index.js';
import { integerModel } from '../src/airlift/bound.js';
import { exactOptimum } from '../src/airlift/exact.js';
import { generateScenario } from '../src/scenario/index.js';

function knob(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  return Number.isInteger(v) && v >= 0 ? v : fallback;
}

function instanceOf(detainees: number, facilities: number, aircraft: number): TAirliftInstance {
  const src: InstanceSource = { facilities: [], aircraftTypes: [], aircraft: [], detainees: [] };
  for (const r of generateScenario({ seed: 'reference', detainees, facilities, aircraft, campResidents: 0 })) {
    if (r.type === 'facility') src.facilities.push(r);
    else if (r.type === 'aircraftType') src.aircraftTypes.push(r);
    else if (r.type === 'aircraft') src.aircraft.push({ tail: r.tail, typeCode: r.aircraftType, base: r.base, availableFrom: r.availableFrom, availableTo: r.availableTo });
    else if (r.type === 'detainee') src.detainees.push(r);
  }
  return buildInstance(src);
}

const out = (line: string) => process.stdout.write(`${line}\n`);
const ms = (t0: number) => performance.now() - t0;
const f1 = (x: number | null | undefined) => (x === null || x === undefined ? '∞' : x.toFixed(1));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function describePlan(label: string, plan: TAirliftPlan, took: number): void {
  const o = plan.objective;
  out(`${label}: ${took.toFixed(0)} ms, valid ${String(checkPlan(plan).valid)}, expected loss ${o.expectedLoss.toFixed(2)} (bound ${plan.bound.expectedLoss.toFixed(2)}, gap ${pct(gapOf(plan))}), completion ${f1(o.completionHours)} h (bound ${f1(plan.bound.completionHours)} h), ${o.flightHours.toFixed(0)} flight h, ${plan.legs.length} legs`);
}

async function reference(): Promise<TAirliftPlan> {
  const instance = instanceOf(knob('BENCH_AIRLIFT_DETAINEES', 6000), knob('BENCH_AIRLIFT_SITES', 7), knob('BENCH_AIRLIFT_AIRCRAFT', 40));
  const net = compileNetwork(instance);
  await computeBound(net); // loads HiGHS once, so that the timings below are of the work alone
  let t0 = performance.now();
  const bound = await computeBound(net);
  out(`reference (${instance.detainees.length} detainees): bound alone ${ms(t0).toFixed(0)} ms, expected loss ≥ ${bound.expectedLoss.toFixed(2)}`);
  t0 = performance.now();
  const greedy = await planInstance(instance, { allowUndelivered: true, greedy: true });
  const greedyMs = ms(t0);
  describePlan('  greedy baseline', greedy, greedyMs);
  t0 = performance.now();
  const plan = await planInstance(instance, { allowUndelivered: true });
  const planMs = ms(t0);
  describePlan('  planner', plan, planMs);
  const g = greedy.objective;
  const p = plan.objective;
  out(`  improvement over the baseline: expected loss −${pct(1 - p.expectedLoss / g.expectedLoss)}, completion ${g.completionHours !== null && p.completionHours !== null ? `−${pct(1 - p.completionHours / g.completionHours)}` : 'n/a'}; time ×${(planMs / greedyMs).toFixed(2)} of the baseline's`);
  return plan;
}

async function replans(plan: TAirliftPlan): Promise<void> {
  const { instance } = plan;
  const start = Date.parse(instance.start);
  const at = new Date(start + 12 * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
  const busiest = [...plan.legs.reduce((m, l) => m.set(l.aircraft, (m.get(l.aircraft) ?? 0) + l.board.length), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]![0];
  const site = instance.nodes.find((n) => n.kind === 'origin')!.id;
  await replan(instance, plan, { kind: 'aircraft-out-of-service', aircraft: busiest, at }); // warm-up
  for (const d of [{ kind: 'aircraft-out-of-service' as const, aircraft: busiest, at }, { kind: 'site-breached' as const, site, at }]) {
    const t0 = performance.now();
    const { plan: next, diff } = await replan(instance, plan, d);
    const took = ms(t0);
    out(`  re-plan after ${d.kind} (${'aircraft' in d ? d.aircraft : d.site}, +12 h): ${took.toFixed(0)} ms, valid ${String(checkPlan(next).valid)}; ${diff.frozen.length} sorties flown or airborne, ${diff.kept.length} kept (${diff.kept.filter((k) => k.retimed).length} retimed), ${diff.cancelled.length} cancelled, ${diff.added.length} added; ${diff.moved.length} detainees moved, ${diff.stranded.length} stranded; expected loss ${diff.objectiveBefore.expectedLoss.toFixed(1)} → ${diff.objectiveAfter.expectedLoss.toFixed(1)}`);
  }
}

/** A small deterministic PRNG (mulberry32), for the tiny instances. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tinyInstance(seed: number): TAirliftInstance {
  const r = prng(seed);
  const start = Date.parse('2027-01-05T06:00:00Z');
  const iso = (h: number) => new Date(start + h * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
  const tier = (['HIGH', 'MEDIUM', 'LOW'] as const)[Math.floor(r() * 3)]!;
  let k = 0;
  return {
    format: 'sallyport.airlift.instance/1', name: `tiny-${seed}`, start: iso(0),
    nodes: [
      ...[0, 1].map((i) => ({ id: `O${i}`, kind: 'origin' as const, name: `site ${i}`, lat: 35.5 + r() * 2, lon: 40 + r() * 3, landingSlots: 2, hazardPerHour: 0.005 + r() * 0.1 })),
      { id: 'D', kind: 'destination' as const, name: 'destination', lat: 35.5, lon: 42.5, intakePerHour: 1000 },
    ],
    aircraftTypes: [0, 1].map((i) => ({ id: `T${i}`, seats: 6 + Math.floor(r() * 10), speedKmh: 200 + Math.floor(r() * 200), rangeKm: 5000, loadMinutes: 15, unloadMinutes: 10, refuelMinutes: 20, canLandAt: ['origin', 'destination'] as ('origin' | 'destination')[] })),
    aircraft: [0, 1].map((i) => ({ id: `A${i}`, type: `T${i}`, base: 'D', availableFrom: iso(Math.floor(r() * 3)), availableUntil: iso(24 * 30), maxFlightHoursPerDay: 24 })),
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 6, medicSeats: 1, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
    detainees: [0, 1].flatMap((i) => Array.from({ length: 8 + Math.floor(r() * 12) }, () => ({ id: `d${k++}`, site: `O${i}`, tier, keepApart: [], medical: false }))),
    quotas: [],
  };
}

export async function tiny(): Promise<void> {
  const rows: string[] = [];
  let worstPlan = 0;
  let worstBound = 0;
  let exactMs = 0;
  for (let seed = 1; seed <= 8; seed++) {
    const instance = tinyInstance(seed);
    const plan = await planInstance(instance);
    const t0 = performance.now();
    const optimum = exactOptimum(instance);
    exactMs += ms(t0);
    const v = plan.objective.expectedLoss;
    worstPlan = Math.max(worstPlan, (v - optimum) / v);
    worstBound = Math.max(worstBound, (optimum - plan.bound.expectedLoss) / optimum);
    rows.push(`${plan.bound.expectedLoss.toFixed(2)} ≤ ${optimum.toFixed(2)} ≤ ${v.toFixed(2)}`);
  }
  out(`tiny instances (2 sites, 2 aircraft, ${'16–38'} detainees; exhaustive search ${exactMs.toFixed(0)} ms in all): bound ≤ optimum ≤ plan: ${rows.join('; ')}`);
  out(`  plan above the optimum by at most ${pct(worstPlan)}; bound below it by at most ${pct(worstBound)}`);
}

async function midSize(): Promise<void> {
  const n = knob('BENCH_AIRLIFT_MID', 600);
  if (n === 0) return;
  const seconds = knob('BENCH_AIRLIFT_MIP_SECONDS', 60);
  const instance = instanceOf(n, 4, 12);
  let t0 = performance.now();
  const plan = await planInstance(instance, { allowUndelivered: true });
  const planMs = ms(t0);
  describePlan(`mid-size (${n} detainees, 4 sites, 12 aircraft) planner`, plan, planMs);
  t0 = performance.now();
  const mip = await integerModel(compileNetwork(instance), seconds);
  out(`  HiGHS integer model (the relaxation with whole trips and detainees), ${seconds} s limit: ${mip.status} after ${mip.seconds.toFixed(1)} s, objective ${mip.value === null ? 'none found' : mip.value.toFixed(2)} — planner ${plan.objective.expectedLoss.toFixed(2)} in ${(planMs / 1000).toFixed(2)} s (${mip.value === null ? '' : `planner/integer model ${(plan.objective.expectedLoss / mip.value).toFixed(3)}; `}${mip.status === 'Optimal' ? 'the integer optimum is a lower bound on every plan' : 'a time-limited integer objective is neither a plan nor a bound'})`);
}

export async function large(): Promise<void> {
  const n = knob('BENCH_AIRLIFT_LARGE', 100_000);
  if (n === 0) return;
  let t0 = performance.now();
  const instance = instanceOf(n, 50, 200);
  const genMs = ms(t0);
  const before = process.memoryUsage();
  // CPU time beside wall time: the machines are shared, and the wall time says more about the load than the planner.
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  let last = 0;
  const plan = await planInstance(instance, {
    allowUndelivered: true, workers: true,
    progress: (done, total) => {
      if (done - last >= total / 10 || done === total) {
        last = done;
        process.stderr.write(`  large: ${done}/${total} moved\n`);
      }
    },
  });
  const took = ms(t0);
  const cpu = process.cpuUsage(cpu0);
  const after = process.memoryUsage();
  describePlan(`large (${instance.detainees.length} detainees, ${instance.nodes.filter((x) => x.kind === 'origin').length} sites, ${instance.aircraft.length} aircraft; generated in ${genMs.toFixed(0)} ms), bound in a worker thread`, plan, took);
  out(`  cpu: ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (every thread of the process: scheduling and the bound's LP)`);
  out(`  memory: rss ${(after.rss / 2 ** 20).toFixed(0)} MiB (${((after.rss - before.rss) / 2 ** 20).toFixed(0)} MiB more than before planning), heap used ${(after.heapUsed / 2 ** 20).toFixed(0)} MiB; undelivered ${plan['x-undelivered']?.length ?? 0}`);
  t0 = performance.now();
  const greedy = await planInstance(instance, { allowUndelivered: true, greedy: true, workers: true });
  describePlan('  large, greedy baseline', greedy, ms(t0));
}

/** Prints every figure above. */
export async function benchAirlift(): Promise<void> {
  const plan = await reference();
  await replans(plan);
  await tiny();
  await midSize();
  await large();
}
