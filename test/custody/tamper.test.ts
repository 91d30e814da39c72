import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/kernel/index.js';
import { currentCheckpoint, leafHash, verifyLog, witnessHead, type TVerifyReport } from '../../src/custody/index.js';
import { Prng } from '../../src/scenario/index.js';
import type { Db } from '../../src/store/index.js';
import { DIALECTS } from '../support/stores.js';
import { dropLogGuards, growLog, openCustodyWorld, TILE_SIZE, type CustodyWorld } from './world.js';

class Rollback extends Error {}

function flip(b: Buffer, at: number, bit: number): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ (1 << bit);
  return c;
}

// Where storage keeps a tile's hashes (see src/custody/tiles.ts): node (level, j) at slot 512 − 512/2^level + j.
function entryOfSlot(tile: number, slot: number): { index: number; what: 'leaf' | 'node' } {
  let level = 0;
  while (slot >= 2 * TILE_SIZE - (2 * TILE_SIZE) / 2 ** (level + 1)) level += 1;
  const j = slot - (2 * TILE_SIZE - (2 * TILE_SIZE) / 2 ** level);
  return { index: tile * TILE_SIZE + (j + 1) * 2 ** level - 1, what: level === 0 ? 'leaf' : 'node' };
}

function offsets(entries: Buffer): number[] {
  return Array.from({ length: TILE_SIZE + 1 }, (_, k) => entries.readUInt32BE(4 * k));
}

/** A tile's entries blob rebuilt from its entries' leaf data (after the attacker changed some). */
function repack(datas: Buffer[]): Buffer {
  const head = Buffer.alloc(4 * (TILE_SIZE + 1));
  let at = head.length;
  const body = datas.map((d, k) => {
    head.writeUInt32BE(at, 4 * k);
    at += d.length + 1;
    return Buffer.concat([Buffer.from([0]), d]);
  });
  head.writeUInt32BE(at, 4 * TILE_SIZE);
  return Buffer.concat([head, ...body]);
}

function unpack(entries: Buffer): Buffer[] {
  const o = offsets(entries);
  return Array.from({ length: TILE_SIZE }, (_, k) => entries.subarray(o[k]! + 1, o[k + 1]));
}

describe.each(DIALECTS)('tampering with the stored log is caught and located (%s)', (dialect) => {
  let w: CustodyWorld;
  let n: number;
  const rng = new Prng(`tamper-${dialect}`);

  /** Runs `tamper` and a full verification (with or without signatures) in a transaction that is then rolled back. */
  async function afterTampering(tamper: (trx: Db) => Promise<void>, signatures = true): Promise<TVerifyReport> {
    let report: TVerifyReport | undefined;
    await w.store.db.transaction().execute(async (trx) => {
      await tamper(trx);
      report = await verifyLog({ ...w.op, db: trx }, { signatures });
      throw new Rollback();
    }).catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
    return report!;
  }

  const tile = (db: Db, t: number) => db.selectFrom('custody_tiles').select(['hashes', 'entries']).where('tile', '=', t).executeTakeFirstOrThrow();
  const setTile = async (db: Db, t: number, set: { hashes?: Buffer; entries?: Buffer }) => { await db.updateTable('custody_tiles').set(set).where('tile', '=', t).execute(); };
  const tail = (db: Db, idx: number) => db.selectFrom('custody_tail').select(['leaf_data', 'leaf_hash', 'nodes']).where('idx', '=', idx).executeTakeFirstOrThrow();
  const setTail = async (db: Db, idx: number, set: { leaf_data?: Buffer; leaf_hash?: Buffer; nodes?: Buffer }) => { await db.updateTable('custody_tail').set(set).where('idx', '=', idx).execute(); };
  let tiles: number;

  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 2 });
    // Single appends, small batches and one that fills two tiles at once: 2 intakes + 560 = 2 tiles and a tail of 50.
    await growLog(w, { n: 1, count: 560, batches: [1, 9, 40, 2, 17, 300] });
    await witnessHead(w.cx(w.moj), { checkpoint: (await currentCheckpoint(w.op)).note });
    n = 562;
    tiles = Math.floor(n / TILE_SIZE);
    await dropGuards();
    expect(await verifyLog(w.op)).toMatchObject({ ok: true, entries: n });
  }, 120_000);
  const dropGuards = () => dropLogGuards(w.store.db, dialect);
  afterAll(async () => w.close());

  it('stores full tiles packed and only the unfinished one in rows', async () => {
    expect((await w.store.db.selectFrom('custody_tiles').select('tile').execute()).length).toBe(tiles);
    expect((await w.store.db.selectFrom('custody_tail').select('idx').execute()).map((r) => Number(r.idx)).sort((a, b) => a - b)[0]).toBe(tiles * TILE_SIZE);
    expect((await w.store.db.selectFrom('custody_entries').select('idx').execute()).length).toBe(n);
  });

  it('a flipped bit in a tile\'s stored hashes names the entry that completes the hash (random positions)', async () => {
    for (let t = 0; t < 16; t += 1) {
      const ti = rng.int(0, tiles - 1);
      const { hashes } = await tile(w.store.db, ti);
      const at = rng.int(0, hashes.length - 1);
      const r = await afterTampering((db) => setTile(db, ti, { hashes: flip(hashes, at, rng.int(0, 7)) }), t % 2 === 0);
      expect(r.firstBad, `hashes[${at}] of tile ${ti}`).toMatchObject(entryOfSlot(ti, Math.floor(at / 32)));
    }
  });

  it('a flipped bit inside a tile\'s entries blob, leaf data or offset table, names its entry (random positions)', async () => {
    for (let t = 0; t < 16; t += 1) {
      const ti = rng.int(0, tiles - 1);
      const { entries } = await tile(w.store.db, ti);
      const at = t % 4 === 0 ? rng.int(0, 4 * (TILE_SIZE + 1) - 1) : rng.int(4 * (TILE_SIZE + 1), entries.length - 1);
      const o = offsets(entries);
      // A flipped offset k moves the end of entry k − 1 (the start of entry 0 for k = 0).
      const k = at < 4 * (TILE_SIZE + 1) ? Math.min(TILE_SIZE - 1, Math.max(0, Math.floor(at / 4) - 1)) : o.findIndex((x) => x > at) - 1;
      const r = await afterTampering((db) => setTile(db, ti, { entries: flip(entries, at, rng.int(0, 7)) }), t % 2 === 0);
      expect(r.ok, `entries[${at}] of tile ${ti}`).toBe(false);
      expect(r.firstBad?.index, `entries[${at}] of tile ${ti}`).toBe(ti * TILE_SIZE + k);
      expect(['leaf', 'entry']).toContain(r.firstBad?.what);
    }
  });

  it('a flipped bit in a tile\'s larger subtree hashes names the tile\'s last entry', async () => {
    for (let ti = 0; ti < tiles; ti += 1) {
      const { nodes } = await w.store.db.selectFrom('custody_tile_nodes').select('nodes').where('tile', '=', ti).executeTakeFirstOrThrow();
      const r = await afterTampering(async (db) => { await db.updateTable('custody_tile_nodes').set({ nodes: flip(nodes, rng.int(0, nodes.length - 1), rng.int(0, 7)) }).where('tile', '=', ti).execute(); }, false);
      expect(r.firstBad).toMatchObject({ index: ti * TILE_SIZE + TILE_SIZE - 1, what: 'node' });
    }
  });

  it('a flipped bit in any tail row\'s leaf, leaf hash or subtree hash names its entry (random positions)', async () => {
    for (let t = 0; t < 15; t += 1) {
      const idx = rng.int(tiles * TILE_SIZE, n - 1);
      const kind = (['leaf_data', 'leaf_hash', 'nodes'] as const)[t % 3]!;
      const row = await tail(w.store.db, idx);
      const target = kind === 'nodes' && row.nodes.length === 0 ? 'leaf_hash' : kind;
      const r = await afterTampering((db) => setTail(db, idx, { [target]: flip(row[target], rng.int(0, row[target].length - 1), rng.int(0, 7)) }), t % 2 === 0);
      expect(r.firstBad, `${target}@${idx}`).toMatchObject({ index: idx, what: target === 'nodes' ? 'node' : 'leaf' });
    }
  });

  it('a forged signature, even with the leaf hash recomputed, names its entry (in a tile and in the tail)', async () => {
    const forge = (data: Buffer): Buffer => {
      const event = JSON.parse(data.toString('utf8')) as { signatures: { sig: string }[] };
      const sig = event.signatures[0]!.sig;
      const at = rng.int(0, 80);
      event.signatures[0]!.sig = sig.slice(0, at) + (sig[at] === 'A' ? 'B' : 'A') + sig.slice(at + 1);
      return Buffer.from(canonicalJson(event));
    };
    // An even index: the entry completes no subtree, whose hash (checked before the event) would name it first.
    for (let t = 0; t < 6; t += 1) {
      const idx = 2 * (t % 2 === 0 ? rng.int(1, (tiles * TILE_SIZE) / 2 - 1) : rng.int((tiles * TILE_SIZE) / 2, (n - 2) / 2));
      const r = await afterTampering(async (db) => {
        if (idx >= tiles * TILE_SIZE) {
          const data = forge((await tail(db, idx)).leaf_data);
          await setTail(db, idx, { leaf_data: data, leaf_hash: leafHash(data) });
          return;
        }
        const ti = Math.floor(idx / TILE_SIZE);
        const { hashes, entries } = await tile(db, ti);
        const datas = unpack(entries);
        const data = forge(datas[idx % TILE_SIZE]!);
        datas[idx % TILE_SIZE] = data;
        const h = Buffer.from(hashes);
        leafHash(data).copy(h, (idx % TILE_SIZE) * 32);
        await setTile(db, ti, { hashes: h, entries: repack(datas) });
      });
      expect(r.firstBad?.index, `sig@${idx}`).toBe(idx);
      expect(['signature', 'entry']).toContain(r.firstBad?.what);
    }
  });

  it('a changed or deleted lookup row names its entry', async () => {
    for (let t = 0; t < 4; t += 1) {
      const idx = rng.int(0, n - 1);
      const changed = await afterTampering(async (db) => { await db.updateTable('custody_entries').set({ time: '2020-01-01T00:00:00.000Z' }).where('idx', '=', idx).execute(); });
      expect(changed.firstBad).toMatchObject({ index: idx, what: 'entry' });
      for (const signatures of [true, false]) {
        const deleted = await afterTampering(async (db) => { await db.deleteFrom('custody_entries').where('idx', '=', idx).execute(); }, signatures);
        expect(deleted.firstBad).toMatchObject({ index: idx, what: 'entry' });
      }
    }
  });

  it('a deleted entry or tile, a reordering and a truncation are named', async () => {
    for (let t = 0; t < 4; t += 1) {
      const idx = rng.int(tiles * TILE_SIZE, n - 2);
      const r = await afterTampering(async (db) => { await db.deleteFrom('custody_tail').where('idx', '=', idx).execute(); }, t % 2 === 0);
      expect(r.firstBad).toMatchObject({ index: idx, what: 'entry' });
    }
    for (let ti = 0; ti < tiles; ti += 1) {
      const r = await afterTampering(async (db) => {
        await db.deleteFrom('custody_tiles').where('tile', '=', ti).execute();
        await db.deleteFrom('custody_tile_nodes').where('tile', '=', ti).execute();
      }, ti % 2 === 0);
      expect(r.firstBad).toMatchObject({ index: ti * TILE_SIZE, what: 'entry' });
    }
    for (let t = 0; t < 4; t += 1) {
      const i = rng.int(tiles * TILE_SIZE, n - 2);
      const j = rng.int(i + 1, n - 1);
      const r = await afterTampering(async (db) => {
        const [a, b] = [await tail(db, i), await tail(db, j)];
        await setTail(db, i, b);
        await setTail(db, j, a);
      });
      expect(r.ok, `swap ${i},${j}`).toBe(false);
      expect(r.firstBad!.index).toBeGreaterThanOrEqual(i);
      expect(r.firstBad!.index).toBeLessThanOrEqual(j);
    }
    for (let t = 0; t < 4; t += 1) {
      const ti = rng.int(0, tiles - 1);
      const i = rng.int(0, TILE_SIZE - 2);
      const j = rng.int(i + 1, TILE_SIZE - 1);
      const r = await afterTampering(async (db) => {
        const { entries } = await tile(db, ti);
        const datas = unpack(entries);
        [datas[i], datas[j]] = [datas[j]!, datas[i]!];
        await setTile(db, ti, { entries: repack(datas) });
      }, t % 2 === 0);
      expect(r.ok, `swap ${i},${j} in tile ${ti}`).toBe(false);
      expect(r.firstBad!.index).toBe(ti * TILE_SIZE + i);
    }
    for (const k of [n - 1, rng.int(tiles * TILE_SIZE + 1, n - 2)]) {
      const r = await afterTampering(async (db) => { await db.deleteFrom('custody_tail').where('idx', '>=', k).execute(); });
      expect(r.firstBad).toMatchObject({ index: k, what: 'log' });
    }
    const r = await afterTampering(async (db) => {
      await db.deleteFrom('custody_tail').execute();
      await db.deleteFrom('custody_tiles').where('tile', '>=', 1).execute();
    }, false);
    expect(r.firstBad).toMatchObject({ index: TILE_SIZE, what: 'log' });
  });

  it('a truncation that also rewrites the head and checkpoints is caught by a witnessed head', async () => {
    const r = await afterTampering(async (db) => {
      await db.deleteFrom('custody_tail').execute();
      await db.deleteFrom('custody_tiles').where('tile', '>=', 1).execute();
      await db.deleteFrom('custody_tile_nodes').where('tile', '>=', 1).execute();
      await db.deleteFrom('custody_entries').where('idx', '>=', TILE_SIZE).execute();
      await db.deleteFrom('custody_checkpoints').where('size', '>', TILE_SIZE).execute();
      const cp = await db.selectFrom('custody_checkpoints').select(['root', 'size']).orderBy('size', 'desc').executeTakeFirstOrThrow();
      await db.updateTable('custody_head').set({ size: cp.size, root: cp.root }).execute();
    });
    expect(r.firstBad).toMatchObject({ what: 'log' });
    expect(r.firstBad!.reason).toMatch(/witnessed by agency/);
  });

  it('a changed byte in a checkpoint note or its stored root is refused', async () => {
    const cps = await w.store.db.selectFrom('custody_checkpoints').select(['id', 'note', 'root']).execute();
    for (let t = 0; t < 6; t += 1) {
      const cp = cps[rng.int(0, cps.length - 1)]!;
      const note = Buffer.from(cp.note, 'utf8');
      const bad = t % 2 === 0 ? { note: flip(note, rng.int(0, note.length - 2), rng.int(0, 6)).toString('utf8') } : { root: flip(cp.root, rng.int(0, 31), rng.int(0, 7)) };
      const r = await afterTampering(async (db) => { await db.updateTable('custody_checkpoints').set(bad).where('id', '=', cp.id).execute(); }, false);
      expect(r.ok, `checkpoint ${cp.id}`).toBe(false);
      expect(['checkpoint', 'head']).toContain(r.firstBad?.what);
    }
  });

  it('the untouched log still verifies', async () => {
    expect((await verifyLog(w.op)).ok).toBe(true);
  });
});
