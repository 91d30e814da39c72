/**
 * Airlift execution on the reference scenario (SQLite, a temporary file): the plan stored and approved, then
 * BENCH_SCANS boarding scans one transaction each (judged, stored, audited; custody off), against a baseline of
 * the same number of single-row durable writes (one audit row per transaction) in the same process; then the
 * reconciliation of everyone from the store against the same fold in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvePlan, planAirlift, planSorties, reconcile, recordScan, savePlan, setSortieStatus, showSortie, wristbandCode, placesOf, Tally, type Place } from '../src/airlift/index.js';
import { contextFor, findUserByName, operatorPrincipal, principalOfUser } from '../src/access/index.js';
import { newId, systemClock } from '../src/kernel/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';
import { inTransaction, migrateToLatest, openStore } from '../src/store/index.js';

const ms = (t: number) => `${t.toFixed(0)} ms`;

async function* lines(): AsyncGenerator<string> {
  for (const r of generateScenario({ seed: 'reference' })) yield serializeRecord(r);
}

export async function benchAirliftExecution(): Promise<void> {
  const scans = Number(process.env.BENCH_SCANS) > 0 ? Number(process.env.BENCH_SCANS) : 2000;
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-exec-'));
  const store = await openStore(`sqlite:${join(dir, 'bench.db')}`);
  try {
    await migrateToLatest(store);
    await loadScenario(contextFor(store.db, operatorPrincipal('USA'), systemClock), lines(), { demoPassword: 'bench-password-0123' });
    const ctx = contextFor(store.db, principalOfUser((await findUserByName(store.db, 'jtf.s'))!), systemClock);
    let t0 = performance.now();
    const saved = await savePlan(ctx, { plan: await planAirlift(ctx, { allowUndelivered: true }) });
    process.stdout.write(`plan + store: ${ms(performance.now() - t0)} (${saved.detainees} detainees, ${saved.sorties} sorties)\n`);
    t0 = performance.now();
    await approvePlan(ctx, saved.id);
    process.stdout.write(`approve (checks all 18 rules): ${ms(performance.now() - t0)}\n`);

    // The people of the first sorties, boarding in order.
    const todo: { sortie: string; isn: string }[] = [];
    for (const s of await planSorties(ctx, saved.id)) {
      if (todo.length >= scans) break;
      await setSortieStatus(ctx, s.id, { status: 'boarding' });
      for (const m of (await showSortie(ctx, s.id)).manifest) todo.push({ sortie: s.id, isn: m.isn });
    }
    const work = todo.slice(0, scans);
    t0 = performance.now();
    for (const w of work) await inTransaction(store.db, (trx) => ctx.audit.record(trx, { action: 'bench.baseline', subjectType: 'bench', details: { isn: w.isn } }));
    const base = performance.now() - t0;
    t0 = performance.now();
    for (const w of work) await recordScan(ctx, { id: newId(), sortie: w.sortie, kind: 'board', code: wristbandCode(w.isn), scannedAt: new Date().toISOString(), device: 'bench' });
    const scan = performance.now() - t0;
    process.stdout.write(`${work.length} scans: ${ms(scan)} (${(scan / work.length).toFixed(2)} ms each) vs ${work.length} single-row durable writes ${ms(base)}: ratio ${(scan / base).toFixed(2)}×\n`);

    t0 = performance.now();
    const rec = await reconcile(ctx, saved.id);
    const fromStore = performance.now() - t0;
    const rows = await store.db.selectFrom('airlift_scans').select(['seq', 'isn', 'place_kind', 'place_at']).execute();
    const home = new Map<string, Place>((await store.db.selectFrom('airlift_plan_detainees').select(['isn', 'site']).where('plan_id', '=', saved.id).execute()).map((d) => [d.isn, { kind: 'site', at: d.site }]));
    t0 = performance.now();
    const tally = new Tally(placesOf(home, rows.map((r) => ({ seq: Number(r.seq), isn: r.isn, place: { kind: r.place_kind as Place['kind'], at: r.place_at } }))).values());
    const inMemory = performance.now() - t0;
    process.stdout.write(`reconcile ${rec.total} people (${rec.byKind.aircraft} aboard, balanced ${String(rec.balanced && tally.balanced())}): ${ms(fromStore)} from the store vs ${inMemory.toFixed(1)} ms folding in memory: ratio ${(fromStore / Math.max(inMemory, 0.1)).toFixed(1)}×\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
