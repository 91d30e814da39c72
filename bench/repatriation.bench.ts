import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFor, findUserByName, operatorPrincipal, principalOfUser } from '../src/access/index.js';
import { memoryKeyring } from '../src/custody/index.js';
import { systemClock } from '../src/kernel/index.js';
import { listDetainees } from '../src/registry/index.js';
import { listCountries, showCountry } from '../src/repatriation/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';

function knob(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}

async function* lines(detainees: number, campResidents: number): AsyncGenerator<string> {
  for (const r of generateScenario({ seed: 'bench-repatriation', detainees, campResidents })) yield serializeRecord(r);
}

/** Median milliseconds of `runs` calls of `f` (after one warm-up call). */
async function median(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

/**
 * The repatriation board on the reference scenario (6,000 detainees, 37,500 camp residents by default; knobs
 * BENCH_REPATRIATION_DETAINEES, BENCH_REPATRIATION_RESIDENTS), as a diplomat cleared SECRET sees it: the
 * countries list (every nationality counted over detainees and residents in the caller's scope) and one
 * country's board. Baseline: the registry's scoped count of the same detainees (a one-row page with its
 * total), i.e. one filtered count over the detainees table — the least a scoped count can cost.
 */
export async function benchRepatriation(): Promise<void> {
  const detainees = knob('BENCH_REPATRIATION_DETAINEES', 6000);
  const residents = knob('BENCH_REPATRIATION_RESIDENTS', 37_500);
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-rep-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'rep.db')}`);
    await migrateToLatest(store);
    await loadScenario(contextFor(store.db, operatorPrincipal('USA'), systemClock), lines(detainees, residents), { demoPassword: 'bench-password-1234', keyring: memoryKeyring() });
    const ctx = contextFor(store.db, principalOfUser((await findUserByName(store.db, 'diplo.s'))!), systemClock, { requestId: 'bench' });
    const base = await median(9, () => listDetainees(ctx, { limit: 1 }));
    const list = await median(9, () => listCountries(ctx));
    const board = await median(9, () => showCountry(ctx, 'IRQ'));
    const countries = (await listCountries(ctx)).items.length;
    process.stdout.write(
      `scenario: ${detainees} detainees, ${residents} camp residents; ${countries} countries on diplo.s's board\n` +
        `baseline (registry scoped count of detainees): ${base.toFixed(1)} ms\n` +
        `countries list: ${list.toFixed(1)} ms (ratio ${(list / base).toFixed(2)})\n` +
        `IRQ board: ${board.toFixed(1)} ms (ratio ${(board / base).toFixed(2)})\n`,
    );
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
