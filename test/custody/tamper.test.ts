import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/kernel/index.js';
import { currentCheckpoint, leafHash, verifyLog, witnessHead, type TVerifyReport } from '../../src/custody/index.js';
import { Prng } from '../../src/scenario/index.js';
import type { Db, DialectName } from '../../src/store/index.js';
import { DIALECTS } from '../support/stores.js';
import { growLog, openCustodyWorld, type CustodyWorld } from './world.js';

class Rollback extends Error {}

const GUARDED = ['custody_entries', 'custody_checkpoints', 'custody_witness_heads'];

/** Test stores only: lift the append-only guards so that a test can play the attacker. */
async function dropGuards(db: Db, dialect: DialectName): Promise<void> {
  for (const t of GUARDED) {
    if (dialect === 'sqlite') {
      await sql.raw(`drop trigger ${t}_no_update`).execute(db);
      await sql.raw(`drop trigger ${t}_no_delete`).execute(db);
    } else {
      await sql.raw(`drop trigger ${t}_append_only on ${t}`).execute(db);
    }
  }
}

function flip(b: Buffer, at: number, bit: number): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ (1 << bit);
  return c;
}

describe.each(DIALECTS)('tampering with the stored log is caught and located (%s)', (dialect) => {
  let w: CustodyWorld;
  let n: number;
  const rng = new Prng(`tamper-${dialect}`);

  /** Runs `tamper` and a full verification in a transaction that is then rolled back. */
  async function afterTampering(tamper: (trx: Db) => Promise<void>): Promise<TVerifyReport> {
    let report: TVerifyReport | undefined;
    await w.store.db.transaction().execute(async (trx) => {
      await tamper(trx);
      report = await verifyLog({ ...w.op, db: trx });
      throw new Rollback();
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
    return report!;
  }

  const entry = (db: Db, idx: number) => db.selectFrom('custody_entries').select(['leaf_data', 'leaf_hash', 'nodes']).where('idx', '=', idx).executeTakeFirstOrThrow();
  const setEntry = async (db: Db, idx: number, set: { leaf_data?: Buffer; leaf_hash?: Buffer; nodes?: Buffer }): Promise<void> => {
    await db.updateTable('custody_entries').set(set).where('idx', '=', idx).execute();
  };

  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 2 });
    await growLog(w, { n: 1, count: 160, batches: [1, 9, 40, 2, 17] });
    await witnessHead(w.cx(w.moj), { checkpoint: (await currentCheckpoint(w.op)).note });
    n = 162;
    await dropGuards(w.store.db, dialect);
    expect(await verifyLog(w.op)).toMatchObject({ ok: true, entries: n });
  });
  afterAll(async () => w.close());

  it('a flipped bit in any stored leaf, leaf hash or subtree hash names its entry (random positions)', async () => {
    for (let t = 0; t < 45; t += 1) {
      const idx = rng.int(0, n - 1);
      const kind = (['leaf_data', 'leaf_hash', 'nodes'] as const)[t % 3]!;
      const row = await entry(w.store.db, idx);
      const target = kind === 'nodes' && row.nodes.length === 0 ? 'leaf_hash' : kind;
      const r = await afterTampering((db) => setEntry(db, idx, { [target]: flip(row[target], rng.int(0, row[target].length - 1), rng.int(0, 7)) }));
      expect(r.ok, `${target}@${idx}`).toBe(false);
      expect(r.firstBad, `${target}@${idx}`).toMatchObject({ index: idx, what: target === 'nodes' ? 'node' : 'leaf' });
    }
  });

  it('a forged signature, even with the leaf hash recomputed, names its entry', async () => {
    for (let t = 0; t < 10; t += 1) {
      const idx = 2 * rng.int(0, (n - 2) / 2);
      const row = await entry(w.store.db, idx);
      const event = JSON.parse(row.leaf_data.toString('utf8')) as { signatures: { sig: string }[] };
      const sig = event.signatures[0]!.sig;
      const at = rng.int(0, 80);
      event.signatures[0]!.sig = sig.slice(0, at) + (sig[at] === 'A' ? 'B' : 'A') + sig.slice(at + 1);
      const data = Buffer.from(canonicalJson(event));
      const r = await afterTampering((db) => setEntry(db, idx, { leaf_data: data, leaf_hash: leafHash(data) }));
      expect(r.firstBad?.index, `sig@${idx}`).toBe(idx);
      expect(['signature', 'entry']).toContain(r.firstBad?.what);
    }
  });

  it('a deleted entry, a reordering and a truncation are named', async () => {
    for (let t = 0; t < 8; t += 1) {
      const idx = rng.int(0, n - 2);
      const r = await afterTampering(async (db) => { await db.deleteFrom('custody_entries').where('idx', '=', idx).execute(); });
      expect(r.firstBad).toMatchObject({ index: idx, what: 'entry' });
    }
    for (let t = 0; t < 8; t += 1) {
      const i = rng.int(0, n - 2);
      const j = rng.int(i + 1, n - 1);
      const r = await afterTampering(async (db) => {
        const [a, b] = [await entry(db, i), await entry(db, j)];
        await setEntry(db, i, b);
        await setEntry(db, j, a);
      });
      expect(r.ok, `swap ${i},${j}`).toBe(false);
      expect(r.firstBad!.index).toBeGreaterThanOrEqual(i);
      expect(r.firstBad!.index).toBeLessThanOrEqual(j);
    }
    for (const k of [n - 1, rng.int(1, n - 2), 0]) {
      const r = await afterTampering(async (db) => { await db.deleteFrom('custody_entries').where('idx', '>=', k).execute(); });
      expect(r.firstBad).toMatchObject({ index: k, what: 'log' });
    }
  });

  it('a truncation that also rewrites the head and checkpoints is caught by a witnessed head', async () => {
    const r = await afterTampering(async (db) => {
      await db.deleteFrom('custody_entries').where('idx', '>=', 100).execute();
      await db.deleteFrom('custody_checkpoints').where('size', '>', 100).execute();
      const root = (await db.selectFrom('custody_checkpoints').select('root').where('size', '<=', 100).orderBy('size', 'desc').executeTakeFirstOrThrow()).root;
      await db.updateTable('custody_head').set({ size: 100, root }).execute();
    });
    expect(r.firstBad).toMatchObject({ what: 'log' });
    expect(r.firstBad!.reason).toMatch(/witnessed by agency/);
  });

  it('a changed byte in a checkpoint note or its stored root is refused', async () => {
    const cps = await w.store.db.selectFrom('custody_checkpoints').select(['id', 'note', 'root']).execute();
    for (let t = 0; t < 10; t += 1) {
      const cp = cps[rng.int(0, cps.length - 1)]!;
      const note = Buffer.from(cp.note, 'utf8');
      const bad = t % 2 === 0 ? { note: flip(note, rng.int(0, note.length - 2), rng.int(0, 6)).toString('utf8') } : { root: flip(cp.root, rng.int(0, 31), rng.int(0, 7)) };
      const r = await afterTampering(async (db) => { await db.updateTable('custody_checkpoints').set(bad).where('id', '=', cp.id).execute(); });
      expect(r.ok, `checkpoint ${cp.id}`).toBe(false);
      expect(['checkpoint', 'head']).toContain(r.firstBad?.what);
    }
  });

  it('the untouched log still verifies', async () => {
    expect((await verifyLog(w.op)).ok).toBe(true);
  });
});
