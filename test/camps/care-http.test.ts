import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/stores.js';
import { problem, type Client, type HttpWorld } from '../http/harness.js';
import { csvOf, motherWithTwo, openCampHttpWorld } from './camp-world.js';

describe.each(DIALECTS)('camps over HTTP: ending a guardianship, duplicate reviews (%s)', (dialect) => {
  let w: HttpWorld;
  let hf: Client;
  let irq: Client;
  let isn: string;
  beforeAll(async () => {
    ({ w, hf, irq, isn } = await openCampHttpWorld(dialect));
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
