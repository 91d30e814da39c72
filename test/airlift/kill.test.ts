import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile, releaseManifest, setSortieStatus } from '../../src/airlift/index.js';
import { contextFor } from '../../src/access/index.js';
import { fileKeyring, verifyLog } from '../../src/custody/index.js';
import { Prng } from '../../src/scenario/index.js';
import { openStore } from '../../src/store/index.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { openExecWorld, type ExecWorld } from './execution-world.js';

// A scanner process killed with SIGKILL between (and during) scans, bounded cycles: every scan it acknowledged
// is stored, nothing half-stored, the totals reconcile and the custody log verifies.
const CYCLES = 6;
const PEOPLE = 30;
const CHILD = resolve(import.meta.dirname, 'scan-child.ts');

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('crash safety: a scanner killed with SIGKILL (sqlite)', () => {
  let store: TestStore;
  let w: ExecWorld;
  let keyDir: string;
  const acked = new Map<string, number>();
  const rng = new Prng('airlift-kill');

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    keyDir = join(mkdtempSync(join(tmpdir(), 'sallyport-keys-')), 'keys');
    w = await openExecWorld('sqlite', { planned: PEOPLE, store, keyring: fileKeyring(keyDir) });
    await releaseManifest(w.cx(w.hf), w.sorties[0]!.id);
    await setSortieStatus(w.ctx(w.planner), w.sorties[0]!.id, { status: 'boarding' });
    await store.close();
  }, 120_000);
  afterAll(async () => {
    await store.drop();
  });

  function run(cycle: number): { proc: ChildProcess; done: Promise<void> } {
    const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, store.url, keyDir, w.sorties[0]!.id, String(PEOPLE), `seed-${cycle}`, '400'], {
      env: { ...process.env, SCAN_PRINCIPAL: JSON.stringify(w.planner) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    proc.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const l of lines) {
        const m = /^ack (\S+) (\d+)$/.exec(l);
        if (m) acked.set(m[1]!, Number(m[2]));
      }
    });
    let err = '';
    proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const done = new Promise<void>((res, rej) => proc.on('exit', (code, signal) => (code === 0 || signal === 'SIGKILL' ? res() : rej(new Error(`child exited ${String(code)}: ${err}`)))));
    return { proc, done };
  }

  it(`keeps every acknowledged scan through ${CYCLES} kills`, async () => {
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      const before = acked.size;
      const { proc, done } = run(cycle);
      // Wait for the child to get going, then kill it at a random moment.
      for (const deadline = Date.now() + 60_000; acked.size === before && proc.exitCode === null && Date.now() < deadline;) await sleep(20);
      await sleep(rng.int(10, 250));
      proc.kill('SIGKILL');
      await done;
    }
    expect(acked.size).toBeGreaterThan(CYCLES);

    const check = await openStore(store.url);
    try {
      const rows = await check.db.selectFrom('airlift_scans').select(['id', 'seq', 'discrepancy']).execute();
      const stored = new Map(rows.map((r) => [r.id, Number(r.seq)]));
      for (const [id, seq] of acked) expect(stored.get(id), id).toBe(seq);
      // No scan without the alert it raised: held scans (duplicates, conflicts) always have theirs.
      const alerts = new Set((await check.db.selectFrom('airlift_discrepancies').select('scan_id').execute()).map((r) => r.scan_id));
      for (const r of rows) if (r.discrepancy === 'duplicate' || r.discrepancy === 'conflict') expect(alerts.has(r.id), r.id).toBe(true);
      const ctx = contextFor(check.db, w.planner, w.clock);
      const rec = await reconcile(ctx, w.planId);
      expect(rec).toMatchObject({ total: PEOPLE, balanced: true });
      const verified = await verifyLog(contextFor(check.db, w.planner, w.clock), { signatures: true });
      expect(verified.ok, JSON.stringify(verified)).toBe(true);
    } finally {
      await check.close();
    }
  }, 300_000);
});
