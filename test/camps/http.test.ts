import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/stores.js';
import { problem, type Client, type HttpWorld } from '../http/harness.js';
import { csvOf, motherWithTwo, openCampHttpWorld } from './camp-world.js';

describe.each(DIALECTS)('camps over HTTP (%s)', (dialect) => {
  let w: HttpWorld;
  let hf: Client;
  let irq: Client;
  let isn: string;
  beforeAll(async () => {
    ({ w, hf, irq, isn } = await openCampHttpWorld(dialect));
  });
  afterAll(async () => w?.close());

  it('imports CSV, lists, shows and exports residents', async () => {
    const csv = csvOf(motherWithTwo('HOL-X0001', isn));
    expect((await hf.send('POST', '/api/camps/import', csv, { 'content-type': 'application/json' })).statusCode).toBe(415);
    const imported = await hf.send('POST', '/api/camps/import', csv, { 'content-type': 'text/csv' });
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ created: 3, households: 1, flags: [], shelters: 0, pendingReview: [] });
    const page = await hf.get('/api/camps/residents?camp=HOL&search=Fatima');
    expect(page.json()).toMatchObject({ total: 1, items: [{ nameLatin: 'Fatima Hassan', withheld: [] }] });
    const one = await hf.get(`/api/camps/residents/${page.json().items[0].id as string}`);
    expect(one.json().detaineeLinks[0].isn).toBe(isn);
    const lines = (await hf.get('/api/camps/residents.ndjson?camp=HOL')).body.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect((await hf.get('/api/camps/residents/01NOSUCHRESIDENT000000000')).statusCode).toBe(404);
  });

  it('withholds from an agency without an agreement every personal field, and refuses its filters', async () => {
    const page = (await irq.get('/api/camps/residents?camp=HOL')).json();
    expect(page.total).toBe(3);
    expect(Object.keys(page.items[0]).sort()).toEqual(['camp', 'id', 'marking', 'status', 'withheld']);
    const refused = await irq.get('/api/camps/residents?camp=HOL&nationality=IRQ');
    expect(refused.statusCode).toBe(403);
    expect(problem(refused).code).toBe('CAMPS_FIELD_WITHHELD');
  });

  it('releases a mother with her two children, idempotently; the population and the cohorts follow', async () => {
    const ids = ((await hf.get('/api/camps/residents?household=HOL-X0001')).json().items as { id: string }[]).map((r) => r.id);
    const cohortsBefore = (await hf.get('/api/camps/cohorts?camp=HOL&asOf=2026-01-10')).json();
    expect(cohortsBefore.camps[0].groups[0].children).toBe(2);
    const bad = await hf.send('POST', '/api/camps/HOL/releases', { residents: ids.slice(1), releasedTo: 'aunt', destination: 'Mosul', destinationCountry: 'IRQ' });
    expect(bad.statusCode).toBe(409);
    expect(problem(bad).code).toBe('CAMPS_CHILD_WITHOUT_GUARDIAN');
    const body = { residents: ids, releasedTo: 'Sponsor', destination: 'Mosul', destinationCountry: 'IRQ', agreement: 'REL-1' };
    const first = await hf.send('POST', '/api/camps/HOL/releases', body, { 'idempotency-key': 'release-1' });
    expect(first.statusCode, first.body).toBe(201);
    const again = await hf.send('POST', '/api/camps/HOL/releases', body, { 'idempotency-key': 'release-1' });
    expect(again.body).toBe(first.body);
    expect((await hf.get('/api/camps/HOL/population')).json()).toMatchObject({ fromEvents: 0, registry: 0, matches: true });
    expect((await hf.get('/api/camps/cohorts?camp=HOL&asOf=2026-01-10')).json().camps[0].groups).toEqual([]);
    expect((await hf.get('/api/camps')).json().items).toEqual([{ code: 'HOL', name: 'Facility HOL', population: 0, authority: 'HF' }]);
  });

  it('hands over control and documents every route', async () => {
    const res = await hf.send('POST', '/api/camps/HOL/handover', { to: 'IRQ-MOJ', fields: ['names', 'birth'], reference: 'DSA-1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ control: { agency: string }[] }>().control.map((c) => c.agency)).toEqual(['HF', 'IRQ-MOJ']);
    const page = (await irq.get('/api/camps/residents?camp=HOL')).json();
    expect(Object.keys(page.items[0]).sort()).toEqual(['age', 'birthDate', 'birthEstimated', 'birthYear', 'camp', 'id', 'marking', 'nameAr', 'nameLatin', 'status', 'withheld']);
    expect((await irq.get('/api/camps/worklist?camp=HOL')).statusCode).toBe(403);
    expect((await hf.get('/api/camps/worklist?camp=HOL&ages=12,18&unassigned=true')).statusCode).toBe(403);
    const doc = (await w.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/camps', '/api/camps/{id}', '/api/camps/residents', '/api/camps/residents/{id}/graph', '/api/camps/{id}/releases', '/api/camps/{id}/handover', '/api/camps/cohorts', '/api/camps/import']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
