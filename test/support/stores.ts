import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { migrateToLatest, openStore, type DialectName, type Store } from '../../src/store/index.js';

/** Both dialects: every medium suite runs once per entry (like kysely's DIALECTS loop). */
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];

/** A test store: migrated, empty, and removed by `drop()`. */
export interface TestStore extends Store {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh store of `dialect`: a temporary SQLite file, or a new database on the run's server; migrated
 * unless `migrate` is false (tests of the migrations themselves).
 */
export async function openTestStore(dialect: DialectName, { migrate = true }: { migrate?: boolean } = {}): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sallyport-sqlite-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const store = await openStore(url);
    if (migrate) await migrateToLatest(store);
    return { ...store, url, drop: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  const store = await openStore(url);
  if (migrate) await migrateToLatest(store);
  return {
    ...store,
    url,
    drop: async () => {
      await store.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
