import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyDbError, inTransaction, migrateToLatest, parseDatabaseUrl, ping } from '../../src/store/index.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';

describe('DATABASE_URL', () => {
  it('picks the dialect and names what is wrong', () => {
    expect(parseDatabaseUrl('sqlite:./data/x.db')).toEqual({ dialect: 'sqlite', path: './data/x.db' });
    expect(parseDatabaseUrl('postgres://u:p@h:5432/d')).toEqual({ dialect: 'postgres', url: 'postgres://u:p@h:5432/d' });
    expect(() => parseDatabaseUrl('mysql://u:secret@h/d')).toThrow(/DATABASE_URL: expected sqlite:PATH or postgres:\/\/…/);
    expect(() => parseDatabaseUrl('mysql://u:secret@h/d')).not.toThrow(/secret/);
  });
});

describe.each(DIALECTS)('store (%s)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => store.drop());

  it('confirms durable commits before serving', async () => {
    if (dialect === 'sqlite') {
      const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
      expect(r.rows[0]?.synchronous).toBe(2);
      const j = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(j.rows[0]?.journal_mode).toBe('wal');
    } else {
      for (const s of ['fsync', 'synchronous_commit', 'full_page_writes']) {
        const r = await sql<{ v: string }>`select current_setting(${s}) as v`.execute(store.db);
        expect(r.rows[0]?.v).toBe('on');
      }
    }
    expect(await ping(store.db)).toBe(true);
  });

  it('reads an empty IN list as false and an empty NOT IN list as true, on both dialects', async () => {
    const all = await store.db.selectFrom('markings').select('id').execute();
    expect(await store.db.selectFrom('markings').select('id').where('id', 'in', []).execute()).toEqual([]);
    expect(await store.db.selectFrom('markings').select('id').where('id', 'not in', []).execute()).toHaveLength(all.length);
    const n = await store.db.selectFrom('markings').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', []).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('migrations are idempotent', async () => {
    expect(await migrateToLatest(store)).toEqual([]);
  });

  it('applies a migration a store missed even when later ones have run', async () => {
    const fresh = await openTestStore(dialect, { migrate: false });
    try {
      const first = await migrateToLatest(fresh, { except: ['0005_identity'] });
      expect(first).not.toContain('0005_identity');
      expect(first).toContain('0011_repatriation_outcomes');
      expect(await migrateToLatest(fresh)).toEqual(['0005_identity']);
      expect(await fresh.db.selectFrom('identity_enrollments').select('id').execute()).toEqual([]);
      expect(await migrateToLatest(fresh)).toEqual([]);
    } finally {
      await fresh.drop();
    }
  });

  it('translates constraint violations to one vocabulary', async () => {
    const agency = { id: 'A1', code: 'X1', name: 'X', country: 'USA', kind: 'military', created_at: '2026-01-01T00:00:00Z' };
    await store.db.insertInto('agencies').values(agency).execute();
    const dup = await store.db.insertInto('agencies').values(agency).execute().catch((e: unknown) => e);
    expect(classifyDbError(dup).kind).toBe('unique');
    const fk = await store.db.insertInto('users').values({
      id: 'U1', username: 'u', display_name: 'u', agency_id: 'nope', clearance: 'U', roles: '[]', groups: '[]', password_hash: 'x',
      failed_logins: 0, locked_until: null, disabled: 0, created_at: 'x', updated_at: 'x',
    }).execute().catch((e: unknown) => e);
    expect(classifyDbError(fk).kind).toBe('foreign-key');
    const check = await store.db.insertInto('users').values({
      id: 'U2', username: 'v', display_name: 'v', agency_id: 'A1', clearance: 'TOP', roles: '[]', groups: '[]', password_hash: 'x',
      failed_logins: 0, locked_until: null, disabled: 0, created_at: 'x', updated_at: 'x',
    }).execute().catch((e: unknown) => e);
    expect(classifyDbError(check).kind).toBe('check');
  });

  it('rolls a multi-row write back whole when any part fails', async () => {
    const row = (id: string, code: string) => ({ id, code, name: code, country: 'IRQ', kind: 'justice', created_at: '2026-01-01T00:00:00Z' });
    await expect(inTransaction(store.db, async (trx) => {
      await trx.insertInto('agencies').values(row('B1', 'B1')).execute();
      await trx.insertInto('agencies').values(row('B2', 'X1')).execute();
    })).rejects.toThrow();
    expect(await store.db.selectFrom('agencies').select('id').where('id', '=', 'B1').executeTakeFirst()).toBeUndefined();
  });
});
