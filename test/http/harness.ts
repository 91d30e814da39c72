import type { LightMyRequestResponse } from 'fastify';
import type { FixedClock } from '../../src/kernel/index.js';
import { buildApp, SESSION_COOKIE, type SallyportApp } from '../../src/server/index.js';
import type { DialectName } from '../../src/store/index.js';
import { buildCast, PASSWORD, suiteClock, type Cast } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/stores.js';

/** One HTTP suite's world: a fresh store on one dialect, the cast of users, the app over both. */
export interface HttpWorld {
  store: TestStore;
  clock: FixedClock;
  cast: Cast;
  app: SallyportApp;
  close(): Promise<void>;
}

export async function openHttpWorld(dialect: DialectName): Promise<HttpWorld> {
  const store = await openTestStore(dialect);
  const clock = suiteClock();
  const cast = await buildCast(store, clock);
  const app = await buildApp({ store, clock });
  await app.ready();
  return { store, clock, cast, app, close: async () => { await app.close(); await store.drop(); } };
}

/** Logs `username` in with the factory password; the session cookie as a `cookie` header value. */
export async function loginCookie(app: SallyportApp, username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((k) => k.name === SESSION_COOKIE);
  if (!c) throw new Error('no session cookie');
  return `${SESSION_COOKIE}=${c.value}`;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A client of the app acting with one session cookie. */
export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function clientOf(app: SallyportApp, cookie: string): Client {
  return {
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
    send: (method, url, body, headers = {}) =>
      app.inject({ method, url, headers: { cookie, ...headers }, ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }) }),
  };
}

/** Logs in and returns a client. */
export async function clientFor(app: SallyportApp, username: string): Promise<Client> {
  return clientOf(app, await loginCookie(app, username));
}

/** The rows of a table, counted straight on the store. */
export async function countRows(store: TestStore, table: 'detainees' | 'audit_events' | 'idempotency_keys' | 'registration_reviews'): Promise<number> {
  const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A parsed problem body, after checking it is one. */
export function problem(res: LightMyRequestResponse): Record<string, unknown> & { code: string; status: number; issues?: { field: string; reason: string }[] } {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) throw new Error(`not a problem: ${String(res.headers['content-type'])} ${res.body}`);
  return res.json();
}
