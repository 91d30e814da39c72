import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFor, findUserByName, operatorPrincipal, principalOfUser, type Ctx } from '../src/access/index.js';
import { buildAgenda, buildSitrep, createAction, createCall, outcomeDashboard, renderSitrep } from '../src/coordination/index.js';
import { memoryKeyring, placeHistories, placeHistory } from '../src/custody/index.js';
import { FixedClock, systemClock } from '../src/kernel/index.js';
import { listFacilities } from '../src/registry/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';

async function* lines(): AsyncGenerator<string> {
  for (const r of generateScenario({ seed: 'bench-coordination' })) yield serializeRecord(r);
}

async function timed<T>(runs: number, fn: () => Promise<T>): Promise<number> {
  await fn(); // warm-up
  const t = performance.now();
  for (let i = 0; i < runs; i += 1) await fn();
  return (performance.now() - t) / runs;
}

/**
 * The daily call's reads on the reference scenario (6,000 detainees, its camps), as a cleared planner: the
 * agenda, the SITREP (built, and rendered to Markdown and PDF) and the outcome dashboard. Baselines in the
 * same process: the facility list (one scoped registry read) and one replay of the custody log for a place's
 * history (the movement figures need one replay for every prison: their floor).
 */
export async function benchCoordination(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-coord-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'coord.db')}`);
    await migrateToLatest(store);
    await loadScenario(contextFor(store.db, operatorPrincipal('USA'), systemClock, { requestId: 'bench' }), lines(), { demoPassword: 'bench-password-1234', keyring: memoryKeyring() });
    const user = await findUserByName(store.db, 'jtf.s');
    if (!user) throw new Error('no jtf.s in the scenario');
    const clock = new FixedClock(new Date());
    const ctx: Ctx = contextFor(store.db, principalOfUser(user), clock, { requestId: 'bench' });
    const today = clock.now().toISOString().slice(0, 10);
    const call = await createCall(ctx, { date: today, agencies: ['JTF', 'HF', 'IRQ-MOJ'] });
    for (let i = 0; i < 50; i += 1) await createAction(ctx, call.id, { title: `Action ${i}`, owner: i % 2 ? 'HF' : 'IRQ-MOJ', due: today, marking: i % 3 ? 'U' : 'C//REL TO IRQ, USA' });
    clock.advance(86_400_000);

    const prisons = (await listFacilities(ctx, { kind: 'prison' })).map((f) => f.code);
    const facilitiesMs = await timed(10, () => listFacilities(ctx));
    const historyMs = await timed(3, () => placeHistory(ctx, prisons[0] ?? ''));
    const historiesMs = await timed(3, () => placeHistories(ctx, prisons));
    const agendaMs = await timed(10, () => buildAgenda(ctx, {}));
    const sitrep = await buildSitrep(ctx);
    const sitrepMs = await timed(3, () => buildSitrep(ctx));
    const mdMs = await timed(10, () => renderSitrep(sitrep, 'md'));
    const pdfMs = await timed(5, () => renderSitrep(sitrep, 'pdf'));
    const outcomesMs = await timed(3, () => outcomeDashboard(ctx, {}));
    await store.close();
    const f = (ms: number) => `${ms.toFixed(1)} ms`;
    process.stdout.write(
      `baseline facility list: ${f(facilitiesMs)}; one replay of the custody log (one place): ${f(historyMs)}; ${prisons.length} prisons in one replay: ${f(historiesMs)}\n` +
        `agenda: ${f(agendaMs)} (${(agendaMs / facilitiesMs).toFixed(2)}× the facility list)\n` +
        `SITREP built: ${f(sitrepMs)} (${(sitrepMs / historyMs).toFixed(2)}× one log replay); Markdown ${f(mdMs)}; PDF ${f(pdfMs)} (${Math.round((await renderSitrep(sitrep, 'pdf')).length / 1024)} KiB)\n` +
        `outcome dashboard: ${f(outcomesMs)} (${(outcomesMs / historyMs).toFixed(2)}× one log replay)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
