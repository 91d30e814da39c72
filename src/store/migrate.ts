import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Store } from './db.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_custody.js';
import * as m0003 from './migrations/0003_camps.js';
import * as m0004 from './migrations/0004_airlift.js';
import * as m0005 from './migrations/0005_identity.js';
import * as m0006 from './migrations/0006_warning.js';
import * as m0007 from './migrations/0007_cases.js';
import * as m0008 from './migrations/0008_repatriation.js';
import * as m0009 from './migrations/0009_coordination.js';
import * as m0010 from './migrations/0010_custody_camps.js';
import * as m0011 from './migrations/0011_repatriation_outcomes.js';
import * as m0012 from './migrations/0012_custody.js';

/** Every migration, in order. One TypeScript file per change, run on both dialects. */
const MIGRATIONS = {
  '0001_foundation': m0001,
  '0002_custody': m0002,
  '0003_camps': m0003,
  '0004_airlift': m0004,
  '0005_identity': m0005,
  '0006_warning': m0006,
  '0007_cases': m0007,
  '0008_repatriation': m0008,
  '0009_coordination': m0009,
  '0010_custody_camps': m0010,
  '0011_repatriation_outcomes': m0011,
  '0012_custody': m0012,
} as const;

/** Options of {@link migrateToLatest}. */
export interface MigrateOptions {
  /** Migrations to leave out of this run (they are applied by a later run): how a store that missed one is rebuilt in tests. */
  except?: readonly string[];
}

/**
 * Brings the store's schema up to date. Safe to run at every start and concurrently from several
 * processes (Kysely takes a lock). Migrations missing from a store are applied even when later ones have
 * run (a release may add a migration whose number sorts before one a branch already shipped); the missing
 * ones run in name order. A migration that builds on another names it by a later number.
 * @throws Error naming the migration that failed.
 */
export async function migrateToLatest(store: Store, options: MigrateOptions = {}): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  const except = new Set(options.except ?? []);
  for (const [name, m] of Object.entries(MIGRATIONS)) {
    if (except.has(name)) continue;
    migrations[name] = { up: (db) => m.up(db, store.dialect) };
  }
  const migrator = new Migrator({ db: store.db, allowUnorderedMigrations: true, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String((result.error as Error).message ?? result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
