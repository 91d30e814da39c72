import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog, type TVerifyReport } from '../../src/custody/index.js';
import { Prng } from '../../src/scenario/index.js';
import type { Db } from '../../src/store/index.js';
import { DIALECTS } from '../support/stores.js';
import { dropLogGuards, growLog, openCustodyWorld, TILE_SIZE, type CustodyWorld } from './world.js';

// The hash-only pass with its tiles hashed in worker threads must reach exactly the sequential pass's verdict: on an
// intact log, and after each kind of tampering, naming the same entry.
const PARALLEL = { signatures: false, parallelFrom: 1, workers: 2 } as const;
const N = 1100;

describe.each(DIALECTS)('full verification in worker threads (%s)', (dialect) => {
  let w: CustodyWorld;
  const rng = new Prng(`verify-parallel-${dialect}`);
  const both = async (): Promise<[TVerifyReport, TVerifyReport]> => [
    await verifyLog(w.op, { signatures: false }),
    await verifyLog(w.op, { ...PARALLEL, databaseUrl: w.store.url }),
  ];

  /** Changes the stored blob of a tile (`hashes`, `entries`, or its larger subtree hashes), runs both passes, and puts it back. */
  async function tampered(ti: number, column: 'hashes' | 'entries' | 'nodes', change: (b: Buffer) => Buffer): Promise<[TVerifyReport, TVerifyReport]> {
    const db: Db = w.store.db;
    const set = async (b: Buffer) => {
      if (column === 'nodes') await db.updateTable('custody_tile_nodes').set({ nodes: b }).where('tile', '=', ti).execute();
      else await db.updateTable('custody_tiles').set({ [column]: b }).where('tile', '=', ti).execute();
    };
    const original = column === 'nodes'
      ? (await db.selectFrom('custody_tile_nodes').select('nodes').where('tile', '=', ti).executeTakeFirstOrThrow()).nodes
      : (await db.selectFrom('custody_tiles').select(['hashes', 'entries']).where('tile', '=', ti).executeTakeFirstOrThrow())[column];
    await set(change(Buffer.from(original)));
    try {
      return await both();
    } finally {
      await set(Buffer.from(original));
    }
  }

  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 2 });
    await growLog(w, { n: 2, count: N - 2, batches: [1, 9, 64, 3, 31, 400] });
    await dropLogGuards(w.store.db, dialect);
  }, 120_000);
  afterAll(async () => w.close());

  it('verifies an intact log like the sequential pass: entries, subtree hashes, every checkpoint', async () => {
    const [seq, par] = await both();
    expect(seq).toMatchObject({ ok: true, entries: N });
    expect(par).toEqual(seq);
  });

  it('names the same first bad entry after a flipped leaf byte, leaf hash or subtree hash, at random positions', async () => {
    const flip = (b: Buffer) => {
      const c = Buffer.from(b);
      const at = rng.int(0, c.length - 1);
      c[at] = c[at]! ^ 0x10;
      return c;
    };
    for (let t = 0; t < 6; t += 1) {
      const ti = rng.int(0, Math.floor(N / TILE_SIZE) - 1);
      const [seq, par] = await tampered(ti, rng.pick(['hashes', 'entries'] as const), flip);
      expect(seq.ok).toBe(false);
      expect(par.firstBad).toEqual(seq.firstBad);
    }
    // Tile 3's last entry (1023) completes levels 1..10: level 8 is checked in a worker, 9 and 10 by this thread.
    for (const ti of [0, 1, 3]) {
      const [seq, par] = await tampered(ti, 'nodes', flip);
      expect(seq.firstBad).toMatchObject({ index: ti * TILE_SIZE + TILE_SIZE - 1, what: 'node' });
      expect(par.firstBad).toEqual(seq.firstBad);
    }
  }, 240_000);
});
