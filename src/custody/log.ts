import { DomainError } from '../kernel/index.js';
import { requirePermission } from '../access/index.js';
import { inTransaction, type CustodyEntriesTable, type CustodyLogTables, type Db } from '../store/index.js';
import { signCheckpoint } from './checkpoint.js';
import { LOG_ORIGIN, type CustodyCtx } from './context.js';
import { logSigner, publishLogKey } from './custody-keys.js';
import { CustodyErrors } from './custody.errors.js';
import type { TCustodyKey } from './custody.schemas.js';
import { leafDataOf } from './event-sign.js';
import type { TCustodyEvent } from './events.schemas.js';
import { Frontier } from './frontier.js';
import { HASH_SIZE, leafHash, nodeKey } from './merkle.js';
import { deleteTail, insertCheckpoint, insertEntries, insertTail, insertTiles, lockHead, nodeHashes, setHead, tailRows } from './log.store.js';
import { TileBuilder, TILE_SIZE, type PackedTile } from './tiles.js';
import type { Signer } from './note.js';

/**
 * Appending to the log. An append runs in the caller's transaction: it locks the head, rebuilds the right
 * edge of the tree from the stored subtree hashes, hashes the new leaves, stores each entry with the subtree
 * hashes it completes (packed into a tile when its tile fills, as a tail row until then; see tiles.ts), moves the
 * head and stores a checkpoint signed by the log's key. All of it commits
 * with the caller's own changes (the detainee's new custodian, the audit row) or none of it does.
 */

/** One event to append and the id of the detainee it is about. */
export interface Appendable {
  event: TCustodyEvent;
  detaineeId: string;
}

/** Where the appended events landed and the checkpoint that now covers them. */
export interface Appended {
  /** Index of the first appended entry. */
  first: number;
  size: number;
  root: Buffer;
  checkpoint: string;
}

/** The storage fault behind a proof or an append that cannot be answered. */
export function corrupt(what: string): DomainError {
  return new DomainError('internal', CustodyErrors.CUSTODY_LOG_CORRUPT, `custody log storage is damaged: ${what}; run \`sallyport custody verify\``, { reason: what });
}

/** The right edge of the stored tree of `size` leaves. @throws CUSTODY_LOG_CORRUPT when a hash is missing. */
export async function loadFrontier(db: Db, size: number): Promise<Frontier> {
  if (size === 0) return Frontier.empty();
  const pieces = Frontier.piecesFor(size);
  const found = await nodeHashes(db, pieces);
  const hashes = pieces.map((p) => {
    const h = found.get(nodeKey(p));
    if (!h) throw corrupt(`node ${nodeKey(p)} is missing`);
    return h;
  });
  return Frontier.fromHashes(size, hashes);
}

/** Signs and stores a checkpoint for a head. */
async function issueCheckpoint(db: Db, signer: Signer, head: { size: number; root: Buffer; at: string }): Promise<string> {
  const note = signCheckpoint({ origin: LOG_ORIGIN, size: head.size, root: head.root, time: head.at }, signer);
  await insertCheckpoint(db, { size: head.size, root: head.root, key_name: signer.name, note, created_at: head.at });
  return note;
}

/**
 * Appends events in order, on `db` (the caller's transaction). Callers check access and the chain of custody
 * first; this only logs.
 * @throws DomainError CUSTODY_NO_KEY / CUSTODY_KEY_UNAVAILABLE (no log key), CUSTODY_LOG_CORRUPT.
 * @example
 *   await inTransaction(cx.db, (trx) => appendEvents(cx, trx, [{ event, detaineeId }]));
 */
export async function appendEvents(cx: CustodyCtx, db: Db, items: readonly Appendable[]): Promise<Appended> {
  const signer = await logSigner(cx, db);
  const head = await lockHead(db);
  const frontier = await loadFrontier(db, head.size);
  if (Buffer.compare(frontier.root(), head.root) !== 0) throw corrupt(`the stored tree of size ${head.size} does not hash to the head's root`);
  const at = cx.clock.now().toISOString();
  const end = head.size + items.length;
  // Entries below `packFrom` fill their tiles in this append: they are stored packed, with the earlier entries of
  // the first such tile (read back from the tail, then deleted); the rest go to the tail.
  const packFrom = Math.floor(end / TILE_SIZE) * TILE_SIZE;
  const firstTile = Math.floor(head.size / TILE_SIZE);
  let builder: TileBuilder | null = null;
  if (packFrom > head.size) {
    builder = new TileBuilder(firstTile);
    const earlier = await tailRows(db, firstTile * TILE_SIZE, head.size);
    if (earlier.length !== head.size - firstTile * TILE_SIZE) throw corrupt(`entries ${firstTile * TILE_SIZE}..${head.size - 1} are missing from the tail`);
    for (const r of earlier) builder.add(r.leafData, r.leafHash, splitNodes(r.nodes));
  }
  const index: CustodyEntriesTable[] = [];
  const tail: CustodyLogTables['custody_tail'][] = [];
  const tiles: PackedTile[] = [];
  for (const { event, detaineeId } of items) {
    const data = leafDataOf(event);
    const leaf = leafHash(data);
    const idx = frontier.size;
    const completed = frontier.push(leaf);
    index.push({ idx, event_id: event.id, type: event.type, detainee_id: detaineeId, time: event.time, created_at: at });
    if (idx < packFrom) {
      builder ??= new TileBuilder(Math.floor(idx / TILE_SIZE));
      builder.add(data, leaf, completed);
      if (builder.count === TILE_SIZE) {
        tiles.push(builder.finish());
        builder = null;
      }
    } else {
      tail.push({ idx, leaf_data: data, leaf_hash: leaf, nodes: Buffer.concat(completed) });
    }
  }
  await insertEntries(db, index);
  await insertTiles(db, tiles);
  if (tiles.length > 0 && head.size > firstTile * TILE_SIZE) await deleteTail(db, firstTile * TILE_SIZE, head.size);
  await insertTail(db, tail);
  const next = { size: frontier.size, root: frontier.root() };
  await setHead(db, next, at);
  const checkpoint = await issueCheckpoint(db, signer, { ...next, at });
  return { first: head.size, ...next, checkpoint };
}

function splitNodes(nodes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i + HASH_SIZE <= nodes.length; i += HASH_SIZE) out.push(nodes.subarray(i, i + HASH_SIZE));
  return out;
}

/**
 * Creates the log's signing key, or with `rotate` replaces it, and signs a checkpoint of the current head with
 * it, so the newest checkpoint is always signed by the current key. Requires `custody:keys`.
 * @throws DomainError CUSTODY_KEY_EXISTS, CUSTODY_NO_KEY.
 */
export async function publishLogKeyAndSign(cx: CustodyCtx, opts: { rotate: boolean }): Promise<TCustodyKey> {
  requirePermission(cx.principal, 'custody:keys');
  return inTransaction(cx.db, async (trx) => {
    const { key, signer } = await publishLogKey(cx, trx, opts);
    const head = await lockHead(trx);
    await issueCheckpoint(trx, signer, { ...head, at: cx.clock.now().toISOString() });
    return key;
  });
}
