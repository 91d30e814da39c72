import { classifyDbError, type Db } from '../store/index.js';

/** A request's claim on an idempotency key: who, which key, and what the request was. */
export interface KeyClaim {
  userId: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

/** The answer stored under a key. */
export interface StoredAnswer {
  method: string;
  path: string;
  requestHash: string;
  status: number;
  body: string;
}

/** Thrown when another request holds the key (its transaction committed first). */
export class KeyTaken extends Error {
  constructor() {
    super('idempotency key taken by a concurrent request');
    this.name = 'KeyTaken';
  }
}

/**
 * How long a key's answer is kept: a retry within this window replays it; after it, the key is free again. A day
 * covers every client retry policy; writes that may come back later (offline scanners) carry their own ids.
 */
export const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Keys created before this instant have expired. */
export function keyCutoff(now: Date): string {
  return new Date(now.getTime() - KEY_RETENTION_MS).toISOString();
}

/** The answer stored under a user's key, if any and not expired (created at or after `cutoff`). */
export async function findAnswer(db: Db, userId: string, key: string, cutoff: string): Promise<StoredAnswer | undefined> {
  const r = await db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', userId).where('key', '=', key)
    .where('created_at', '>=', cutoff).executeTakeFirst();
  return r ? { method: r.method, path: r.path, requestHash: r.request_hash, status: r.status_code, body: r.response_body } : undefined;
}

/**
 * Claims a key inside the write's transaction, before the write runs. The primary key (user, key) makes a
 * concurrent duplicate wait for this transaction and then fail, so only one of them ever runs the write.
 * @throws KeyTaken when the key is already held.
 */
export async function claimKey(db: Db, claim: KeyClaim, at: string, cutoff: string): Promise<void> {
  // An expired answer under the same key gives way to the new request.
  await db.deleteFrom('idempotency_keys').where('user_id', '=', claim.userId).where('key', '=', claim.key)
    .where('created_at', '<', cutoff).execute();
  try {
    await db.insertInto('idempotency_keys').values({
      user_id: claim.userId, key: claim.key, method: claim.method, path: claim.path, request_hash: claim.requestHash,
      status_code: 0, response_body: '', created_at: at,
    }).execute();
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') throw new KeyTaken();
    throw e;
  }
}

/** Stores the answer of a claimed key, in the same transaction as the write. */
export async function storeAnswer(db: Db, claim: KeyClaim, answer: { status: number; body: string }): Promise<void> {
  await db.updateTable('idempotency_keys').set({ status_code: answer.status, response_body: answer.body })
    .where('user_id', '=', claim.userId).where('key', '=', claim.key).execute();
}

/** Deletes every expired key; returns how many. Run at start and hourly by the app. */
export async function purgeExpiredKeys(db: Db, cutoff: string): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', cutoff).executeTakeFirst();
  return Number(r.numDeletedRows);
}
