import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type SallyportApp } from '../../src/server/index.js';
import { DIALECTS } from '../support/stores.js';
import { buildUser } from '../support/factories.js';
import { clientFor, type Client } from '../http/harness.js';
import { openCasesWorld, report, type CasesWorld } from './world.js';

async function count(w: CasesWorld, table: 'evidence_items' | 'evidence_versions' | 'evidence_contents'): Promise<number> {
  const r = await w.store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(DIALECTS)('cases over HTTP on %s', (dialect) => {
  let w: CasesWorld;
  let app: SallyportApp;
  let us: Client;
  let irq: Client;
  let rev: Client;

  beforeAll(async () => {
    w = await openCasesWorld(dialect);
    await buildUser(w.store, w.clock, { username: 'pros.us', agency: 'LEID', clearance: 'TS', roles: ['prosecutor'], groups: ['LES', 'HCS'] });
    await buildUser(w.store, w.clock, { username: 'pros.irq', agency: 'MOJ', clearance: 'S', roles: ['prosecutor'], groups: ['LES'] });
    await buildUser(w.store, w.clock, { username: 'rev.intel', agency: 'INTEL', clearance: 'TS', roles: ['reviewer'], groups: ['LES', 'HCS'] });
    app = await buildApp({ store: w.store, clock: w.clock, keyring: w.keyring });
    await app.ready();
    [us, irq, rev] = await Promise.all([clientFor(app, 'pros.us'), clientFor(app, 'pros.irq'), clientFor(app, 'rev.intel')]);
    const c = await us.send('POST', '/api/cases', { ref: 'CASE-H', title: 'HTTP case', detainees: [w.isns[0]], jurisdiction: { kind: 'receiving', country: 'IRQ' } });
    expect(c.statusCode).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await w.close();
  });

  it('runs the workflow: request, redact, the audience sees the redacted version', async () => {
    const added = await us.send('POST', '/api/cases/CASE-H/evidence', report('S//NOFORN'));
    expect(added.statusCode).toBe(201);
    const item = added.json<{ ref: string }>().ref;
    expect((await irq.get(`/api/evidence/${item}`)).statusCode).toBe(404);
    const req = await us.send('POST', '/api/declass/requests', { item, audience: { kind: 'prosecutor', country: 'IRQ' }, purpose: 'trial' });
    expect(req.statusCode).toBe(201);
    const id = req.json<{ id: string }>().id;
    const queue = await rev.get('/api/declass/queue');
    expect(queue.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(id);
    const d = await rev.send('POST', `/api/declass/requests/${id}/decision`, { outcome: 'redact', marking: 'C//REL TO IRQ, USA', content: { body: 'redacted text' } });
    expect(d.statusCode).toBe(200);
    const again = await rev.send('POST', `/api/declass/requests/${id}/decision`, { outcome: 'deny', reason: 'again' });
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([409, 'DECLASS_ALREADY_DECIDED']);
    const seen = await irq.get(`/api/evidence/${item}`);
    expect(seen.json<{ versions: { marking: string; body: string }[] }>().versions).toEqual([expect.objectContaining({ marking: 'C//REL TO IRQ, USA', body: 'redacted text' })]);
    expect((await irq.get(`/api/declass/requests/${id}/verify`)).statusCode).toBe(404);
    expect((await us.get(`/api/declass/requests/${id}/verify`)).json()).toMatchObject({ valid: true });
    const md = await irq.get('/api/cases/CASE-H/export?format=markdown');
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.headers['x-classification']).toBe('CONFIDENTIAL//REL TO IRQ, USA');
    expect(md.body).toContain('(C//REL TO IRQ, USA) redacted text');
  });

  it('moves a case forward only, answering a bad transition with problem+json naming the field', async () => {
    const c = await us.send('POST', '/api/cases', { ref: 'CASE-H-STATUS', title: 'Status over HTTP', detainees: [w.isns[0]], jurisdiction: { kind: 'receiving', country: 'IRQ' } });
    const tried = await us.send('POST', '/api/cases/CASE-H-STATUS/status', { status: 'tried', version: c.json<{ version: number }>().version });
    expect(tried.statusCode, tried.body).toBe(200);
    const version = tried.json<{ version: number }>().version;
    const back = await us.send('POST', '/api/cases/CASE-H-STATUS/status', { status: 'charged', version });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'CASES_BAD_TRANSITION' });
    expect(back.body).toContain('status');
    const closed = await us.send('POST', '/api/cases/CASE-H-STATUS/status', { status: 'closed', version });
    expect(closed.statusCode, closed.body).toBe(200);
    const noReason = await us.send('POST', '/api/cases/CASE-H-STATUS/status', { status: 'open', version: version + 1 });
    expect([noReason.statusCode, noReason.json<{ code: string }>().code]).toEqual([409, 'CASES_BAD_TRANSITION']);
    expect(noReason.body).toContain('reason');
  });

  it('refuses oversized evidence files, naming the field, and stores nothing', async () => {
    const before = await count(w, 'evidence_items');
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x41).toString('base64');
    const res = await us.send('POST', '/api/cases/CASE-H/evidence', report('C//REL TO IRQ, USA', { content: { file: big, contentType: 'text/plain', fileName: 'big.txt' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CASES_CONTENT_TOO_LARGE', field: 'content.file' });
    const huge = await us.send('POST', '/api/cases/CASE-H/evidence', report('C//REL TO IRQ, USA', { content: { file: 'A'.repeat(9 * 1024 * 1024), contentType: 'text/plain', fileName: 'huge.txt' } }));
    expect(huge.statusCode).toBe(413);
    expect(await count(w, 'evidence_items')).toBe(before);
  });

  it('refuses content types off the list and files that are not what they say', async () => {
    const before = await count(w, 'evidence_contents');
    const exe = await us.send('POST', '/api/cases/CASE-H/evidence', report('C//REL TO IRQ, USA', { content: { file: Buffer.from('MZ\x90\x00').toString('base64'), contentType: 'application/x-msdownload', fileName: 'a.exe' } }));
    expect(exe.statusCode).toBe(400);
    expect(exe.json()).toMatchObject({ code: 'CASES_CONTENT_TYPE', field: 'content.contentType' });
    const fake = await us.send('POST', '/api/cases/CASE-H/evidence', report('C//REL TO IRQ, USA', { content: { file: Buffer.from('hello').toString('base64'), contentType: 'image/png', fileName: 'a.png' } }));
    expect(fake.json()).toMatchObject({ code: 'CASES_CONTENT_TYPE' });
    expect(await count(w, 'evidence_contents')).toBe(before);
  });

  it('refuses a marking that does not parse, naming the field and the fault', async () => {
    const res = await us.send('POST', '/api/cases/CASE-H/evidence', report('SECRET//REL TO XXX'));
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; field: string; detail: string }>();
    expect([body.code, body.field]).toEqual(['INVALID_INPUT', 'marking']);
    expect(body.detail).toContain('XXX');
    const bad = await us.send('POST', '/api/cases', { title: 't', detainees: [w.isns[0]], jurisdiction: { kind: 'receiving', country: 'IRQ' }, marking: 'SEKRIT' });
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'marking' });
  });

  it('exports HTML and PDF with the banner header', async () => {
    const html = await us.get('/api/cases/CASE-H/export?format=html');
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('class="banner"');
    const pdf = await us.get('/api/cases/CASE-H/export?format=pdf');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['x-classification']).toBe(html.headers['x-classification']);
  });
});
