import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, operatorPrincipal } from '../../src/access/index.js';
import type { TCountryList } from '../../src/repatriation/index.js';
import { buildAgency, buildDetainee, buildUser } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, openHttpWorld, problem, type Client, type HttpWorld } from '../http/harness.js';

// The repatriation routes: answers validated by their schemas, errors as problem+json naming the field,
// retries answered once, counts scoped to the caller.
describe.each(DIALECTS)('repatriation over HTTP (%s)', (dialect) => {
  let w: HttpWorld;
  let diplo: Client;
  let irq: Client;
  let isn: string;

  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    await buildAgency(w.store, w.clock, { code: 'DIPLO', country: 'USA', kind: 'diplomatic' });
    await buildUser(w.store, w.clock, { username: 'dip.usa', agency: 'DIPLO', clearance: 'S', roles: ['diplomat', 'viewer'] });
    const admin = contextFor(w.store.db, { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] }, w.clock);
    isn = (await buildDetainee(admin, 7, { nationality: 'FRA', marking: 'S//NOFORN' })).isn;
    await buildDetainee(admin, 8, { nationality: 'FRA', marking: 'C//REL TO IRQ, USA' });
    diplo = await clientFor(w.app, 'dip.usa');
    irq = await clientFor(w.app, 'reg.irq');
  });
  afterAll(async () => w?.close());

  it('moves a country through its statuses and records engagements, once per idempotency key', async () => {
    const first = await diplo.send('POST', '/api/repatriation/countries/FRA/status', { status: 'contacted', marking: 'C//REL TO FRA, USA' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ country: 'FRA', status: 'contacted', held: 2, marking: 'S//NOFORN' });
    const key = { 'idempotency-key': 'engage-fra-1' };
    const body = { kind: 'request', summary: 'Request for a decision', dueBy: '2026-02-01', marking: 'C//REL TO FRA, USA' };
    const a = await diplo.send('POST', '/api/repatriation/countries/FRA/engagements', body, key);
    const b = await diplo.send('POST', '/api/repatriation/countries/FRA/engagements', body, key);
    expect(a.statusCode, a.body).toBe(201);
    expect(b.body).toBe(a.body);
    const board = (await diplo.get('/api/repatriation/countries/FRA')).json();
    expect(board.engagements).toHaveLength(1);
    expect(board.transitions).toEqual(['negotiating', 'accepted', 'declined']);
  });

  it('counts for each caller only what they may see', async () => {
    const mine = (await diplo.get('/api/repatriation/countries')).json<TCountryList>();
    expect(mine.items.find((c) => c.country === 'FRA')).toMatchObject({ held: 2, status: 'contacted' });
    const theirs = (await irq.get('/api/repatriation/countries')).json<TCountryList>();
    // IRQ sees one detainee of the two and neither the country record (REL TO FRA, USA) nor the request.
    expect(theirs.items.find((c) => c.country === 'FRA')).toMatchObject({ held: 1, status: 'not-contacted', marking: 'C//REL TO IRQ, USA' });
    const map = (await irq.get('/api/repatriation/map')).json();
    expect(map.countries).toEqual([{ country: 'FRA', status: 'not-contacted', held: 1, repatriated: 0 }]);
  });

  it('refuse and withdraw: the reason is required; a diplomat may not', async () => {
    const noReason = problem(await irq.send('POST', '/api/repatriation/batches/nope/refuse', {}));
    expect(noReason).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(noReason.issues?.map((i) => i.field)).toEqual(['reason']);
    const badChoice = problem(await irq.send('POST', '/api/repatriation/batches/nope/withdraw', { reason: 'x', ifNoneReceived: 'later' }));
    expect(badChoice.issues?.map((i) => i.field)).toEqual(['ifNoneReceived']);
    expect(problem(await diplo.send('POST', '/api/repatriation/batches/nope/withdraw', { reason: 'unfit' }))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('answers bad input with problem+json naming the field', async () => {
    const bad = problem(await diplo.send('POST', '/api/repatriation/countries/FRA/engagements', { kind: 'answer', summary: 'yes', marking: 'U' }));
    expect(bad).toMatchObject({ status: 400, code: 'INVALID_INPUT' });
    expect(bad.issues?.map((i) => i.field)).toContain('outcome');
    const skip = problem(await diplo.send('POST', '/api/repatriation/countries/FRA/status', { status: 'completed' }));
    expect(skip).toMatchObject({ status: 409, code: 'REPATRIATION_BAD_TRANSITION' });
    const country = problem(await diplo.get('/api/repatriation/countries/france'));
    expect(country.status).toBe(400);
    const notReady = problem(await diplo.send('POST', '/api/repatriation/batches', { country: 'FRA', receivingAgency: 'IRQ-MOJ', place: 'X1', at: '2026-02-01', members: [{ kind: 'detainee', id: isn }], marking: 'C//REL TO USA' }));
    expect(notReady).toMatchObject({ status: 409, code: 'REPATRIATION_COUNTRY_NOT_READY' });
    expect(problem(await diplo.get('/api/repatriation/batches/01NOSUCHBATCH0000000000000')).status).toBe(404);
    expect(problem(await irq.send('POST', '/api/repatriation/countries/FRA/status', { status: 'negotiating' })).status).toBe(403);
  });
});
