import type { Clock } from '../kernel/index.js';
import type { Db } from '../store/index.js';
import { auditFor, type Audit, type RequestOrigin } from './audit.js';
import type { Principal } from './principal.js';

/**
 * What every use case receives: the store (or the caller's transaction), who is acting, the time, and the
 * audit trail bound to that principal.
 */
export interface Ctx {
  db: Db;
  principal: Principal;
  clock: Clock;
  audit: Audit;
}

/** The same context on another executor (a transaction). */
export function withDb(ctx: Ctx, db: Db): Ctx {
  return { ...ctx, db };
}

/** Builds the context of one request or command. */
export function contextFor(db: Db, principal: Principal, clock: Clock, origin: RequestOrigin = {}): Ctx {
  return { db, principal, clock, audit: auditFor(principal, clock, origin) };
}
