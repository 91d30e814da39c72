/** The store: one Kysely query layer over SQLite (embedded default) and PostgreSQL. */
export type { Database } from './schema.js';
export type * from './schema.js';
export type * from './schema-cases.js';
export { openStore, parseDatabaseUrl, inTransaction, ping, analyzeAll, refreshStatistics, DEFAULT_DATABASE_URL } from './db.js';
export type { Db, Tx, Store, StoreTarget } from './db.js';
export { migrateToLatest, type MigrateOptions } from './migrate.js';
export { classifyDbError } from './dialects/errors.js';
export type { DbErrorKind, DbErrorInfo } from './dialects/errors.js';
export type { DialectName } from './dialects/ddl.js';
export type * from './schema-repatriation.js';
export type * from './schema-airlift.js';
