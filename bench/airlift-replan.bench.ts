/**
 * Airlift re-planning on the reference scenario (6,000 detainees, 7 sites, 40 aircraft; or
 * BENCH_AIRLIFT_DETAINEES / _SITES / _AIRCRAFT): one disruption of each kind 12 hours in (BENCH_REPLAN_AT_H), each
 * re-planned by the local repair alone, the full re-plan alone and both (the default, the better kept), against a
 * baseline measured in the same run: one pass of the planner's list scheduler over the whole instance from
 * scratch (what a re-plan from nothing would cost at the least). Target: ≤ 200 ms for the default re-plan.
 * Then the small world of the browser test (seed e2e, 1,200 detainees, 4 aircraft) losing its only C-130.
 */
import { buildInstance, checkPlan, compileNetwork, planInstance, replan, type InstanceSource, type ReplanOptions, type TAirliftInstance, type TAirliftPlan, type TDisruption } from '../src/airlift/index.js';
import { schedule } from '../src/airlift/planner/schedule.js';
import { generateScenario } from '../src/scenario/index.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

function knob(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;
}

function instanceOf(opts: Parameters<typeof generateScenario>[0]): TAirliftInstance {
  const src: InstanceSource = { facilities: [], aircraftTypes: [], aircraft: [], detainees: [] };
  for (const r of generateScenario(opts)) {
    if (r.type === 'facility') src.facilities.push(r);
    else if (r.type === 'aircraftType') src.aircraftTypes.push(r);
    else if (r.type === 'aircraft') src.aircraft.push({ tail: r.tail, typeCode: r.aircraftType, base: r.base, availableFrom: r.availableFrom, availableTo: r.availableTo });
    else if (r.type === 'detainee') src.detainees.push(r);
  }
  return buildInstance(src);
}

/** The median of `runs` timings of `f`, and its last result. */
async function timed<T>(runs: number, f: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

function disruptions(plan: TAirliftPlan, at: string): TDisruption[] {
  const { instance } = plan;
  const carried = new Map<string, number>();
  for (const l of plan.legs) carried.set(l.aircraft, (carried.get(l.aircraft) ?? 0) + l.board.length);
  const typeOf = new Map(instance.aircraft.map((a) => [a.id, instance.aircraftTypes.find((t) => t.id === a.type)!]));
  const busiest = (pick: (id: string) => boolean) => [...carried].filter(([id]) => pick(id)).sort((a, b) => b[1] - a[1])[0]?.[0];
  const heli = busiest((id) => typeOf.get(id)!.canLandAt.includes('origin'));
  const fixed = busiest((id) => !typeOf.get(id)!.canLandAt.includes('origin'));
  const bySite = new Map<string, number>();
  for (const d of instance.detainees) bySite.set(d.site, (bySite.get(d.site) ?? 0) + 1);
  const site = [...bySite].sort((a, b) => b[1] - a[1])[0]![0];
  const dest = instance.nodes.find((n) => n.kind === 'destination')!.id;
  return [
    ...(heli ? [{ kind: 'aircraft-out-of-service' as const, aircraft: heli, at }] : []),
    ...(fixed ? [{ kind: 'aircraft-out-of-service' as const, aircraft: fixed, at }] : []),
    { kind: 'site-breached', site, at },
    { kind: 'landing-zone-closed', node: site, at },
    { kind: 'intake-halted', destination: dest, at },
  ];
}

const what = (d: TDisruption) => `${d.kind} ${'aircraft' in d ? d.aircraft : 'site' in d ? d.site : 'node' in d ? d.node : d.destination}`;

async function line(plan: TAirliftPlan, d: TDisruption, baseMs: number, runs: number): Promise<void> {
  const cells: string[] = [];
  for (const strategy of ['local', 'full', 'best'] as const satisfies readonly ReplanOptions['strategy'][]) {
    const { ms, value } = await timed(runs, () => replan(plan.instance, plan, d, { strategy }));
    const { diff } = value;
    const check = strategy === 'best' ? checkPlan(value.plan) : null;
    // A staging field whose people can go nowhere (its landing zone closed, every destination halted) breaks rule 14 in any plan.
    const valid = check ? `, valid ${String(check.valid)}${check.valid ? '' : ` (rule ${String(check.violations[0]!.rule)}: ${check.violations[0]!.message})`}` : '';
    cells.push(`${strategy} ${ms.toFixed(0)} ms (×${(ms / baseMs).toFixed(2)}): loss ${diff.objectiveAfter.expectedLoss.toFixed(1)}, ${diff.stranded.length} stranded, ${diff.moved.length} moved${valid}${strategy === 'best' ? ` — ${diff.strategy?.reason ?? ''}` : ''}`);
  }
  out(`  ${what(d)}: ${cells.join('; ')}`);
}

export async function benchAirliftReplan(): Promise<void> {
  const runs = Math.max(1, knob('BENCH_REPLAN_RUNS', 3));
  const instance = instanceOf({ seed: 'reference', detainees: knob('BENCH_AIRLIFT_DETAINEES', 6000), facilities: knob('BENCH_AIRLIFT_SITES', 7), aircraft: knob('BENCH_AIRLIFT_AIRCRAFT', 40), campResidents: 0 });
  const plan = await planInstance(instance, { allowUndelivered: true });
  const net = compileNetwork(plan.instance);
  schedule(net); // warm-up
  const base = await timed(runs, () => schedule(net));
  const at = new Date(Date.parse(instance.start) + knob('BENCH_REPLAN_AT_H', 12) * 3_600_000).toISOString().replace(/\.000Z$/, 'Z');
  out(`reference (${instance.detainees.length} detainees, ${instance.aircraft.length} aircraft): plan expected loss ${plan.objective.expectedLoss.toFixed(1)}; baseline (one list-scheduler pass from scratch) ${base.ms.toFixed(0)} ms; median of ${runs}; disruptions at ${at}:`);
  const list = disruptions(plan, at);
  await replan(plan.instance, plan, list[0]!); // warm-up
  for (const d of list) await line(plan, d, base.ms, runs);

  // The browser test's world: its only C-130 lost at the start.
  const small = instanceOf({ seed: 'e2e', detainees: 1200, aircraft: 4, campResidents: 200 });
  const smallPlan = await planInstance(small, { allowUndelivered: true });
  const c130 = small.aircraft.find((a) => !small.aircraftTypes.find((t) => t.id === a.type)!.canLandAt.includes('origin'));
  if (!c130) return;
  const smallNet = compileNetwork(smallPlan.instance);
  const smallBase = await timed(runs, () => schedule(smallNet));
  out(`e2e world (${small.detainees.length} detainees, ${small.aircraft.length} aircraft): plan expected loss ${smallPlan.objective.expectedLoss.toFixed(1)}; baseline ${smallBase.ms.toFixed(0)} ms:`);
  await line(smallPlan, { kind: 'aircraft-out-of-service', aircraft: c130.id, at: small.start }, smallBase.ms, runs);
}
