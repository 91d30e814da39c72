import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parse } from 'csv-parse';
import { contextFor, operatorPrincipal, type Principal } from '../src/access/index.js';
import { FixedClock } from '../src/kernel/index.js';
import { addFacility } from '../src/registry/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';
import { importEvents, riskBoard, riskHistory } from '../src/warning/index.js';

function knob(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}

const NOW = '2026-01-10T08:00:00.000Z';
const HEADER = 'event_id_cnty,event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,fatalities,notes\n';

/** `n` ACLED rows around Hasakah over the 50 days before NOW, in chunks of 1,000 rows. */
function* chunks(n: number): Generator<string> {
  yield HEADER;
  for (let b = 0; b < n; b += 1000) {
    let s = '';
    for (let i = b; i < Math.min(n, b + 1000); i++) {
      const day = new Date(Date.parse(NOW) - (i % 50) * 86_400_000).toISOString().slice(0, 10);
      s += `SYR${i},${day},Battles,Armed clash,Insurgent Cells (Syria),North-East Security Forces,Syria,Al-Hasakeh,"الحسكة, Hasakah",${(36 + (i % 97) / 100).toFixed(3)},${(40 + (i % 89) / 50).toFixed(3)},${i % 7},clash\n`;
    }
    yield s;
  }
}

/**
 * Early warning: the streamed, all-or-nothing ACLED import (BENCH_WARNING_EVENTS rows, default 100,000) into
 * SQLite, against the floor of its two halves measured in the same run — csv-parse reading the same bytes, and
 * bare better-sqlite3 inserting as many rows of the same width in one transaction. Then the risk board and a
 * 60-day daily history for one site over those events.
 */
export async function benchWarning(): Promise<void> {
  const n = knob('BENCH_WARNING_EVENTS', 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-warning-'));
  try {
    let t = performance.now();
    let parsed = 0;
    const parser = parse({ columns: true });
    const done = (async () => {
      for await (const _ of parser) parsed++;
    })();
    for (const c of chunks(n)) if (!parser.write(c)) await new Promise((r) => parser.once('drain', r));
    parser.end();
    await done;
    const parseMs = performance.now() - t;

    const raw = new BetterSqlite3(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec('create table t (id text primary key, d text, a text, b text, c text, e text, f text, g text, h text, lat real, lon real, n integer, x text, m integer, r text, s text)');
    const ins = raw.prepare('insert into t values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    t = performance.now();
    raw.transaction(() => {
      for (let i = 0; i < n; i++) ins.run(`id${i}`, '2026-01-01', 'Battles', 'Armed clash', 'actor', 'actor2', 'Syria', 'Al-Hasakeh', 'Hasakah', 36.5, 40.7, 3, 'clash', 1, 'bench', NOW);
    })();
    const rawMs = performance.now() - t;
    raw.close();

    const store = await openStore(`sqlite:${join(dir, 'warning.db')}`);
    await migrateToLatest(store);
    const clock = new FixedClock(NOW);
    const admin: Principal = { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] };
    const ctx = contextFor(store.db, admin, clock, { requestId: 'bench' });
    await addFacility(ctx, { code: 'GHW', name: 'Ghwayran', kind: 'prison', country: 'SYR', lat: 36.472, lon: 40.727, capacity: 5000, population: 4000, guardForce: 500, marking: 'U' });
    await addFacility(ctx, { code: 'RQA', name: 'Raqqa', kind: 'prison', country: 'SYR', lat: 35.955, lon: 39.012, capacity: 1000, population: 600, guardForce: 80, marking: 'U' });
    t = performance.now();
    const r = await importEvents(ctx, chunks(n), { marking: 'U' });
    const importMs = performance.now() - t;
    t = performance.now();
    const board = await riskBoard(ctx);
    const boardMs = performance.now() - t;
    t = performance.now();
    const history = await riskHistory(ctx, 'GHW');
    const historyMs = performance.now() - t;
    await store.close();

    const floor = parseMs + rawMs;
    process.stdout.write(`ACLED import: ${r.imported} rows in ${(importMs / 1000).toFixed(2)} s (${Math.round((r.imported / importMs) * 1000)} rows/s), all checked before commit\n`);
    process.stdout.write(`  floor: csv-parse ${parseMs.toFixed(0)} ms (${parsed} rows) + bare SQLite inserts ${rawMs.toFixed(0)} ms = ${floor.toFixed(0)} ms; ratio ${(importMs / floor).toFixed(2)}×\n`);
    process.stdout.write(`risk board over ${n} events: ${boardMs.toFixed(0)} ms (${board.items.length} sites); 60-day daily history of one site: ${historyMs.toFixed(0)} ms (${history.points.length} points); ratio to the import ${(boardMs / importMs).toFixed(3)}×\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
