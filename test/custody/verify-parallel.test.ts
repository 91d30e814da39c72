import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog, type TVerifyReport } from '../../src/custody/index.js';
import { Prng } from '../../src/scenario/index.js';
import type { Db } from '../../src/store/index.js';
import { DIALECTS } from '../support/stores.js';
import { growLog, openCustodyWorld, type CustodyWorld } from './world.js';

// The hash-only pass in worker threads (each with its own connection, chunks of 2^3 entries here) must reach
// exactly the sequential pass's verdict: on an intact log, and after each kind of tampering, naming the same entry.
const PARALLEL = { signatures: false, parallelFrom: 1, workers: 2, chunkLevel: 3 } as const;

describe.each(DIALECTS)('full verification in worker threads (%s)', (dialect) => {
  let w: CustodyWorld;
  const rng = new Prng(`verify-parallel-${dialect}`);
  const both = async (): Promise<[TVerifyReport, TVerifyReport]> => [
    await verifyLog(w.op, { signatures: false }),
    await verifyLog(w.op, { ...PARALLEL, databaseUrl: w.store.url }),
  ];

  /** Changes a stored column of one entry, runs both passes, and puts it back. */
  async function tampered(idx: number, column: 'leaf_data' | 'leaf_hash' | 'nodes', change: (b: Buffer) => Buffer): Promise<[TVerifyReport, TVerifyReport]> {
    const db: Db = w.store.db;
    const row = await db.selectFrom('custody_entries').select(column).where('idx', '=', idx).executeTakeFirstOrThrow();
    const original = Buffer.from(row[column]);
    await db.updateTable('custody_entries').set({ [column]: change(original) }).where('idx', '=', idx).execute();
    try {
      return await both();
    } finally {
      await db.updateTable('custody_entries').set({ [column]: original }).where('idx', '=', idx).execute();
    }
  }

  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 2 });
    await growLog(w, { n: 2, count: 298, batches: [1, 9, 64, 3, 31, 100] });
    if (dialect === 'sqlite') await sql.raw('drop trigger custody_entries_no_update').execute(w.store.db);
    else await sql.raw('drop trigger custody_entries_append_only on custody_entries').execute(w.store.db);
  });
  afterAll(async () => w.close());

  it('verifies an intact log like the sequential pass: entries, subtree hashes, every checkpoint', async () => {
    const [seq, par] = await both();
    expect(seq).toMatchObject({ ok: true, entries: 300 });
    expect(par).toEqual(seq);
  });

  it('names the same first bad entry after a flipped leaf byte, leaf hash or subtree hash, at random positions', async () => {
    const flip = (b: Buffer) => {
      const c = Buffer.from(b);
      const at = rng.int(0, c.length - 1);
      c[at] = c[at]! ^ 0x10;
      return c;
    };
    for (let t = 0; t < 5; t += 1) {
      const idx = rng.int(0, 299);
      const [seq, par] = await tampered(idx, rng.pick(['leaf_data', 'leaf_hash'] as const), flip);
      expect(seq.ok).toBe(false);
      expect(par.firstBad).toEqual(seq.firstBad);
    }
    // Nodes above a chunk (level > 3) are checked by the main thread: entry 255 completes levels 1..8.
    for (const idx of [15, 255, 127]) {
      const [seq, par] = await tampered(idx, 'nodes', flip);
      expect(seq.firstBad?.what).toBe('node');
      expect(par.firstBad).toEqual(seq.firstBad);
    }
  }, 240_000);
});
