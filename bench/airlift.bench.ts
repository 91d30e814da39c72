/**
 * Airlift planner: the reference scenario (or BENCH_AIRLIFT_DETAINEES / _SITES / _AIRCRAFT) planned by the
 * planner and by a greedy baseline (nearest site first) in the same run; the bound alone; the gap.
 */
import { buildInstance, checkPlan, compileNetwork, computeBound, gapOf, planInstance, type InstanceSource } from '../src/airlift/index.js';
import { generateScenario } from '../src/scenario/index.js';

function knob(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

function sourceOf(detainees: number, facilities: number, aircraft: number): InstanceSource {
  const src: InstanceSource = { facilities: [], aircraftTypes: [], aircraft: [], detainees: [] };
  for (const r of generateScenario({ seed: 'reference', detainees, facilities, aircraft, campResidents: 0 })) {
    if (r.type === 'facility') src.facilities.push(r);
    else if (r.type === 'aircraftType') src.aircraftTypes.push(r);
    else if (r.type === 'aircraft') src.aircraft.push({ tail: r.tail, typeCode: r.aircraftType, base: r.base, availableFrom: r.availableFrom, availableTo: r.availableTo });
    else if (r.type === 'detainee') src.detainees.push(r);
  }
  return src;
}

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;

/** Prints plan time, objective, bound and gap for the planner and the greedy baseline. */
export async function benchAirlift(): Promise<void> {
  const instance = buildInstance(sourceOf(knob('BENCH_AIRLIFT_DETAINEES', 6000), knob('BENCH_AIRLIFT_SITES', 7), knob('BENCH_AIRLIFT_AIRCRAFT', 40)));
  const net = compileNetwork(instance);
  await computeBound(net); // loads HiGHS once, so that the timings below are of the work alone
  let t0 = performance.now();
  const bound = await computeBound(net);
  process.stdout.write(`bound alone: ${ms(t0)}, expected loss ≥ ${bound.expectedLoss.toFixed(2)}\n`);
  for (const greedy of [true, false]) {
    t0 = performance.now();
    const plan = await planInstance(instance, { allowUndelivered: true, greedy });
    const took = ms(t0);
    const valid = checkPlan(plan).valid;
    const o = plan.objective;
    process.stdout.write(`${greedy ? 'greedy baseline' : 'planner'}: ${took}, ${instance.detainees.length} detainees, valid ${String(valid)}, expected loss ${o.expectedLoss.toFixed(2)}, completion ${String(o.completionHours?.toFixed(1))} h, ${o.flightHours.toFixed(0)} flight h, gap ${(gapOf(plan) * 100).toFixed(1)} %\n`);
  }
  process.stdout.write(`memory: ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB rss\n`);
}
