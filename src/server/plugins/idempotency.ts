import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { withDb, type Ctx } from '../../access/index.js';
import { canonicalJson, DomainError, KernelErrors } from '../../kernel/index.js';
import { claimKey, findAnswer, keyCutoff, KeyTaken, purgeExpiredKeys, storeAnswer, type KeyClaim, type StoredAnswer } from '../idempotency.store.js';
import { ServerErrors } from '../server.errors.js';
import { authOf } from './auth.js';
import { pathOf } from './errors.js';

const KEY_RE = /^[\x21-\x7e]{1,200}$/;

/** The `Idempotency-Key` header every write route accepts (declared in its schema, so it is documented). */
export const ZIdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .regex(KEY_RE, '1 to 200 visible ASCII characters')
    .optional()
    .describe('A retry with the same key and body gets the first answer again, byte for byte, and changes nothing.'),
});

/** A write: the use case to run, the schema of its answer, and the status it answers with. */
export interface WriteSpec<S extends z.ZodType> {
  schema: S;
  status: number | ((result: z.output<S>) => number);
  run: (ctx: Ctx) => Promise<z.output<S>>;
  /** Top-level body fields left out of the stored request hash: secrets are never stored, not even hashed. */
  secretFields?: readonly string[];
}

function requestHash(sent: unknown, secretFields: readonly string[] = []): string {
  let body = sent;
  if (secretFields.length > 0 && body !== null && typeof body === 'object' && !Array.isArray(body)) {
    body = Object.fromEntries(Object.entries(body).filter(([k]) => !secretFields.includes(k)));
  }
  let text: string;
  if (body === undefined) text = '';
  else if (typeof body === 'string') text = body;
  else {
    try {
      text = canonicalJson(body);
    } catch {
      // A lone surrogate has no canonical form; the use case refuses such input anyway.
      text = JSON.stringify(body);
    }
  }
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function sendJson(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
}

function replay(reply: FastifyReply, claim: KeyClaim, stored: StoredAnswer): FastifyReply {
  if (stored.method !== claim.method || stored.path !== claim.path || stored.requestHash !== claim.requestHash) {
    const reason = 'already used for a different request';
    throw new DomainError('conflict', ServerErrors.IDEMPOTENCY_KEY_REUSED, `Idempotency-Key: ${reason}; use a new key for a new request`, {
      field: 'Idempotency-Key', reason, issues: [{ field: 'Idempotency-Key', reason }],
    });
  }
  reply.header('idempotent-replayed', 'true');
  return sendJson(reply, stored.status, stored.body);
}

/**
 * Runs a write route's use case and answers with its result, serialized through the route's response schema.
 * With an `Idempotency-Key`, the key is claimed, the use case runs and its answer is stored all in one
 * transaction (the use case joins it); a retry with the same key, method, path and body gets the stored
 * answer byte for byte with `Idempotent-Replayed: true`, and a reuse for another request is refused. A
 * failed write stores nothing, so retrying it runs it again.
 * @throws DomainError IDEMPOTENCY_KEY_REUSED, and whatever the use case throws.
 */
export async function idempotentWrite<S extends z.ZodType>(request: FastifyRequest, reply: FastifyReply, spec: WriteSpec<S>): Promise<FastifyReply> {
  const auth = authOf(request);
  const statusOf = (result: z.output<S>) => (typeof spec.status === 'number' ? spec.status : spec.status(result));
  const serialize = (result: z.output<S>) => {
    try {
      return JSON.stringify(z.encode(spec.schema, result));
    } catch (e) {
      // A result that does not fit its schema is a server fault, never the client's invalid input.
      throw new Error('response does not match its schema', { cause: e });
    }
  };
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string') {
    const result = await spec.run(auth.ctx);
    return sendJson(reply, statusOf(result), serialize(result));
  }
  const { store, clock } = request.server.sallyport;
  const claim: KeyClaim = {
    userId: auth.principal.userId ?? auth.principal.username,
    key, method: request.method, path: pathOf(request), requestHash: requestHash(request.sentBody, spec.secretFields),
  };
  // A concurrent duplicate that loses the race on the key finds the winner's answer on its next look.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const cutoff = keyCutoff(clock.now());
    const stored = await findAnswer(store.db, claim.userId, key, cutoff);
    if (stored) return replay(reply, claim, stored);
    try {
      const fresh = await store.db.transaction().execute(async (trx) => {
        await claimKey(trx, claim, clock.now().toISOString(), cutoff);
        const result = await spec.run(withDb(auth.ctx, trx));
        const answer = { status: statusOf(result), body: serialize(result) };
        await storeAnswer(trx, claim, answer);
        return answer;
      });
      return sendJson(reply, fresh.status, fresh.body);
    } catch (e) {
      if (!(e instanceof KeyTaken)) throw e;
    }
  }
  throw new DomainError('unavailable', KernelErrors.UNAVAILABLE, 'Idempotency-Key: busy with a concurrent request; retry');
}

/** How often expired idempotency keys are deleted while the server runs. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/**
 * Deletes expired idempotency keys when the app is ready and then hourly, so the table holds only the
 * retention window (KEY_RETENTION_MS). A failed purge is logged and tried again at the next tick.
 */
export function installKeyPurge(app: FastifyInstance): void {
  let timer: NodeJS.Timeout | undefined;
  const purge = async () => {
    const { store, clock } = app.sallyport;
    try {
      const n = await purgeExpiredKeys(store.db, keyCutoff(clock.now()));
      if (n > 0) app.log.info({ purged: n }, 'expired idempotency keys deleted');
    } catch (e) {
      app.log.warn({ err: e }, 'idempotency key purge failed');
    }
  };
  app.addHook('onReady', async () => {
    await purge();
    timer = setInterval(() => void purge(), PURGE_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
