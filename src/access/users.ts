import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { DomainError, newId, readStoredJson } from '../kernel/index.js';
import { classifyDbError, inTransaction, type Db } from '../store/index.js';
import { AccessErrors } from './access.errors.js';
import type { Ctx } from './context.js';
import { requirePermission, type Principal } from './principal.js';
import { ZAddUserRequest, ZPassword, ZUser, type TAddUserRequest, type TUser } from './access.schemas.js';

/** argon2id with OWASP's recommended minimum (19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

const ZStringList = z.array(z.string());

interface UserJoinRow {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  country: string;
  clearance: string;
  roles: string;
  groups: string;
}

function userQuery(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id', 'users.username', 'users.display_name', 'users.agency_id', 'agencies.code as agency_code',
      'agencies.name as agency_name', 'agencies.country', 'users.clearance', 'users.roles', 'users.groups',
    ]);
}

function toUser(r: UserJoinRow): TUser {
  return ZUser.parse({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name, country: r.country },
    clearance: r.clearance,
    roles: readStoredJson(ZStringList, r.roles, `user ${r.username} roles`),
    groups: readStoredJson(ZStringList, r.groups, `user ${r.username} groups`),
  });
}

/** The principal a stored user acts as. */
export function principalOfUser(u: TUser): Principal {
  return {
    userId: u.id,
    username: u.username,
    agencyId: u.agency.id,
    agencyCode: u.agency.code,
    country: u.agency.country,
    clearance: u.clearance,
    roles: u.roles,
    groups: u.groups,
  };
}

/** The user with `id`, or undefined. */
export async function findUserById(db: Db, id: string): Promise<TUser | undefined> {
  const r = await userQuery(db).where('users.id', '=', id).where('users.disabled', '=', 0).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

/** The user named `username`, or undefined. */
export async function findUserByName(db: Db, username: string): Promise<TUser | undefined> {
  const r = await userQuery(db).where('users.username', '=', username).where('users.disabled', '=', 0).executeTakeFirst();
  return r ? toUser(r) : undefined;
}

/** Every user (administrators only). */
export async function listUsers(ctx: Ctx): Promise<TUser[]> {
  requirePermission(ctx.principal, 'users:manage');
  const rows = await userQuery(ctx.db).orderBy('users.username').execute();
  return rows.map(toUser);
}

/**
 * Adds a user with an argon2id-hashed password. Requires `users:manage`.
 * @throws DomainError ACCESS_UNKNOWN_AGENCY, ACCESS_DUPLICATE_USERNAME.
 */
export async function addUser(ctx: Ctx, raw: TAddUserRequest): Promise<TUser> {
  requirePermission(ctx.principal, 'users:manage');
  const input = ZAddUserRequest.parse(raw);
  const passwordHash = await hashPassword(input.password);
  const id = newId(ctx.clock.now().getTime());
  const now = ctx.clock.now().toISOString();
  try {
    await inTransaction(ctx.db, async (trx) => {
      const agency = await trx.selectFrom('agencies').select('id').where('code', '=', input.agency).executeTakeFirst();
      if (!agency) {
        throw new DomainError('invalid', AccessErrors.ACCESS_UNKNOWN_AGENCY, `agency: no agency with code ${input.agency}`, { field: 'agency', reason: 'unknown agency code' });
      }
      await trx
        .insertInto('users')
        .values({
          id, username: input.username, display_name: input.displayName, agency_id: agency.id, clearance: input.clearance,
          roles: JSON.stringify([...new Set(input.roles)].sort()), groups: JSON.stringify([...new Set(input.groups)].sort()),
          password_hash: passwordHash, failed_logins: 0, locked_until: null, disabled: 0, created_at: now, updated_at: now,
        })
        .execute();
      await ctx.audit.record(trx, { action: 'user.add', subjectType: 'user', subjectId: id, details: { username: input.username, agency: input.agency, clearance: input.clearance, roles: input.roles } });
    });
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') {
      throw new DomainError('conflict', AccessErrors.ACCESS_DUPLICATE_USERNAME, `username ${input.username} is taken`, { field: 'username', reason: 'already exists' });
    }
    throw e;
  }
  const user = await findUserById(ctx.db, id);
  if (!user) throw new Error('user vanished after insert');
  return user;
}

/**
 * Adds many users who share one password (the scenario's demo logins), hashing it once. Requires
 * `users:manage`; runs on the caller's transaction. Agency codes must exist.
 * @throws DomainError ACCESS_UNKNOWN_AGENCY, ACCESS_DUPLICATE_USERNAME.
 */
export async function bulkAddUsers(ctx: Ctx, db: Db, users: Omit<TAddUserRequest, 'password'>[], password: string): Promise<void> {
  requirePermission(ctx.principal, 'users:manage');
  const pw = ZPassword.parse(password);
  const passwordHash = await hashPassword(pw);
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, a.id]));
  const now = ctx.clock.now().toISOString();
  const rows = users.map((raw, i) => {
    const u = ZAddUserRequest.omit({ password: true }).parse(raw);
    const agencyId = agencies.get(u.agency);
    if (!agencyId) throw new DomainError('invalid', AccessErrors.ACCESS_UNKNOWN_AGENCY, `users.${i}.agency: no agency with code ${u.agency}`, { field: `users.${i}.agency`, reason: 'unknown agency code' });
    return {
      id: newId(ctx.clock.now().getTime()), username: u.username, display_name: u.displayName, agency_id: agencyId, clearance: u.clearance,
      roles: JSON.stringify([...new Set(u.roles)].sort()), groups: JSON.stringify([...new Set(u.groups)].sort()),
      password_hash: passwordHash, failed_logins: 0, locked_until: null, disabled: 0, created_at: now, updated_at: now,
    };
  });
  try {
    if (rows.length > 0) await db.insertInto('users').values(rows).execute();
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') throw new DomainError('conflict', AccessErrors.ACCESS_DUPLICATE_USERNAME, 'a username is taken', { field: 'username', reason: 'already exists' });
    throw e;
  }
  await ctx.audit.record(db, { action: 'user.bulk-add', subjectType: 'user', details: { usernames: rows.map((r) => r.username) } });
}
