import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../src/access/index.js';
import type { TCandidate, TCandidatePage, TEnrollResult, TIdentity } from '../../src/identity/index.js';
import { buildDetainee, buildUser } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, openHttpWorld, problem, type HttpWorld } from '../http/harness.js';
import { templatesOf } from './identity-world.js';

describe.each(DIALECTS)('identity over HTTP (%s)', (dialect) => {
  let w: HttpWorld;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    await buildUser(w.store, w.clock, { username: 'id.usa', agency: 'USA-JTF', clearance: 'S', roles: ['identity'] });
    await buildUser(w.store, w.clock, { username: 'id.irq', agency: 'IRQ-MOJ', clearance: 'C', roles: ['identity'] });
    const reg = contextFor(w.store.db, w.cast.registrar, w.clock);
    await buildDetainee(reg, 201, { nameLatin: 'Khalid Omar al-Tunisi', nameAr: 'خالد عمر التونسي', nationality: 'TUN' });
    await buildDetainee(reg, 202, { nameLatin: 'Abu Hamza al-Tunisi', nameAr: 'أبو حمزة التونسي', nationality: 'TUN', marking: 'S//REL TO USA' });
  });
  afterAll(async () => w?.close());

  const enroll = (isn: string, person: string, noise: string, over: Record<string, number> = {}) => ({ isn, officer: 'HTTP Officer', station: 'ENR-9', templates: templatesOf(person, noise, over), descriptive: { nationality: 'TUN' } });

  it('enrolls; a capture below the floor is a 400 problem naming the template and asking for a re-capture', async () => {
    const usa = await clientFor(w.app, 'id.usa');
    const low = await usa.send('POST', '/api/identity/enrollments', enroll('SP-SY-000201', 'K', 'k1', { face: 20 }));
    expect(low.statusCode).toBe(400);
    expect(problem(low)).toMatchObject({ code: 'IDENTITY_QUALITY_BELOW_FLOOR' });
    expect(JSON.stringify(problem(low))).toMatch(/templates\.10\.quality.*re-capture the face/);
    const ok = await usa.send('POST', '/api/identity/enrollments', enroll('SP-SY-000201', 'K', 'k1'));
    expect(ok.statusCode, ok.body).toBe(201);
    const second = await usa.send('POST', '/api/identity/enrollments', enroll('SP-SY-000202', 'K', 'k2'));
    expect((second.json<TEnrollResult>()).candidates).toBe(1);
  });

  it('queues the pair for the cleared analyst only, and a decision links them', async () => {
    const usa = await clientFor(w.app, 'id.usa');
    const irq = await clientFor(w.app, 'id.irq');
    expect((await irq.get('/api/identity/candidates')).json()).toMatchObject({ total: 0, items: [] });
    const page = (await usa.get('/api/identity/candidates')).json<TCandidatePage>();
    expect(page.total).toBe(1);
    const c = page.items[0]!;
    expect((await irq.get(`/api/identity/candidates/${c.id}`)).statusCode).toBe(404);
    const bad = await usa.send('POST', `/api/identity/candidates/${c.id}/decision`, { decision: 'maybe', reason: 'x' });
    expect(bad.statusCode).toBe(400);
    const d = await usa.send('POST', `/api/identity/candidates/${c.id}/decision`, { decision: 'same', reason: 'prints and face agree' });
    expect(d.statusCode, d.body).toBe(200);
    expect((d.json<TCandidate>()).status).toBe('same');
    const id = (await usa.get('/api/identity/detainees/SP-SY-000201')).json<TIdentity>();
    expect(id.aliases.map((a) => a.name)).toContain('Abu Hamza al-Tunisi');
    expect(id.marking).toBe('S//REL TO USA');
    const irqView = (await irq.get('/api/identity/detainees/SP-SY-000201')).json<TIdentity>();
    expect(irqView.aliases.map((a) => a.name)).not.toContain('Abu Hamza al-Tunisi');
  });

  it('exports and imports ANSI/NIST-ITL; a corrupt file is a 400 naming record and field', async () => {
    const usa = await clientFor(w.app, 'id.usa');
    const ex = await usa.get('/api/identity/detainees/SP-SY-000201/an2');
    expect(ex.statusCode).toBe(200);
    const { base64 } = ex.json<{ base64: string }>();
    const again = await usa.send('POST', '/api/identity/an2', { base64 });
    expect(again.statusCode).toBe(409);
    const broken = Buffer.from(base64, 'base64').subarray(0, 200).toString('base64');
    const bad = await usa.send('POST', '/api/identity/an2', { base64: broken });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).code).toBe('IDENTITY_AN2_MALFORMED');
    expect(JSON.stringify(problem(bad))).toMatch(/record \d \(Type-\d+\).*truncated/);
  });

  it('compares two records with each component', async () => {
    const usa = await clientFor(w.app, 'id.usa');
    const r = await usa.send('POST', '/api/identity/compare', { a: { names: ['Qasim Ali al-Obeidi'], birthDate: '1985-02-01', birthPlace: 'Kirkuk', nationality: 'IRQ' }, b: { names: ['Kassem Ali el-Obaidi'], birthDate: '1985-02-01', birthPlace: 'Kerkuk', nationality: 'IRQ' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ match: true, components: [{ name: 'names', similarity: 1 }, { name: 'birth' }, { name: 'place' }, { name: 'nationality' }] });
  });
});
