import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../src/access/index.js';
import { buildFacility, registration } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, countRows, openHttpWorld, problem, type Client, type HttpWorld } from './harness.js';

const isns = (res: LightMyRequestResponse) => res.json<{ items: { isn: string }[] }>().items.map((d) => d.isn);
const codes = (res: LightMyRequestResponse) => res.json<{ items: { code: string }[] }>().items.map((f) => f.code);

describe.each(DIALECTS)('HTTP detainees (%s)', (dialect) => {
  let w: HttpWorld;
  let usa: Client;
  let irq: Client;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    await buildFacility(contextFor(w.store.db, w.cast.registrar, w.clock), { code: 'HSK-GHW', name: 'Ghwayran' });
    usa = await clientFor(w.app, 'reg.usa');
    irq = await clientFor(w.app, 'reg.irq');
  });
  afterAll(async () => w?.close());

  it('registers, shows (by id and ISN), lists and updates a detainee', async () => {
    const created = await usa.send('POST', '/api/detainees', registration(1, { facility: 'HSK-GHW' }));
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const { detainee } = created.json();
    expect(detainee).toMatchObject({ isn: 'SP-SY-000001', facility: 'HSK-GHW', marking: 'C//REL TO IRQ, USA', version: 1, aliases: [] });

    const byId = await usa.get(`/api/detainees/${detainee.id}`);
    const byIsn = await usa.get('/api/detainees/SP-SY-000001');
    expect(byId.json()).toEqual(detainee);
    expect(byIsn.json()).toEqual(detainee);

    await usa.send('POST', '/api/detainees', registration(2, { nameLatin: 'Umar Khalid', nameAr: 'عمر خالد', nationality: 'SYR' }));
    const page = await usa.get('/api/detainees?limit=1');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 2, items: [{ isn: 'SP-SY-000001' }] });
    const next = await usa.get(`/api/detainees?limit=1&cursor=${page.json().nextCursor}`);
    expect(next.json()).toMatchObject({ items: [{ isn: 'SP-SY-000002' }], nextCursor: null });
    expect((await usa.get('/api/detainees?nationality=SYR')).json().total).toBe(1);
    expect(isns(await usa.get('/api/detainees?search=Omar'))).toEqual(['SP-SY-000002']);

    const updated = await usa.send('PATCH', `/api/detainees/${detainee.id}`, { version: 1, riskTier: 'high', status: 'in-transit' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ riskTier: 'high', status: 'in-transit', version: 2 });
  });

  it('jumps to any row of the list with offset, and refuses offset with cursor', async () => {
    const all = isns(await usa.get('/api/detainees?limit=100'));
    expect(all).toEqual(['SP-SY-000001', 'SP-SY-000002']);
    const third = await usa.get('/api/detainees?offset=1&limit=1');
    expect(third.statusCode).toBe(200);
    expect(isns(third)).toEqual(['SP-SY-000002']);
    expect(third.json().total).toBe(2);
    expect(isns(await usa.get(`/api/detainees?offset=${all.length}&limit=2`))).toEqual([]);
    const first = await usa.get('/api/detainees?limit=1');
    const both = await usa.get(`/api/detainees?offset=1&cursor=${first.json().nextCursor as string}`);
    expect(both.statusCode).toBe(400);
    expect(problem(both).issues?.[0]?.field).toMatch(/offset/);
    expect(problem(await usa.get('/api/detainees?offset=-1')).issues?.[0]?.field).toMatch(/offset/);
  });

  it('refuses an update at a stale version with 409 STALE_VERSION and the current version', async () => {
    const res = await usa.send('PATCH', '/api/detainees/SP-SY-000001', { version: 1, riskTier: 'low' });
    expect(res.statusCode).toBe(409);
    expect(problem(res)).toMatchObject({ code: 'STALE_VERSION', field: 'version', currentVersion: 2 });
    expect((await usa.get('/api/detainees/SP-SY-000001')).json().riskTier).toBe('high');
  });

  it('answers a duplicate ISN the caller can see with 409', async () => {
    const res = await usa.send('POST', '/api/detainees', registration(1));
    expect(res.statusCode).toBe(409);
    expect(problem(res)).toMatchObject({ code: 'REGISTRY_DUPLICATE_ISN', field: 'isn', reason: 'already registered' });
  });

  it('sends a duplicate ISN of a record the caller cannot see to review, revealing nothing of it', async () => {
    const hidden = registration(900, { nameLatin: 'Hidden Person', nameAr: 'شخص مخفي', marking: 'S//NOFORN', birthPlace: 'Mosul' });
    expect((await usa.send('POST', '/api/detainees', hidden)).statusCode).toBe(201);
    expect((await irq.get('/api/detainees/SP-SY-000900')).statusCode).toBe(404);
    const reviewsBefore = await countRows(w.store, 'registration_reviews');

    const res = await irq.send('POST', '/api/detainees', registration(900, { nameLatin: 'Ali Hasan', nameAr: 'علي حسن' }));
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['reviewId', 'status']);
    expect(body.status).toBe('pending-review');
    for (const secret of ['Hidden', 'Mosul', 'NOFORN', 'S//']) expect(res.body).not.toContain(secret);
    expect(await countRows(w.store, 'registration_reviews')).toBe(reviewsBefore + 1);

    const reviewer = await clientFor(w.app, 'rev.usa');
    const list = await reviewer.get('/api/reviews?status=pending');
    expect(list.statusCode).toBe(200);
    const review = list.json<{ items: { id: string }[] }>().items.find((r) => r.id === body.reviewId);
    expect(review).toMatchObject({ status: 'pending', existing: { isn: 'SP-SY-000900', nameLatin: 'Hidden Person' }, submitted: { nameLatin: 'Ali Hasan' } });
    expect((await irq.get('/api/reviews')).statusCode).toBe(403);

    const resolved = await reviewer.send('POST', `/api/reviews/${body.reviewId}/resolve`, { decision: 'register', isn: 'SP-SY-000901', note: 'a different person' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'accepted', resolution: { createdIsn: 'SP-SY-000901' } });
    expect((await irq.get('/api/detainees/SP-SY-000901')).json().nameLatin).toBe('Ali Hasan');
    const again = await reviewer.send('POST', `/api/reviews/${body.reviewId}/resolve`, { decision: 'reject', note: 'twice' });
    expect(problem(again)).toMatchObject({ status: 409, code: 'REGISTRY_REVIEW_CLOSED' });
  });

  it('answers an unseen id exactly like a nonexistent one', async () => {
    const unseen = await irq.get('/api/detainees/SP-SY-000900');
    const absent = await irq.get('/api/detainees/SP-SY-999999');
    expect(unseen.statusCode).toBe(404);
    expect(absent.statusCode).toBe(404);
    const strip = (body: string, id: string) => {
      const { requestId: _r, ...rest } = JSON.parse(body.replaceAll(id, '<id>')) as Record<string, unknown>;
      return rest;
    };
    expect(strip(unseen.body, 'SP-SY-000900')).toEqual(strip(absent.body, 'SP-SY-999999'));
    expect(unseen.headers['content-type']).toBe(absent.headers['content-type']);
    const patch = await irq.send('PATCH', '/api/detainees/SP-SY-000900', { version: 1, riskTier: 'low' });
    expect(problem(patch)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('lists and shows facilities, and keeps a facility the caller cannot see out of every answer', async () => {
    const added = await usa.send('POST', '/api/facilities', {
      code: 'SEC-SITE', name: 'Secret site', kind: 'staging', country: 'SYR', lat: 36.1, lon: 41.2, capacity: 10, population: 0, marking: 'S//NOFORN',
    });
    expect(added.statusCode).toBe(201);
    expect(codes(await usa.get('/api/facilities?kind=staging'))).toEqual(['SEC-SITE']);
    expect(codes(await irq.get('/api/facilities'))).toEqual(['HSK-GHW']);
    expect((await irq.get('/api/facilities/SEC-SITE')).statusCode).toBe(404);
    const patched = await usa.send('PATCH', '/api/facilities/HSK-GHW', { version: 1, status: 'at-risk', collapseRisk: 0.4 });
    expect(patched.json()).toMatchObject({ status: 'at-risk', collapseRisk: 0.4, version: 2, detaineesHeld: 0 }); // its one detainee is in transit
  });

  it('exports the visible detainees as NDJSON, filtered like the list', async () => {
    const res = await irq.get('/api/detainees.ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { isn: string });
    expect(lines.map((d) => d.isn)).toEqual(['SP-SY-000001', 'SP-SY-000002', 'SP-SY-000901']);
    const filtered = await usa.get('/api/detainees.ndjson?nationality=SYR');
    expect(filtered.body.trim().split('\n')).toHaveLength(1);
  });
});
