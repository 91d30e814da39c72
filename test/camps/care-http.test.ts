import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampRecords } from '../../src/camps/index.js';
import { contextFor, operatorPrincipal } from '../../src/access/index.js';
import { buildAgency, buildDetainee, buildFacility, buildUser, operatorCtx } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, openHttpWorld, problem, type Client, type HttpWorld } from '../http/harness.js';
import { csvOf, EPOCH, motherWithTwo } from './camp-world.js';

describe.each(DIALECTS)('camps over HTTP: ending a guardianship, duplicate reviews (%s)', (dialect) => {
  let w: HttpWorld;
  let hf: Client;
  let irq: Client;
  let isn: string;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    await buildAgency(w.store, w.clock, { code: 'HF', country: 'SYR', kind: 'holding-force' });
    await buildUser(w.store, w.clock, { username: 'hf.staff', agency: 'HF', clearance: 'S', roles: ['registrar', 'custodian', 'child-protection'], groups: ['CHILD'] });
    await buildUser(w.store, w.clock, { username: 'moj.viewer', agency: 'IRQ-MOJ', clearance: 'C', roles: ['viewer'], groups: ['CHILD'] });
    const admin = contextFor(w.store.db, { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] }, w.clock);
    await buildFacility(admin, { code: 'HOL', kind: 'camp', guardAgency: 'HF', marking: 'U' });
    isn = (await buildDetainee(admin, 5, { marking: 'C//REL TO CHE, IRQ, SYR, USA' })).isn;
    await seedCampRecords(operatorCtx(w.store, w.clock), w.store.db, { epoch: EPOCH });
    hf = await clientFor(w.app, 'hf.staff');
    irq = await clientFor(w.app, 'moj.viewer');
  });
  afterAll(async () => w?.close());

  it('ends a guardianship, naming the field at fault in a refusal; reviews are for reviewers', async () => {
    const imported = await hf.send('POST', '/api/camps/import', csvOf(motherWithTwo('HOL-Y0001', isn)), { 'content-type': 'text/csv' });
    expect(imported.statusCode, imported.body).toBe(200);
    const list = await hf.get('/api/camps/residents?search=Maryam');
    const child = list.json<{ items: { id: string }[] }>().items[0]!;
    const g = (await hf.get(`/api/camps/residents/${child.id}`)).json<{ guardians: { id: string }[] }>().guardians[0]!;
    const bad = await hf.send('POST', `/api/camps/guardianships/${g.id}/end`, { reason: 'released', on: '2031-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).field).toBe('on');
    expect(problem(await hf.send('POST', `/api/camps/guardianships/${g.id}/end`, { on: '2026-01-10' })).issues?.[0]?.field).toMatch(/reason/);
    const ended = await hf.send('POST', `/api/camps/guardianships/${g.id}/end`, { reason: 'mother released to family' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: g.id, child: child.id, remainingGuardians: 0, flaggedUnaccompanied: true });
    expect((await hf.send('POST', `/api/camps/guardianships/${g.id}/end`, { reason: 'again' })).statusCode).toBe(409);
    expect((await irq.send('POST', `/api/camps/guardianships/${g.id}/end`, { reason: 'not mine' })).statusCode).toBe(403);
    expect((await hf.get('/api/camps/reviews')).json()).toEqual({ items: [] });
    expect((await irq.get('/api/camps/reviews')).statusCode).toBe(403);
    expect(problem(await hf.send('POST', '/api/camps/reviews/NOPE/decide', { decision: 'maybe' })).issues?.[0]?.field).toMatch(/decision/);
    expect((await hf.send('POST', '/api/camps/reviews/NOPE/decide', { decision: 'same' })).statusCode).toBe(404);
  });
});
