import { DomainError, notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { parseCheckpointText } from './checkpoint.js';
import { LOG_ORIGIN } from './context.js';
import { CustodyErrors } from './custody.errors.js';
import { ZConsistencyQuery, type TCheckpointInfo, type TConsistencyProof } from './custody.schemas.js';
import { corrupt } from './log.js';
import { latestCheckpoint, nodeHashes, readHead } from './log.store.js';
import { foldPieces, nodeKey, perfectPieces, type Range } from './merkle.js';
import { assemble, consistencyRanges, inclusionRanges, piecesOf } from './proof-plan.js';

/**
 * Proofs answered from storage: one query fetches every stored subtree hash a proof needs (about 2·log2(n)
 * rows by primary key), so a proof costs the same at ten entries and at ten million.
 */

async function hashesOf(db: Db, ranges: readonly Range[]): Promise<Buffer[]> {
  const found = await nodeHashes(db, piecesOf(ranges));
  try {
    return assemble(ranges, found);
  } catch (e) {
    throw corrupt((e as Error).message);
  }
}

/** The root of the stored tree at `size` (any size up to the head). */
export async function rootAt(db: Db, size: number): Promise<Buffer> {
  if (size === 0) return foldPieces([]);
  const pieces = perfectPieces([0, size]);
  const found = await nodeHashes(db, pieces);
  return foldPieces(pieces.map((p) => found.get(nodeKey(p)) ?? Buffer.alloc(0)));
}

/** The inclusion proof of entry `index` in the tree of `size` entries, leaf's sibling first. */
export async function inclusionProof(db: Db, index: number, size: number): Promise<Buffer[]> {
  return hashesOf(db, inclusionRanges(index, size));
}

/** The consistency proof from `size1` to `size2` entries (0 < size1 ≤ size2), as RFC 9162 orders it. */
export async function consistencyProof(db: Db, size1: number, size2: number): Promise<Buffer[]> {
  return hashesOf(db, consistencyRanges(size1, size2));
}

function badSize(reason: string): DomainError {
  return new DomainError('invalid', CustodyErrors.CUSTODY_BAD_SIZE, reason, { field: 'size', reason });
}

/**
 * The log's newest signed checkpoint. Requires `custody:read`.
 * @throws DomainError CUSTODY_NO_CHECKPOINT before the log has a key.
 */
export async function currentCheckpoint(ctx: Ctx): Promise<TCheckpointInfo> {
  requirePermission(ctx.principal, 'custody:read');
  const cp = await latestCheckpoint(ctx.db);
  if (!cp) throw notFound('checkpoint', 'latest', CustodyErrors.CUSTODY_NO_CHECKPOINT);
  const text = cp.note.slice(0, cp.note.lastIndexOf('\n\n') + 1);
  const head = parseCheckpointText(text);
  if (typeof head === 'string') throw corrupt(`the newest checkpoint does not parse: ${head}`);
  return { origin: LOG_ORIGIN, size: head.size, root: head.root.toString('base64'), time: head.time ?? null, note: cp.note };
}

/**
 * The consistency proof between two sizes of the log. Requires `custody:read`.
 * @throws DomainError CUSTODY_BAD_SIZE when `from` > `to` or `to` is beyond the log.
 */
export async function getConsistencyProof(ctx: Ctx, raw: { from: number | string; to: number | string }): Promise<TConsistencyProof> {
  requirePermission(ctx.principal, 'custody:read');
  const q = ZConsistencyQuery.parse(raw);
  const head = await readHead(ctx.db);
  if (q.from > q.to) throw badSize(`from (${q.from}) is larger than to (${q.to})`);
  if (q.to > head.size) throw badSize(`to (${q.to}) is beyond the log's size (${head.size})`);
  const proof = await consistencyProof(ctx.db, q.from, q.to);
  return { from: q.from, to: q.to, proof: proof.map((h) => h.toString('base64')) };
}

/** The checkpoint note and size that proofs are issued against: the newest. @throws CUSTODY_NO_CHECKPOINT. */
export async function proofCheckpoint(db: Db): Promise<{ size: number; note: string; keyName: string }> {
  const cp = await latestCheckpoint(db);
  if (!cp) throw notFound('checkpoint', 'latest', CustodyErrors.CUSTODY_NO_CHECKPOINT);
  return cp;
}
