import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { systemClock } from '../src/kernel/index.js';
import { contextFor, operatorPrincipal } from '../src/access/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';
import { memoryKeyring } from '../src/custody/index.js';

function knob(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}

async function* iterate(lines: string[]): AsyncGenerator<string> {
  for (const l of lines) yield l;
}

/**
 * Scenario load rate: 100,000 detainees + 200,000 camp residents (by default) generated, then loaded into
 * the embedded SQLite store through the real loader (validation, references, markings, one transaction).
 * Baseline: the same number of rows written by bare better-sqlite3 prepared statements in one transaction,
 * i.e. the floor SQLite itself sets on this machine.
 */
export async function benchScenarioLoad(): Promise<void> {
  const detainees = knob('BENCH_DETAINEES', 100_000);
  const campResidents = knob('BENCH_RESIDENTS', 200_000);
  let t = performance.now();
  const lines: string[] = [];
  let bytes = 0;
  for (const r of generateScenario({ seed: 'bench', detainees, campResidents, facilities: 50, aircraft: 200 })) {
    const line = serializeRecord(r);
    bytes += line.length + 1;
    lines.push(line);
  }
  const genMs = performance.now() - t;
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'load.db')}`);
    await migrateToLatest(store);
    const ctx = contextFor(store.db, operatorPrincipal('USA'), systemClock, { requestId: 'bench' });
    t = performance.now();
    const result = await loadScenario(ctx, iterate(lines), { demoPassword: 'bench-password-1234', keyring: memoryKeyring() });
    const loadMs = performance.now() - t;
    await store.close();

    const raw = new BetterSqlite3(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('create table t (id text primary key, a text, b text, c text, d text, e integer, f text)');
    const ins = raw.prepare('insert into t values (?, ?, ?, ?, ?, ?, ?)');
    t = performance.now();
    raw.transaction(() => {
      for (let i = 0; i < lines.length; i += 1) ins.run(`id${i}`, 'محمد بن حسين', 'Muhammad bin Husayn', 'IRQ', '1990-01-01', i, ' mhmd hsn ');
    })();
    const rawMs = performance.now() - t;
    raw.close();

    const rate = (result.records / loadMs) * 1000;
    const rawRate = (lines.length / rawMs) * 1000;
    process.stdout.write(
      `generate: ${lines.length} records (${(bytes / 1e6).toFixed(1)} MB) in ${(genMs / 1000).toFixed(2)} s = ${Math.round((lines.length / genMs) * 1000)} records/s\n` +
        `load (SQLite): ${result.records} records in ${(loadMs / 1000).toFixed(2)} s = ${Math.round(rate)} rows/s\n` +
        `baseline (bare better-sqlite3 inserts, same row count): ${Math.round(rawRate)} rows/s\n` +
        `ratio load / baseline: ${(rate / rawRate).toFixed(3)}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
