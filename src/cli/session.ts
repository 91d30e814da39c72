import { z } from 'zod';
import { contextFor, findUserByName, operatorPrincipal, principalOfUser, type Ctx, type Principal } from '../access/index.js';
import { DomainError, isCountryCode, newId, systemClock } from '../kernel/index.js';
import { DEFAULT_DATABASE_URL, openStore, parseDatabaseUrl, type Db, type Store } from '../store/index.js';
import { CliErrors, UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';

/** The options every command accepts (`--json`, `--as`, `--database-url`), as commander hands them over. */
export const ZGlobalOptions = z.object({
  json: z.boolean().default(false),
  as: z.string().min(1).optional(),
  databaseUrl: z.string().min(1).optional(),
});
export type GlobalOptions = z.infer<typeof ZGlobalOptions>;

/** One command's world: the open store, the acting principal's context, the streams and the output mode. */
export interface Session {
  store: Store;
  ctx: Ctx;
  io: CliIo;
  json: boolean;
}

/** Reads the global options out of commander's merged option bag. */
export function globalsOf(opts: Record<string, unknown>): GlobalOptions {
  return ZGlobalOptions.parse({ json: opts.json, as: opts.as, databaseUrl: opts.databaseUrl });
}

/** The store to open: `--database-url`, else DATABASE_URL, else the embedded default. */
export function databaseUrlOf(g: GlobalOptions, env: CliIo['env']): string {
  return g.databaseUrl ?? (env.DATABASE_URL || DEFAULT_DATABASE_URL);
}

function localOperator(env: CliIo['env']): Principal {
  const country = env.SALLYPORT_COUNTRY || 'USA';
  if (!isCountryCode(country)) {
    throw new UsageError(`SALLYPORT_COUNTRY: "${country}" is not an ISO 3166-1 alpha-3 country code`, [
      { field: 'SALLYPORT_COUNTRY', reason: 'not an ISO 3166-1 alpha-3 country code' },
    ]);
  }
  return operatorPrincipal(country);
}

/**
 * Who acts: the stored user named by `--as` (or SALLYPORT_USER), or the built-in local operator when
 * neither is given or the name is `operator`.
 * @throws DomainError CLI_UNKNOWN_USER when the name matches no active user.
 */
export async function resolvePrincipal(db: Db, g: GlobalOptions, env: CliIo['env']): Promise<Principal> {
  const name = g.as ?? (env.SALLYPORT_USER || undefined);
  if (name === undefined || name === 'operator') return localOperator(env);
  const user = await findUserByName(db, name);
  if (!user) {
    throw new DomainError('unauthenticated', CliErrors.CLI_UNKNOWN_USER, `no active user named "${name}" (from --as or SALLYPORT_USER)`, {
      field: 'as',
      reason: 'unknown user',
    });
  }
  return principalOfUser(user);
}

/**
 * Opens the store named by the options. A malformed URL is a usage error; a store that cannot be opened
 * (server down, durability not confirmed) is unavailable.
 */
export async function openCliStore(g: GlobalOptions, env: CliIo['env']): Promise<Store> {
  const url = databaseUrlOf(g, env);
  try {
    parseDatabaseUrl(url);
  } catch (e) {
    throw new UsageError((e as Error).message, [{ field: '--database-url', reason: 'expected sqlite:PATH or postgres://…' }]);
  }
  try {
    return await openStore(url);
  } catch (e) {
    throw new DomainError('unavailable', CliErrors.CLI_STORE_UNAVAILABLE, `store unavailable: ${(e as Error).message}`, { reason: 'cannot open store' });
  }
}

/** Opens the store for the length of `fn` and closes it after, whatever happens. */
export async function withStore<T>(g: GlobalOptions, io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(g, io.env);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/**
 * The session of the acting principal on an open store, with a context built exactly as the HTTP server
 * builds one (same access rules, same audit), tagged with a `cli-<ulid>` request id.
 */
export async function sessionOn(store: Store, g: GlobalOptions, io: CliIo): Promise<Session> {
  const principal = await resolvePrincipal(store.db, g, io.env);
  const ctx = contextFor(store.db, principal, systemClock, { requestId: `cli-${newId()}` });
  return { store, ctx, io, json: g.json };
}

/** Runs `fn` as the acting principal on the store named by the options, closing the store after. */
export async function withSession<T>(g: GlobalOptions, io: CliIo, fn: (s: Session) => Promise<T>): Promise<T> {
  return withStore(g, io, async (store) => fn(await sessionOn(store, g, io)));
}
