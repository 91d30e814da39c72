import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wristbandCode } from '../../src/airlift/index.js';
import { buildApp, type SallyportApp } from '../../src/server/index.js';
import { buildUser } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, problem } from '../http/harness.js';
import { isnOf } from '../custody/world.js';
import { openExecWorld, scanId, type ExecWorld } from './execution-world.js';

describe.each(DIALECTS)('HTTP airlift execution (%s)', (dialect) => {
  let w: ExecWorld;
  let app: SallyportApp;
  beforeAll(async () => {
    w = await openExecWorld(dialect, { planned: 3 });
    await buildUser(w.store, w.clock, { username: 'jtf.p', agency: 'JTF', clearance: 'S', roles: ['planner', 'custodian'] });
    await buildUser(w.store, w.clock, { username: 'hf.c', agency: 'HF', clearance: 'S', roles: ['custodian'] });
    app = await buildApp({ store: w.store, clock: w.clock, keyring: w.keyring });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await w?.close();
  });

  it('runs a sortie over HTTP: release, status, idempotent scans, a queue sync, printouts, a disruption', async () => {
    const jtf = await clientFor(app, 'jtf.p');
    const hf = await clientFor(app, 'hf.c');
    const plans = await jtf.get('/api/airlift/plans');
    expect(plans.statusCode).toBe(200);
    const planId = plans.json<{ items: { id: string }[] }>().items[0]!.id;
    const sorties = (await jtf.get(`/api/airlift/plans/${planId}/sorties`)).json<{ items: { id: string }[] }>();
    const sortie = sorties.items[0]!.id;
    expect((await hf.send('POST', `/api/airlift/sorties/${sortie}/release`)).json()).toMatchObject({ proposed: [{}, {}, {}] });
    expect((await jtf.send('POST', `/api/airlift/sorties/${sortie}/status`, { status: 'boarding' })).json()).toMatchObject({ sortie: { status: 'boarding' } });
    const bad = await jtf.send('POST', `/api/airlift/sorties/${sortie}/status`, { status: 'closed' });
    expect(bad.statusCode).toBe(409);
    expect(problem(bad).code).toBe('AIRLIFT_SORTIE_TRANSITION');

    const scan = { id: scanId(), sortie, kind: 'board', code: wristbandCode(isnOf(1)), scannedAt: '2026-01-10T09:00:00Z', device: 'gate-1' };
    const first = await jtf.send('POST', '/api/airlift/scans', scan, { 'idempotency-key': 'k1' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ applied: true, replayed: false, custody: expect.stringMatching(/handover HF → JTF/) as unknown });
    const again = await jtf.send('POST', '/api/airlift/scans', scan, { 'idempotency-key': 'k1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect((await jtf.send('POST', '/api/airlift/scans', scan)).json()).toMatchObject({ replayed: true });
    const invalid = await jtf.send('POST', '/api/airlift/scans', { ...scan, id: 'not-a-ulid' });
    expect(invalid.statusCode).toBe(400);
    expect(JSON.stringify(problem(invalid))).toMatch(/id/);

    const sync = await jtf.send('POST', '/api/airlift/scans/sync', { scans: [
      { ...scan, id: scanId(), code: wristbandCode(isnOf(2)) },
      { ...scan, id: scanId(), code: 'SP-SY-000003-0' },
      { ...scan, id: scanId(), code: wristbandCode(isnOf(3)) },
    ] });
    expect(sync.statusCode).toBe(200);
    const results = sync.json<{ results: Record<string, unknown>[] }>().results;
    expect(results.map((r) => r.code ?? r.discrepancy)).toEqual([null, 'AIRLIFT_SCAN_INVALID', null]);
    expect((await jtf.get(`/api/airlift/plans/${planId}/reconciliation`)).json()).toMatchObject({ total: 3, balanced: true, byKind: { aircraft: 3 } });

    const csv = await jtf.get(`/api/airlift/sorties/${sortie}/manifest?format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[1]).toBe('isn,wristband,name,tier,medical,board,alight');
    const pdf = await jtf.get(`/api/airlift/sorties/${sortie}/manifest?format=pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const html = await jtf.get(`/api/airlift/sorties/${sortie}/manifest?format=html`);
    expect(html.body).toContain('☐');
    const bands = await jtf.get(`/api/airlift/wristbands?sortie=${sortie}&format=html`);
    expect(bands.body).toContain(wristbandCode(isnOf(2)));
    expect(bands.body).toContain('<svg');
    expect((await jtf.get('/api/airlift/wristbands?facility=PRISON-A&format=pdf')).rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const disrupt = await jtf.send('POST', `/api/airlift/plans/${planId}/disrupt`, { disruption: { kind: 'landing-zone-closed', node: 'STAGE-1', at: '2026-01-10T08:00:00Z' } });
    expect(disrupt.statusCode, disrupt.body).toBe(200);
    expect(disrupt.json()).toMatchObject({ plan: { status: 'draft', parentId: planId }, diff: { frozen: [expect.any(String) as unknown] } });
    const wrong = await jtf.send('POST', `/api/airlift/plans/${planId}/disrupt`, { disruption: { kind: 'aircraft-out-of-service', aircraft: 'NOPE', at: '2026-01-10T08:00:00Z' } });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).code).toBe('AIRLIFT_DISRUPTION_INVALID');
  });
});
