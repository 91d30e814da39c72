import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFor } from '../../src/access/index.js';
import { inTransaction } from '../../src/store/index.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { principal, testClock } from '../support/world.js';

async function auditRows(store: TestStore, action: string): Promise<{ id: string; request_id: string | null }[]> {
  return store.db.selectFrom('audit_events').select(['id', 'request_id']).where('action', '=', action).orderBy('id').execute();
}

describe.each(DIALECTS)('audit rows of reads, committed in groups (%s)', (dialect) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(dialect);
  });
  afterAll(async () => store?.drop());

  it('stores every row of many concurrent reads before each read returns', async () => {
    const p = principal({ country: 'USA' });
    const clock = testClock();
    const n = 1200; // more than one group
    const done = new Set<number>();
    await Promise.all(Array.from({ length: n }, async (_, i) => {
      await auditFor(p, clock, { requestId: `r${i}` }).record(store.db, { action: 'test.read', subjectType: 'detainee', subjectId: `D${i}` });
      // Durable and visible as soon as `record` resolves.
      const seen = await store.db.selectFrom('audit_events').select('id').where('request_id', '=', `r${i}`).execute();
      expect(seen).toHaveLength(1);
      done.add(i);
    }));
    expect(done.size).toBe(n);
    const rows = await auditRows(store, 'test.read');
    expect(new Set(rows.map((r) => r.request_id)).size).toBe(n);
  });

  it('writes inside a transaction with the change it records, and rolls back with it', async () => {
    const a = auditFor(principal({ country: 'USA' }), testClock(), { requestId: 'tx' });
    await expect(inTransaction(store.db, async (trx) => {
      await a.record(trx, { action: 'test.write', subjectType: 'detainee' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    expect(await auditRows(store, 'test.write')).toEqual([]);
    await inTransaction(store.db, (trx) => a.record(trx, { action: 'test.write', subjectType: 'detainee' }));
    expect(await auditRows(store, 'test.write')).toHaveLength(1);
  });

  it('fails every read of a group whose commit fails, with the audit error, and stores none of it', async () => {
    // A store without the audit table: every insert fails.
    const bare = await openTestStore(dialect, { migrate: false });
    try {
      const a = auditFor(principal({ country: 'USA' }), testClock());
      const results = await Promise.allSettled(Array.from({ length: 5 }, () => a.record(bare.db, { action: 'test.lost', subjectType: 'detainee' })));
      for (const r of results) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ACCESS_AUDIT_WRITE_FAILED', kind: 'unavailable' });
      }
      // The next read on a working store is not held up by the failed group.
      await a.record(store.db, { action: 'test.after', subjectType: 'detainee' });
      expect(await auditRows(store, 'test.after')).toHaveLength(1);
    } finally {
      await bare.drop();
    }
  });
});
