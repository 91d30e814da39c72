import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { CustodyCheckpointsTable, CustodyEntriesTable, CustodyLogTables as Tables, Db } from '../store/index.js';
import { HASH_SIZE, nodeKey, pow2, type NodeRef } from './merkle.js';
import { entryData, TILE_LEVEL, TILE_SIZE, tileSlot, type PackedTile } from './tiles.js';

/**
 * Queries of the Merkle log, stored as tiles.ts lays it out: full tiles of 256 entries (`custody_tiles`, with the
 * subtree hashes of level ≥ 8 in `custody_tile_nodes`), the unfinished last tile in `custody_tail` rows, and one
 * small `custody_entries` row per entry for lookups. Node (level L, index j) is the one completed by entry
 * (j + 1)·2^L − 1: inside its tile's hashes below level 8, in its tile's nodes from level 8, or, while its tile is
 * unfinished, in that entry's tail row. Every hash a proof needs comes back from one statement.
 */

// Rows per INSERT: 6 columns × 500 stays under both dialects' bound-parameter limits.
const CHUNK = 500;
// Tiles per INSERT (each a few hundred KiB at most).
const TILE_CHUNK = 16;

/** The log's head, locked for this transaction: appends take it first, so they run one at a time. */
export async function lockHead(db: Db): Promise<{ size: number; root: Buffer }> {
  // NOTE: a no-op UPDATE takes the row lock on PostgreSQL and the write lock on SQLite, portably (no FOR UPDATE).
  await db.updateTable('custody_head').set((eb) => ({ size: eb.ref('size') })).where('id', '=', 1).execute();
  return readHead(db);
}

/** The log's head as last committed. */
export async function readHead(db: Db): Promise<{ size: number; root: Buffer; updatedAt: string }> {
  const h = await db.selectFrom('custody_head').select(['size', 'root', 'updated_at']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { size: Number(h.size), root: h.root, updatedAt: h.updated_at };
}

export async function setHead(db: Db, head: { size: number; root: Buffer }, at: string): Promise<void> {
  await db.updateTable('custody_head').set({ size: head.size, root: head.root, updated_at: at }).where('id', '=', 1).execute();
}

/** The entry that stores a node. */
export function entryOfNode(n: NodeRef): number {
  return (n.index + 1) * pow2(n.level) - 1;
}

// The subtree hashes of level ≥ 8 by tile, per open store: immutable once stored, so cached without invalidation.
// Filled only from reads outside a transaction (what a transaction reads may yet roll back); bounded.
const upperCaches = new WeakMap<object, Map<number, Buffer>>();
const UPPER_CACHE_MAX = 1 << 17;

function upperCache(db: Db): Map<number, Buffer> | undefined {
  if (db.isTransaction) return undefined;
  let c = upperCaches.get(db);
  if (!c) upperCaches.set(db, (c = new Map<number, Buffer>()));
  return c;
}

function hashIn(b: Buffer | null | undefined, at: number): Buffer | undefined {
  if (!b || b.length < (at + 1) * HASH_SIZE) return undefined;
  return b.subarray(at * HASH_SIZE, (at + 1) * HASH_SIZE);
}

/** The stored hashes of `nodes` that exist, keyed by `nodeKey`: one statement (and none for cached upper nodes). */
export async function nodeHashes(db: Db, nodes: readonly NodeRef[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const cache = upperCache(db);
  const want: { n: NodeRef; e: number; t: number }[] = [];
  const idxs = new Set<number>();
  const low = new Set<number>();
  const high = new Set<number>();
  for (const n of nodes) {
    const e = entryOfNode(n);
    const t = Math.floor(e / TILE_SIZE);
    if (n.level >= TILE_LEVEL) {
      const h = hashIn(cache?.get(t), n.level - TILE_LEVEL);
      if (h) {
        out.set(nodeKey(n), h);
        continue;
      }
      high.add(t);
    } else {
      low.add(t);
    }
    idxs.add(e);
    want.push({ n, e, t });
  }
  if (want.length === 0) return out;
  const parts = [sql`select 0 as k, idx as id, leaf_hash as a, nodes as b from custody_tail where idx in (${sql.join([...idxs])})`];
  if (low.size > 0) parts.push(sql`select 1, tile, hashes, null from custody_tiles where tile in (${sql.join([...low])})`);
  if (high.size > 0) parts.push(sql`select 2, tile, nodes, null from custody_tile_nodes where tile in (${sql.join([...high])})`);
  const { rows } = await sql<{ k: number; id: number | string; a: Buffer; b: Buffer | null }>`${sql.join(parts, sql` union all `)}`.execute(db);
  const tail = new Map<number, { a: Buffer; b: Buffer | null }>();
  const tiles = new Map<number, Buffer>();
  const uppers = new Map<number, Buffer>();
  for (const r of rows) {
    const id = Number(r.id);
    if (Number(r.k) === 0) tail.set(id, r);
    else if (Number(r.k) === 1) tiles.set(id, r.a);
    else {
      uppers.set(id, r.a);
      if (cache && cache.size < UPPER_CACHE_MAX) cache.set(id, r.a);
    }
  }
  for (const { n, e, t } of want) {
    let h: Buffer | undefined;
    if (n.level >= TILE_LEVEL) h = hashIn(uppers.get(t), n.level - TILE_LEVEL);
    else if (tiles.has(t)) h = hashIn(tiles.get(t), tileSlot(n.level, n.index - t * 2 ** (TILE_LEVEL - n.level)));
    if (!h && !(n.level < TILE_LEVEL && tiles.has(t))) {
      const row = tail.get(e);
      h = n.level === 0 ? row?.a : hashIn(row?.b, n.level - 1);
    }
    if (h && h.length === HASH_SIZE) out.set(nodeKey(n), h);
  }
  return out;
}

/** Stores the lookup rows of new entries. */
export async function insertEntries(db: Db, rows: readonly CustodyEntriesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('custody_entries').values(rows.slice(i, i + CHUNK)).execute();
}

/** Stores entries of the unfinished last tile. */
export async function insertTail(db: Db, rows: readonly Tables['custody_tail'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('custody_tail').values(rows.slice(i, i + CHUNK)).execute();
}

/** Stores full tiles. */
export async function insertTiles(db: Db, tiles: readonly PackedTile[]): Promise<void> {
  for (let i = 0; i < tiles.length; i += TILE_CHUNK) {
    const some = tiles.slice(i, i + TILE_CHUNK);
    await db.insertInto('custody_tiles').values(some.map(({ tile, hashes, entries }) => ({ tile, hashes, entries }))).execute();
    await db.insertInto('custody_tile_nodes').values(some.map(({ tile, nodes }) => ({ tile, nodes }))).execute();
  }
}

/** The tail rows with index in [from, to), in order. */
export async function tailRows(db: Db, from: number, to: number): Promise<{ idx: number; leafData: Buffer; leafHash: Buffer; nodes: Buffer }[]> {
  const rows = await db.selectFrom('custody_tail').select(['idx', 'leaf_data', 'leaf_hash', 'nodes']).where('idx', '>=', from).where('idx', '<', to).orderBy('idx').execute();
  return rows.map((r) => ({ idx: Number(r.idx), leafData: r.leaf_data, leafHash: r.leaf_hash, nodes: r.nodes }));
}

/** Deletes the tail rows with index in [from, to), once their tile is stored (the store refuses it before). */
export async function deleteTail(db: Db, from: number, to: number): Promise<void> {
  await db.deleteFrom('custody_tail').where('idx', '>=', from).where('idx', '<', to).execute();
}

export async function insertCheckpoint(db: Db, row: Omit<CustodyCheckpointsTable, 'id'>): Promise<void> {
  await db.insertInto('custody_checkpoints').values(row).execute();
}

/** The newest checkpoint (the largest size; the latest signed among equals). */
export async function latestCheckpoint(db: Db): Promise<{ size: number; root: Buffer; note: string; keyName: string } | undefined> {
  const r = await db.selectFrom('custody_checkpoints').select(['size', 'root', 'note', 'key_name']).orderBy('size', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? { size: Number(r.size), root: r.root, note: r.note, keyName: r.key_name } : undefined;
}

/** Every checkpoint, in order of size (for verification). */
export async function allCheckpoints(db: Db): Promise<{ id: number; size: number; root: Buffer; note: string }[]> {
  const rows = await db.selectFrom('custody_checkpoints').select(['id', 'size', 'root', 'note']).orderBy('size').orderBy('id').execute();
  return rows.map((r) => ({ id: Number(r.id), size: Number(r.size), root: r.root, note: r.note }));
}

/** What storage holds for one tile's worth of entries: the packed tile, or (unfinished, or damaged before packing) rows. */
export type Block =
  | { kind: 'tile'; tile: number; hashes: Buffer; entries: Buffer; nodes: Buffer | null }
  | { kind: 'rows'; tile: number; rows: { idx: number; leafData: Buffer; leafHash: Buffer; nodes: Buffer }[] };

/**
 * The blocks of entries [start, end) in order (start a multiple of 256), `pageTiles` tiles per query. A tile that
 * is not stored comes as its tail rows (none at all where entries are missing).
 */
export async function* blocksOf(db: Db, start: number, end: number, pageTiles = 16): AsyncGenerator<Block> {
  const last = Math.ceil(end / TILE_SIZE);
  for (let t0 = start / TILE_SIZE; t0 < last; t0 += pageTiles) {
    const t1 = Math.min(last, t0 + pageTiles);
    const tiles = await db.selectFrom('custody_tiles as t').leftJoin('custody_tile_nodes as n', 'n.tile', 't.tile')
      .select(['t.tile', 't.hashes', 't.entries', 'n.nodes']).where('t.tile', '>=', t0).where('t.tile', '<', t1).orderBy('t.tile').execute();
    const found = new Map(tiles.map((r) => [Number(r.tile), r]));
    const rows = found.size === t1 - t0 ? [] : await tailRows(db, t0 * TILE_SIZE, Math.min(end, t1 * TILE_SIZE));
    let i = 0;
    for (let t = t0; t < t1; t += 1) {
      const mine: Extract<Block, { kind: 'rows' }>['rows'] = [];
      for (; i < rows.length && rows[i]!.idx < (t + 1) * TILE_SIZE; i += 1) mine.push(rows[i]!);
      const r = found.get(t);
      yield r ? { kind: 'tile', tile: t, hashes: r.hashes, entries: r.entries, nodes: r.nodes } : { kind: 'rows', tile: t, rows: mine };
    }
  }
}

/** How far storage goes: the entries it holds and the largest index (they differ when entries are missing). */
export async function storedExtent(db: Db): Promise<{ count: number; maxIdx: number }> {
  const t = await db.selectFrom('custody_tiles').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('tile').as('m')]).executeTakeFirstOrThrow();
  const r = await db.selectFrom('custody_tail').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('idx').as('m')]).executeTakeFirstOrThrow();
  const maxIdx = Math.max(t.m === null ? -1 : (Number(t.m) + 1) * TILE_SIZE - 1, r.m === null ? -1 : Number(r.m));
  return { count: Number(t.n) * TILE_SIZE + Number(r.n), maxIdx };
}

/** The first entry stored at or after `idx` (in a tile or a tail row), if any. */
export async function nextStored(db: Db, idx: number): Promise<number | null> {
  const t = await db.selectFrom('custody_tiles').select('tile').where('tile', '>=', Math.floor(idx / TILE_SIZE)).orderBy('tile').limit(1).executeTakeFirst();
  const r = await db.selectFrom('custody_tail').select('idx').where('idx', '>=', idx).orderBy('idx').limit(1).executeTakeFirst();
  const fromTile = t ? Math.max(idx, Number(t.tile) * TILE_SIZE) : null;
  const fromRow = r ? Number(r.idx) : null;
  return fromTile === null ? fromRow : fromRow === null ? fromTile : Math.min(fromTile, fromRow);
}

/** The number of lookup rows and the largest index among them. */
export async function indexExtent(db: Db): Promise<{ count: number; maxIdx: number }> {
  const r = await db.selectFrom('custody_entries').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('idx').as('m')]).executeTakeFirstOrThrow();
  return { count: Number(r.n), maxIdx: r.m === null ? -1 : Number(r.m) };
}

/** A page of lookup rows from `fromIdx` on, in order. */
export async function indexPage(db: Db, fromIdx: number, limit: number): Promise<{ idx: number; eventId: string; type: string; detaineeId: string; time: string }[]> {
  const rows = await db.selectFrom('custody_entries').select(['idx', 'event_id', 'type', 'detainee_id', 'time']).where('idx', '>=', fromIdx).orderBy('idx').limit(limit).execute();
  return rows.map((r) => ({ idx: Number(r.idx), eventId: r.event_id, type: r.type, detaineeId: r.detainee_id, time: r.time }));
}

/** The ISN of each detainee the log names, by detainee id. */
export async function loggedDetainees(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('detainees').select(['id', 'isn']).where('id', 'in', db.selectFrom('custody_entries').select('detainee_id').distinct()).execute();
  return new Map(rows.map((r) => [r.id, r.isn]));
}

/**
 * The leaf data of entries `idxs`, from their tiles (or tail rows). @throws Error naming a damaged tile or a
 * missing entry (the log's storage is damaged: callers report it as such).
 */
export async function leafDataAt(db: Db, idxs: readonly number[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  const tiles = [...new Set(idxs.map((i) => Math.floor(i / TILE_SIZE)))];
  const blobs = new Map<number, Buffer>();
  for (let i = 0; i < tiles.length; i += CHUNK) {
    for (const r of await db.selectFrom('custody_tiles').select(['tile', 'entries']).where('tile', 'in', tiles.slice(i, i + CHUNK)).execute()) blobs.set(Number(r.tile), r.entries);
  }
  const loose = idxs.filter((i) => !blobs.has(Math.floor(i / TILE_SIZE)));
  for (let i = 0; i < loose.length; i += CHUNK) {
    for (const r of await db.selectFrom('custody_tail').select(['idx', 'leaf_data']).where('idx', 'in', loose.slice(i, i + CHUNK)).execute()) out.set(Number(r.idx), r.leaf_data);
  }
  for (const i of idxs) {
    const blob = blobs.get(Math.floor(i / TILE_SIZE));
    if (blob) out.set(i, entryData(blob, i % TILE_SIZE));
    else if (!out.has(i)) throw new Error(`entry ${i} is missing from storage`);
  }
  return out;
}

/** Every entry of one detainee, in log order. */
export async function entriesOfDetainee(db: Db, detaineeId: string): Promise<{ idx: number; leafData: Buffer }[]> {
  const rows = await db.selectFrom('custody_entries').select('idx').where('detainee_id', '=', detaineeId).orderBy('idx').execute();
  const idxs = rows.map((r) => Number(r.idx));
  const data = await leafDataAt(db, idxs);
  return idxs.map((idx) => ({ idx, leafData: data.get(idx)! }));
}

/** Every entry about a detainee in `scope`, in log order, with the detainee's marking. */
export async function entriesInScope(db: Db, scope: Scope): Promise<{ idx: number; detaineeId: string; time: string; leafData: Buffer; markingId: number }[]> {
  const rows = await db
    .selectFrom('custody_entries as e')
    .innerJoin('detainees as d', 'd.id', 'e.detainee_id')
    .select(['e.idx', 'e.detainee_id', 'e.time', 'd.marking_id'])
    .where('d.marking_id', 'in', scope.markingIds)
    .orderBy('e.idx')
    .execute();
  const data = await leafDataAt(db, rows.map((r) => Number(r.idx)));
  return rows.map((r) => ({ idx: Number(r.idx), detaineeId: r.detainee_id, time: r.time, leafData: data.get(Number(r.idx))!, markingId: r.marking_id }));
}

/** The entry at `idx`: its detainee and leaf data. */
export async function entryAt(db: Db, idx: number): Promise<{ detaineeId: string; leafData: Buffer } | undefined> {
  const r = await db.selectFrom('custody_entries').select(['detainee_id']).where('idx', '=', idx).executeTakeFirst();
  return r ? { detaineeId: r.detainee_id, leafData: (await leafDataAt(db, [idx])).get(idx)! } : undefined;
}

/** The index of the entry of event `eventId`, if logged. */
export async function indexOfEvent(db: Db, eventId: string): Promise<number | undefined> {
  const r = await db.selectFrom('custody_entries').select('idx').where('event_id', '=', eventId).executeTakeFirst();
  return r ? Number(r.idx) : undefined;
}
