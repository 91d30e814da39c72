import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, openHttpWorld, type Client, type HttpWorld } from '../http/harness.js';
import { DIALECTS } from '../support/stores.js';

describe.each(DIALECTS)('coordination over HTTP (%s)', (dialect) => {
  let w: HttpWorld;
  let usa: Client;
  let irq: Client;
  let callId: string;

  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    usa = await clientFor(w.app, 'reg.usa');
    irq = await clientFor(w.app, 'reg.irq');
  });
  afterAll(async () => w.close());

  it('creates a call, records a decision and actions, and answers the same retry with the first answer', async () => {
    const call = await usa.send('POST', '/api/coordination/calls', { date: '2026-01-10', agencies: ['USA-JTF', 'IRQ-MOJ'] }, { 'idempotency-key': 'call-1' });
    expect(call.statusCode).toBe(201);
    callId = call.json<{ id: string }>().id;
    const again = await usa.send('POST', '/api/coordination/calls', { date: '2026-01-10', agencies: ['USA-JTF', 'IRQ-MOJ'] }, { 'idempotency-key': 'call-1' });
    expect(again.body).toBe(call.body);
    w.clock.advance(60_000);
    expect((await usa.send('POST', `/api/coordination/calls/${callId}/attendance`, { agency: 'IRQ-MOJ', person: 'Liaison officer' })).statusCode).toBe(200);
    expect((await usa.send('POST', `/api/coordination/calls/${callId}/decisions`, { text: 'Priority to the northern site', decidedBy: 'USA-JTF', marking: 'S//NOFORN' })).statusCode).toBe(201);
    const shared = await usa.send('POST', `/api/coordination/calls/${callId}/actions`, { title: 'Open two more intake lanes', owner: 'IRQ-MOJ', due: '2026-01-11', marking: 'C//REL TO IRQ, USA' });
    expect(shared.json()).toMatchObject({ status: 'open', owner: 'IRQ-MOJ', version: 1 });
    expect((await usa.send('POST', `/api/coordination/calls/${callId}/actions`, { title: 'Restricted tasking', owner: 'USA-JTF', due: '2026-01-12', marking: 'S//NOFORN' })).statusCode).toBe(201);
  });

  it('refuses bad input as a problem naming the field', async () => {
    const r = await usa.send('POST', `/api/coordination/calls/${callId}/actions`, { title: 'x', owner: 'NOPE', due: '2026-01-11' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'COORDINATION_UNKNOWN_AGENCY', field: 'owner' });
    const bad = await usa.send('POST', '/api/coordination/calls', { date: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'date' });
  });

  it('gives each reader the agenda and the SITREP they may see, with their banner', async () => {
    w.clock.set('2026-01-12T06:00:00.000Z');
    // Two days on, the sessions have expired: log in again.
    usa = await clientFor(w.app, 'reg.usa');
    irq = await clientFor(w.app, 'reg.irq');
    const low = (await irq.get('/api/coordination/agenda?date=2026-01-12')).json<{ items: { title: string }[]; banner: string }>();
    expect(low.items.map((i) => i.title)).toEqual(['Overdue: Open two more intake lanes (IRQ-MOJ, due 2026-01-11)']);
    expect(low.banner).toBe('CONFIDENTIAL//REL TO IRQ, USA');
    const high = (await usa.get('/api/coordination/agenda?date=2026-01-12')).json<{ items: { title: string }[]; banner: string }>();
    expect(high.items).toHaveLength(3);
    expect(high.banner).toBe('SECRET//NOFORN');

    const md = await irq.get('/api/coordination/sitrep/md?date=2026-01-12');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body.startsWith('**CONFIDENTIAL//REL TO IRQ, USA**\n')).toBe(true);
    expect(md.body).not.toContain('Restricted tasking');
    const html = await usa.get('/api/coordination/sitrep/html?date=2026-01-12');
    expect(html.body).toContain('Restricted tasking');
    const pdf = await usa.get('/api/coordination/sitrep/pdf?date=2026-01-12');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await irq.get(`/api/coordination/calls/${callId}`)).json()).toMatchObject({ decisions: [], banner: 'C//REL TO IRQ, USA' });
    expect((await irq.get('/api/coordination/outcomes')).statusCode).toBe(200);
  });
});
