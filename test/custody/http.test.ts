import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBundle, type TBundle } from '../../src/custody/index.js';
import { buildApp, type SallyportApp } from '../../src/server/index.js';
import { buildUser } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, problem, type Client } from '../http/harness.js';
import { AIRCRAFT, isnOf, openCustodyWorld, type CustodyWorld } from './world.js';

describe.each(DIALECTS)('custody over HTTP (%s)', (dialect) => {
  let w: CustodyWorld;
  let app: SallyportApp;
  let hf: Client;
  let jtf: Client;
  let moj: Client;

  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 3 });
    await Promise.all([
      buildUser(w.store, w.clock, { username: 'hf.c', agency: 'HF', clearance: 'S', roles: ['custodian'] }),
      buildUser(w.store, w.clock, { username: 'jtf.c', agency: 'JTF', clearance: 'S', roles: ['custodian'] }),
      buildUser(w.store, w.clock, { username: 'moj.c', agency: 'MOJ', clearance: 'S', roles: ['custodian'] }),
    ]);
    app = await buildApp({ store: w.store, clock: w.clock, keyring: w.keyring });
    await app.ready();
    [hf, jtf, moj] = await Promise.all([clientFor(app, 'hf.c'), clientFor(app, 'jtf.c'), clientFor(app, 'moj.c')]);
  });
  afterAll(async () => {
    await app?.close();
    await w?.close();
  });

  it('publishes the verifier keys without a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/custody/keys' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ origin: 'sallyport/custody', log: expect.stringMatching(/^sallyport\/log\+/) });
    expect(res.json<{ keys: { agency: string | null }[] }>().keys.map((k) => k.agency)).toEqual(expect.arrayContaining(['HF', 'JTF', 'MOJ']));
  });

  it('a handover flows: proposed (idempotent), signed by the receiver, shown in the timeline with a verified proof', async () => {
    const body = { detainee: isnOf(1), to: { agency: 'JTF', place: AIRCRAFT }, condition: { status: 'fit' } };
    const created = await hf.send('POST', '/api/custody/handovers', body, { 'idempotency-key': 'h-1' });
    expect(created.statusCode, created.body).toBe(201);
    const again = await hf.send('POST', '/api/custody/handovers', body, { 'idempotency-key': 'h-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(created.body);
    const id = created.json().id as string;
    expect((await jtf.get('/api/custody/handovers')).json<{ items: { id: string }[] }>().items.map((h) => h.id)).toEqual([id]);
    const wrong = await moj.send('POST', `/api/custody/handovers/${id}/sign`);
    expect(wrong.statusCode).toBe(403);
    expect(problem(wrong).code).toBe('CUSTODY_NOT_YOUR_AGENCY');
    const signed = await jtf.send('POST', `/api/custody/handovers/${id}/sign`, undefined, { 'idempotency-key': 's-1' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'completed', signedBy: ['HF', 'JTF'] });
    const timeline = await moj.get(`/api/custody/detainees/${isnOf(1)}/timeline`);
    expect(timeline.statusCode).toBe(200);
    expect(timeline.json<{ entries: { signedBy: string[]; proof: string }[] }>().entries.map((e) => [e.signedBy, e.proof])).toEqual([[['HF'], 'verified'], [['HF', 'JTF'], 'verified']]);
  });

  it('records other events, and answers proofs, bundles, checkpoints and consistency', async () => {
    const ev = await jtf.send('POST', '/api/custody/events', { type: 'leaves-aircraft', detainee: isnOf(1), aircraft: AIRCRAFT, at: 'STAGE-1' });
    expect(ev.statusCode, ev.body).toBe(201);
    const index = ev.json().index as number;
    const proof = await moj.get(`/api/custody/entries/${index}/proof`);
    expect(proof.headers['content-type']).toMatch(/^text\/plain/);
    expect(proof.body).toMatch(new RegExp(`^c2sp\\.org/tlog-proof@v1\\nindex ${index}\\n`));
    const bundle = await moj.get(`/api/custody/detainees/${isnOf(1)}/bundle`);
    expect(checkBundle(bundle.body)).toMatchObject({ ok: true, entries: 3 });
    expect(bundle.json<TBundle>().format).toBe('sallyport.custody.bundle/1');
    const cp = await moj.get('/api/custody/checkpoint');
    expect(cp.json()).toMatchObject({ origin: 'sallyport/custody', size: index + 1 });
    const cons = await moj.get(`/api/custody/consistency?from=2&to=${index + 1}`);
    expect(cons.statusCode).toBe(200);
    expect(cons.json().proof.length).toBeGreaterThan(0);
    expect(problem(await moj.get('/api/custody/consistency?from=9&to=2')).code).toBe('CUSTODY_BAD_SIZE');
    expect((await moj.get('/api/custody/detainees/SP-SY-009999/timeline')).statusCode).toBe(404);
    const witnessed = await moj.send('POST', '/api/custody/witness', { checkpoint: cp.json().note });
    expect(witnessed.json()).toMatchObject({ agency: 'MOJ', consistent: true });
  });

  it('streams a verification: progress lines, then the report', async () => {
    const res = await moj.get('/api/custody/verify');
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { type: string; report?: { ok: boolean } });
    expect(lines.at(0)!.type).toBe('progress');
    expect(lines.at(-1)).toMatchObject({ type: 'result', report: { ok: true } });
  });

  it('records each verification: the log page shows the last one, the runs list every one', async () => {
    const status = await moj.get('/api/custody/log');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ checkpoint: { origin: 'sallyport/custody' }, lastVerification: { runBy: 'moj.c', agency: 'MOJ', ok: true } });
    const runs = await jtf.get('/api/custody/verifications?limit=5');
    expect(runs.json<{ items: { ok: boolean }[] }>().items.length).toBeGreaterThanOrEqual(1);
    expect(problem(await jtf.get('/api/custody/verifications?limit=0')).issues?.[0]?.field).toMatch(/limit/);
    expect((await app.inject({ method: 'GET', url: '/api/custody/log' })).statusCode).toBe(401);
    const queue = await jtf.get('/api/custody/handovers');
    expect(queue.json<{ items: { marking?: string }[] }>().items.every((h) => typeof h.marking === 'string')).toBe(true);
  });

  it('documents the custody routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/custody/keys', '/api/custody/handovers', '/api/custody/handovers/{id}/sign', '/api/custody/detainees/{id}/bundle', '/api/custody/verify', '/api/custody/log', '/api/custody/verifications']) {
      expect(doc.paths).toHaveProperty([path]);
    }
  });
});
