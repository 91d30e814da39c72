import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, SESSION_COOKIE, type SallyportApp } from '../../src/server/index.js';
import { openScenarioStore } from '../support/scenario.js';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { clientOf, problem, type Client } from '../http/harness.js';
import { acledCsv, battle } from './world.js';

const PASSWORD = 'http-warning-password-1';
const today = new Date().toISOString().slice(0, 10);

async function login(app: SallyportApp, username: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  const c = res.cookies.find((k) => k.name === SESSION_COOKIE);
  if (!c) throw new Error(`login ${username}: ${res.statusCode}`);
  return clientOf(app, `${SESSION_COOKIE}=${c.value}`);
}

describe.each(DIALECTS)('warning and agreements over HTTP (%s)', (dialect) => {
  let store: TestStore;
  let app: SallyportApp;
  let jtf: Client;
  let hf: Client;
  beforeAll(async () => {
    store = await openScenarioStore(dialect, { seed: 'warning-http', detainees: 40, facilities: 3, aircraft: 4, campResidents: 0 }, { demoPassword: PASSWORD });
    app = await buildApp({ store });
    await app.ready();
    jtf = await login(app, 'jtf.s');
    hf = await login(app, 'hf.c');
  });
  afterAll(async () => {
    await app?.close();
    await store?.drop();
  });

  it('imports ACLED CSV as text/csv only; a bad file is a problem listing every line, nothing stored', async () => {
    const csv = acledCsv([battle('H1', today, { latitude: '36.5', longitude: '40.75' }), battle('H2', today, { fatalities: 'many' })]);
    expect((await jtf.send('POST', '/api/warning/events/import', csv, { 'content-type': 'application/json' })).statusCode).toBe(415);
    const bad = await jtf.send('POST', '/api/warning/events/import', csv, { 'content-type': 'text/csv' });
    expect(bad.statusCode).toBe(400);
    const p = problem(bad);
    expect(p.code).toBe('WARNING_IMPORT_INVALID');
    expect(p.issues).toEqual([{ field: 'line 3: fatalities', reason: 'not a number: many' }]);
    expect((await jtf.get(`/api/warning/events?from=${today}`)).json()).toMatchObject({ total: 0 });
    const good = await jtf.send('POST', '/api/warning/events/import?marking=U', acledCsv([battle('H1', today)]), { 'content-type': 'text/csv', 'idempotency-key': 'imp-1' });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ imported: 1 });
    const again = await jtf.send('POST', '/api/warning/events/import?marking=U', acledCsv([battle('H1', today)]), { 'content-type': 'text/csv', 'idempotency-key': 'imp-1' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await jtf.get(`/api/warning/events?from=${today}`)).json()).toMatchObject({ total: 1 });
  });

  it('serves the board, one site\'s factors and history, scoped to the reader', async () => {
    const board = await jtf.get('/api/warning/risk?asOf=2026-01-05T06:00:00Z');
    expect(board.statusCode).toBe(200);
    expect((board.json().items as { facility: string }[]).map((i) => i.facility).sort()).toEqual(['DRK', 'GHW', 'HOL', 'PAN', 'ROJ']);
    expect(board.json().marking).toBe('S//REL TO IRQ, USA');
    const one = await jtf.get('/api/warning/risk/GHW?asOf=2026-01-05T06:00:00Z');
    expect(one.json().factors).toHaveLength(8);
    const h = await jtf.get('/api/warning/risk/GHW/history?from=2025-12-01T00:00:00Z&to=2026-01-20T00:00:00Z');
    expect(h.json().points.length).toBe(51);
    expect((await hf.get('/api/warning/risk?asOf=2026-01-05T06:00:00Z')).json().marking).toBe('C//REL TO IRQ, SYR, USA');
    expect((await hf.get('/api/warning/risk/BIAP')).statusCode).toBe(404);
    expect((await jtf.get('/api/warning/backtest')).json().forecasts).toBeGreaterThan(0);
  });

  it('acknowledges an alert once (409 after); 403 for a role without warning:ack, 404 for a reader who may not see it', async () => {
    const [a] = (await jtf.get('/api/warning/alerts?status=open')).json().items as { id: string }[];
    expect(a).toBeDefined();
    // The intelligence service sees the alert but does not sit on the call that acknowledges it; the holding force may not see it.
    const intel = await login(app, 'intel.s');
    expect((await intel.send('POST', `/api/warning/alerts/${a!.id}/ack`, {})).statusCode).toBe(403);
    expect((await hf.send('POST', `/api/warning/alerts/${a!.id}/ack`, {})).statusCode).toBe(404);
    const ok = await jtf.send('POST', `/api/warning/alerts/${a!.id}/ack`, { note: 'seen on the call' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'jtf.s', note: 'seen on the call' });
    expect(problem(await jtf.send('POST', `/api/warning/alerts/${a!.id}/ack`, {})).code).toBe('WARNING_ALERT_ACKNOWLEDGED');
  });

  it('creates and signs an agreement; bad transitions are conflicts', async () => {
    const diplo = await login(app, 'diplo.s');
    const body = {
      code: 'TA-HTTP-1', title: 'HTTP test', holdingAgency: 'HF', receivingAgency: 'IRQ-CTS', airliftAgency: 'JTF', destination: 'BIAP', validFrom: '2026-01-01',
      perDay: 50, assurances: [
        { kind: 'humanitarian-access', text: 'a' }, { kind: 'humane-treatment', text: 'b' }, { kind: 'no-onward-transfer-without-consent', text: 'c' },
      ], marking: 'C//REL TO IRQ, USA',
    };
    const created = await diplo.send('POST', '/api/agreements', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(problem(await diplo.send('POST', '/api/agreements/TA-HTTP-1/status', { to: 'signed' })).code).toBe('AGREEMENTS_BAD_TRANSITION');
    expect((await diplo.send('POST', '/api/agreements/TA-HTTP-1/status', { to: 'negotiating' })).statusCode).toBe(200);
    expect((await diplo.send('POST', '/api/agreements/TA-HTTP-1/status', { to: 'signed', version: 2 })).json().status).toBe('signed');
    expect((await diplo.send('POST', '/api/agreements', { ...body, code: 'TA-HTTP-2', perDay: -1 })).statusCode).toBe(400);
    expect((await hf.get('/api/agreements/TA-HTTP-1')).statusCode).toBe(404);
    expect(((await jtf.get('/api/agreements?status=signed')).json().items as { code: string }[]).map((a) => a.code)).toEqual(['TA-HTTP-1', 'TA-MAIN-02']);
  });
});
