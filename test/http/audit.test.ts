import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../src/access/index.js';
import { buildDetainee } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, countRows, openHttpWorld, problem, type HttpWorld } from './harness.js';

describe.each(DIALECTS)('HTTP audit trail (%s)', (dialect) => {
  let w: HttpWorld;
  let id: string;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    id = (await buildDetainee(contextFor(w.store.db, w.cast.registrar, w.clock), 50, { marking: 'S//REL TO USA' })).id;
  });
  afterAll(async () => w?.close());

  const reads = async () =>
    (await w.store.db.selectFrom('audit_events').selectAll().where('action', '=', 'detainee.read').where('subject_id', '=', id).execute());

  it('writes an audit row for a show of a marked record: who, when, from where', async () => {
    const usa = await clientFor(w.app, 'reg.usa');
    expect(await reads()).toHaveLength(0);
    const res = await usa.get(`/api/detainees/${id}`);
    expect(res.statusCode).toBe(200);
    const rows = await reads();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'reg.usa', user_id: w.cast.registrar.userId, at: w.clock.now().toISOString(), outcome: 'ok', request_id: res.headers['x-request-id'] });
    expect(rows[0]?.ip).toBeTruthy();
  });

  it('refuses UPDATE and DELETE of audit rows, even in direct SQL', async () => {
    const before = await countRows(w.store, 'audit_events');
    await expect(w.store.db.updateTable('audit_events').set({ action: 'forged' }).where('subject_id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(w.store.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where subject_id = ${id}`.execute(w.store.db)).rejects.toThrow(/append-only/);
    expect(await countRows(w.store, 'audit_events')).toBe(before);
    expect((await reads())[0]?.action).toBe('detainee.read');
  });

  it('lets the auditor list and export the trail', async () => {
    const auditor = await clientFor(w.app, 'aud.usa');
    const page = await auditor.get(`/api/audit?action=detainee.read&subjectId=${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ items: [{ action: 'detainee.read', subjectId: id, username: 'reg.usa', details: { isn: 'SP-SY-000050' } }], nextCursor: null });

    const firstPage = await auditor.get('/api/audit?limit=2');
    expect(firstPage.json().items).toHaveLength(2);
    const second = await auditor.get(`/api/audit?limit=2&cursor=${firstPage.json().nextCursor}`);
    expect(second.json().items[0].id > firstPage.json().items[1].id).toBe(true);

    const exported = await auditor.get('/api/audit/export?username=reg.usa');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = exported.body.trim().split('\n').map((l) => JSON.parse(l) as { username: string; action: string });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => l.username === 'reg.usa')).toBe(true);
    expect(lines.map((l) => l.action)).toContain('detainee.read');
    const exports = await w.store.db.selectFrom('audit_events').select('id').where('action', '=', 'audit.export').execute();
    expect(exports).toHaveLength(1);
  });

  it('answers anyone but an auditor with 403, for the list and the export alike', async () => {
    const usa = await clientFor(w.app, 'reg.usa');
    for (const url of ['/api/audit', '/api/audit/export']) {
      const res = await usa.get(url);
      expect(res.statusCode).toBe(403);
      expect(problem(res)).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    }
    expect((await usa.get('/api/users')).statusCode).toBe(403);
  });
});
