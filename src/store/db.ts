import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import { EmptyInPlugin } from './empty-in.js';
import type { Database } from './schema.js';
import type { DialectName } from './dialects/ddl.js';

/** The query handle every store function takes first: the database or a transaction on it. */
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

/** An open store: the Kysely handle, its dialect, and how to close it. */
export interface Store {
  db: Db;
  dialect: DialectName;
  /** Where the store lives, without secrets (`sqlite:data/x.db`, `postgres://host:5432/db`). */
  location: string;
  close(): Promise<void>;
}

/** Where a DATABASE_URL points. */
export type StoreTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** The default store: an embedded SQLite file under ./data. */
export const DEFAULT_DATABASE_URL = 'sqlite:./data/sallyport.db';

/**
 * Parses a DATABASE_URL: `sqlite:PATH` (`sqlite::memory:` for a throw-away store) or `postgres://…`.
 * @throws Error naming the variable and what is wrong with it.
 */
export function parseDatabaseUrl(url: string): StoreTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (!path) throw new Error('DATABASE_URL: sqlite needs a path, e.g. sqlite:./data/sallyport.db');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  throw new Error(`DATABASE_URL: expected sqlite:PATH or postgres://…, got "${url.replace(/\/\/[^@]*@/, '//***@')}"`);
}

/**
 * Opens the store named by `url` and checks that acknowledged commits are durable; it refuses to start
 * otherwise.
 * @throws Error when the database cannot be opened or durability settings cannot be confirmed.
 */
export async function openStore(url: string = DEFAULT_DATABASE_URL): Promise<Store> {
  const target = parseDatabaseUrl(url);
  return target.dialect === 'sqlite' ? openSqlite(target.path) : openPostgres(target.url);
}

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const conn = new BetterSqlite3(path);
  conn.pragma('journal_mode = WAL');
  // NOTE: the bundled SQLite reopens WAL databases at synchronous=NORMAL, which can lose acknowledged
  // commits on power loss. Set FULL on every connection and read it back (2 = FULL).
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 10000');
  const sync = conn.pragma('synchronous', { simple: true });
  if (sync !== 2) {
    conn.close();
    throw new Error(`store: SQLite synchronous reads back ${String(sync)}, not FULL (2); refusing to start`);
  }
  // The query planner needs statistics: without them it sorts a whole table to return one page. Gather them
  // for tables that have none (or have grown tenfold) at every open; `refreshStatistics` keeps them current.
  conn.pragma('optimize=0x10002');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(conn) }), plugins: [new EmptyInPlugin()] });
  return { db, dialect: 'sqlite', location: `sqlite:${path}`, close: () => db.destroy() };
}

/** Prepared statements kept per SQL text, the least recently used dropped past this many. */
const STATEMENT_CACHE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, preparing each distinct SQL text once: the driver calls
 * `prepare` for every query, and preparing costs more than running most of ours. Safe because the driver runs
 * one query (or stream) at a time on the connection, and SQLite re-prepares a statement itself after a
 * schema change.
 */
function cachingStatements(conn: BetterSqlite3.Database): { close(): void; prepare(sql: string): BetterSqlite3.Statement } {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => {
      cache.clear();
      conn.close();
    },
    prepare: (sql) => {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql);
      } else {
        stmt = conn.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

// NOTE: count(*) and sums come back from pg as int8 text; our counts fit in a double, so parse them.
const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : (pg.types.getTypeParser(oid, format) as (v: string) => unknown)) as typeof pg.types.getTypeParser,
};

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, types: pgTypes });
  pool.on('connect', (client) => {
    client.query('set synchronous_commit = on').catch(() => undefined);
  });
  // An idle pooled connection that the server ends (a restart, an administrator, a dropped database) is removed
  // from the pool, which opens a new one when needed; without a listener the event would crash the process.
  pool.on('error', (err) => {
    process.emitWarning(`store: an idle PostgreSQL connection ended: ${err.message}`, { code: 'SALLYPORT_PG_IDLE' });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new EmptyInPlugin()] });
  try {
    await checkPostgresDurability(db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, dialect: 'postgres', location: url.replace(/\/\/[^@]*@/, '//'), close: () => db.destroy() };
}

async function checkPostgresDurability(db: Db): Promise<void> {
  for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) {
    const r = await sql<{ v: string }>`select current_setting(${setting}) as v`.execute(db);
    const v = r.rows[0]?.v;
    if (v !== 'on') throw new Error(`store: PostgreSQL ${setting} is ${String(v)}, not on; refusing to start`);
  }
}

/**
 * Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one (so a use case
 * called by another use case, or by the idempotent-write wrapper, joins the outer transaction).
 */
export async function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute(fn);
}

/** True when the store answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** Analyses every table for the query planner (both dialects): after a bulk load, whose size changes every plan. */
export async function analyzeAll(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

/**
 * The cheap periodic refresh of the planner's statistics: SQLite's `PRAGMA optimize` re-analyses only the
 * tables that changed a lot; PostgreSQL's autovacuum already does this, so it is a no-op there.
 */
export async function refreshStatistics(store: Pick<Store, 'db' | 'dialect'>): Promise<void> {
  if (store.dialect === 'sqlite') await sql`pragma optimize`.execute(store.db);
}
