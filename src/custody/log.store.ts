import type { Scope } from '../access/index.js';
import type { CustodyCheckpointsTable, CustodyEntriesTable, Db } from '../store/index.js';
import { HASH_SIZE, nodeKey, pow2, type NodeRef } from './merkle.js';

/**
 * Queries of the Merkle log. Node (level L ≥ 1, index j) is stored with the entry whose leaf completed it,
 * entry (j + 1)·2^L − 1, at bytes (L − 1)·32 of its `nodes`; a leaf hash (level 0) with its own entry. So
 * every hash a proof needs is one primary-key lookup, and they are all fetched in one query.
 */

// Rows per INSERT: 9 columns × 500 stays under both dialects' bound-parameter limits.
const CHUNK = 500;

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

/** The stored hashes of `nodes` that exist, keyed by `nodeKey`. */
export async function nodeHashes(db: Db, nodes: readonly NodeRef[]): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  if (nodes.length === 0) return out;
  const rows = await db.selectFrom('custody_entries').select(['idx', 'leaf_hash', 'nodes']).where('idx', 'in', [...new Set(nodes.map(entryOfNode))]).execute();
  const byIdx = new Map(rows.map((r) => [Number(r.idx), r]));
  for (const n of nodes) {
    const row = byIdx.get(entryOfNode(n));
    if (!row) continue;
    const hash = n.level === 0 ? row.leaf_hash : row.nodes.subarray((n.level - 1) * HASH_SIZE, n.level * HASH_SIZE);
    if (hash.length === HASH_SIZE) out.set(nodeKey(n), Buffer.from(hash));
  }
  return out;
}

export async function insertEntries(db: Db, rows: readonly CustodyEntriesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('custody_entries').values(rows.slice(i, i + CHUNK)).execute();
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

/** A page of entries for verification: index, leaf data and the stored hashes, from `fromIdx` on. */
export async function entryPage(db: Db, fromIdx: number, limit: number) {
  const rows = await db.selectFrom('custody_entries').select(['idx', 'leaf_data', 'leaf_hash', 'nodes']).where('idx', '>=', fromIdx).orderBy('idx').limit(limit).execute();
  return rows.map((r) => ({ idx: Number(r.idx), leafData: r.leaf_data, leafHash: r.leaf_hash, nodes: r.nodes }));
}

/** The number of entries and the largest index stored (they differ when an entry is missing). */
export async function entryExtent(db: Db): Promise<{ count: number; maxIdx: number }> {
  const r = await db.selectFrom('custody_entries').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('idx').as('m')]).executeTakeFirstOrThrow();
  return { count: Number(r.n), maxIdx: r.m === null ? -1 : Number(r.m) };
}

/** Every entry of one detainee, in log order. */
export async function entriesOfDetainee(db: Db, detaineeId: string): Promise<{ idx: number; leafData: Buffer }[]> {
  const rows = await db.selectFrom('custody_entries').select(['idx', 'leaf_data']).where('detainee_id', '=', detaineeId).orderBy('idx').execute();
  return rows.map((r) => ({ idx: Number(r.idx), leafData: r.leaf_data }));
}

/** Every entry about a detainee in `scope`, in log order, with the detainee's marking. */
export async function entriesInScope(db: Db, scope: Scope): Promise<{ idx: number; detaineeId: string; time: string; leafData: Buffer; markingId: number }[]> {
  const rows = await db
    .selectFrom('custody_entries as e')
    .innerJoin('detainees as d', 'd.id', 'e.detainee_id')
    .select(['e.idx', 'e.detainee_id', 'e.time', 'e.leaf_data', 'd.marking_id'])
    .where('d.marking_id', 'in', scope.markingIds)
    .orderBy('e.idx')
    .execute();
  return rows.map((r) => ({ idx: Number(r.idx), detaineeId: r.detainee_id, time: r.time, leafData: r.leaf_data, markingId: r.marking_id }));
}

/** The entry at `idx`: its detainee and leaf data. */
export async function entryAt(db: Db, idx: number): Promise<{ detaineeId: string; leafData: Buffer } | undefined> {
  const r = await db.selectFrom('custody_entries').select(['detainee_id', 'leaf_data']).where('idx', '=', idx).executeTakeFirst();
  return r ? { detaineeId: r.detainee_id, leafData: r.leaf_data } : undefined;
}

/** The index of the entry of event `eventId`, if logged. */
export async function indexOfEvent(db: Db, eventId: string): Promise<number | undefined> {
  const r = await db.selectFrom('custody_entries').select('idx').where('event_id', '=', eventId).executeTakeFirst();
  return r ? Number(r.idx) : undefined;
}
