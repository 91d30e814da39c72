import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import { DomainError, type Clock } from '../kernel/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { AccessErrors } from './access.errors.js';
import { auditFor, type RequestOrigin } from './audit.js';
import { findUserById, hashPassword, principalOfUser } from './users.js';
import type { TUser } from './access.schemas.js';
import { requirePermission, type Principal } from './principal.js';

/** Login and session limits. */
export interface AuthPolicy {
  /** Failed logins in a row before the account locks. */
  maxFailures: number;
  lockMinutes: number;
  /** A browser session ends after this long without a request. */
  idleMinutes: number;
  /** … and after this long in any case. */
  absoluteHours: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = { maxFailures: 5, lockMinutes: 15, idleMinutes: 30, absoluteHours: 12 };

const MS_MIN = 60_000;

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// A hash to verify against when the username is unknown, so both failures take the same time.
let dummyHash: Promise<string> | undefined;

/** A login that succeeded: the secret token (shown once) and who it acts as. */
export interface LoginResult {
  token: string;
  expiresAt: string;
  user: TUser;
  principal: Principal;
}

/**
 * Checks a username and password and opens a session. Failures count towards a lock-out; the answer never
 * says whether the username exists.
 * @throws DomainError ACCESS_BAD_CREDENTIALS, ACCESS_ACCOUNT_LOCKED.
 */
export async function login(
  db: Db,
  clock: Clock,
  input: { username: string; password: string; ip?: string | null; requestId?: string | null },
  policy: AuthPolicy = DEFAULT_AUTH_POLICY,
): Promise<LoginResult> {
  const now = clock.now();
  const row = await db.selectFrom('users').selectAll().where('username', '=', input.username).where('disabled', '=', 0).executeTakeFirst();
  const anon = { userId: null, username: input.username, agencyId: null, agencyCode: '', country: '', clearance: 'U' as const, roles: [], groups: [] };
  const origin = { ip: input.ip ?? null, requestId: input.requestId ?? null };
  if (!row) {
    dummyHash ??= hashPassword('not-a-real-password-for-timing');
    await verify(await dummyHash, input.password).catch(() => false);
    await auditFor(anon, clock, origin).record(db, { action: 'auth.login', subjectType: 'user', outcome: 'denied', details: { reason: 'bad-credentials' } });
    throw badCredentials();
  }
  if (row.locked_until && row.locked_until > now.toISOString()) {
    await auditFor({ ...anon, userId: row.id }, clock, origin).record(db, { action: 'auth.login', subjectType: 'user', subjectId: row.id, outcome: 'denied', details: { reason: 'locked' } });
    throw new DomainError('unauthenticated', AccessErrors.ACCESS_ACCOUNT_LOCKED, `account locked after repeated failed logins; try again after ${row.locked_until}`, { lockedUntil: row.locked_until });
  }
  const ok = await verify(row.password_hash, input.password).catch(() => false);
  if (!ok) {
    const failures = row.failed_logins + 1;
    const lock = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * MS_MIN).toISOString() : null;
    await inTransaction(db, async (trx) => {
      await trx.updateTable('users').set({ failed_logins: lock ? 0 : failures, locked_until: lock }).where('id', '=', row.id).execute();
      await auditFor({ ...anon, userId: row.id }, clock, origin).record(trx, { action: 'auth.login', subjectType: 'user', subjectId: row.id, outcome: 'denied', details: { reason: 'bad-credentials', failures, locked: lock !== null } });
    });
    throw badCredentials();
  }
  const user = await findUserById(db, row.id);
  if (!user) throw badCredentials();
  const principal = principalOfUser(user);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.absoluteHours * 3_600_000).toISOString();
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', row.id).execute();
    await trx.insertInto('sessions').values({
      id: tokenId(token), user_id: row.id, kind: 'session', name: null, created_at: now.toISOString(),
      last_seen_at: now.toISOString(), expires_at: expiresAt, ip: input.ip ?? null, revoked: 0,
    }).execute();
    await auditFor(principal, clock, origin).record(trx, { action: 'auth.login', subjectType: 'user', subjectId: row.id });
  });
  return { token, expiresAt, user, principal };
}

function badCredentials(): DomainError {
  return new DomainError('unauthenticated', AccessErrors.ACCESS_BAD_CREDENTIALS, 'invalid username or password', { field: 'password', reason: 'invalid username or password' });
}

function expired(): DomainError {
  return new DomainError('unauthenticated', AccessErrors.ACCESS_SESSION_EXPIRED, 'session expired or revoked; log in again');
}

/**
 * The principal behind a session cookie or bearer token. A session's idle clock restarts on use (written
 * at most once a minute, to keep reads from writing on every request).
 * @throws DomainError ACCESS_SESSION_EXPIRED.
 */
export async function authenticate(db: Db, clock: Clock, token: string, policy: AuthPolicy = DEFAULT_AUTH_POLICY): Promise<{ principal: Principal; user: TUser }> {
  const now = clock.now();
  const s = await db.selectFrom('sessions').selectAll().where('id', '=', tokenId(token)).executeTakeFirst();
  if (!s || s.revoked || s.expires_at <= now.toISOString()) throw expired();
  if (s.kind === 'session') {
    const idleLimit = new Date(new Date(s.last_seen_at).getTime() + policy.idleMinutes * MS_MIN);
    if (idleLimit <= now) throw expired();
    if (now.getTime() - new Date(s.last_seen_at).getTime() > MS_MIN) {
      await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', s.id).execute();
    }
  }
  const user = await findUserById(db, s.user_id);
  if (!user) throw expired();
  return { principal: principalOfUser(user), user };
}

/** Ends a session or revokes a token. Unknown tokens are ignored. */
export async function logout(db: Db, token: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked: 1 }).where('id', '=', tokenId(token)).execute();
}

/**
 * Issues a bearer token for API clients, acting as `principal`, valid for `days`. The secret is returned
 * once and stored only as its hash.
 */
export async function createApiToken(
  db: Db,
  clock: Clock,
  principal: Principal,
  input: { name: string; days: number; origin?: RequestOrigin },
): Promise<{ token: string; expiresAt: string }> {
  requirePermission(principal, 'tokens:create');
  if (!principal.userId) throw new DomainError('invalid', 'INVALID_INPUT', 'the local operator cannot hold API tokens', { field: 'user', reason: 'not a stored user' });
  const now = clock.now();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000).toISOString();
  await inTransaction(db, async (trx) => {
    await trx.insertInto('sessions').values({
      id: tokenId(token), user_id: principal.userId!, kind: 'token', name: input.name, created_at: now.toISOString(),
      last_seen_at: now.toISOString(), expires_at: expiresAt, ip: null, revoked: 0,
    }).execute();
    await auditFor(principal, clock, input.origin).record(trx, { action: 'auth.token.create', subjectType: 'user', subjectId: principal.userId, details: { name: input.name, expiresAt } });
  });
  return { token, expiresAt };
}
