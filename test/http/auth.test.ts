import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/index.js';
import { buildUser, PASSWORD } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, loginCookie, openHttpWorld, problem, type HttpWorld } from './harness.js';

describe.each(DIALECTS)('HTTP auth (%s)', (dialect) => {
  let w: HttpWorld;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    await buildUser(w.store, w.clock, { username: 'lock.me', agency: 'USA-JTF', clearance: 'U', roles: ['viewer'] });
  });
  afterAll(async () => w?.close());

  it('logs in: an HTTP-only, SameSite=Strict session cookie and the user', async () => {
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reg.usa', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const body = res.json();
    expect(body.user).toMatchObject({ username: 'reg.usa', country: 'USA', clearance: 'S', roles: ['registrar'], agency: { code: 'USA-JTF' } });
    expect(body.expiresAt).toBe('2026-01-10T20:00:00.000Z');
    expect(JSON.stringify(body)).not.toContain(cookie?.value);
  });

  it('refuses a wrong password and an unknown user alike, as problem+json', async () => {
    const wrong = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reg.usa', password: 'not-the-password' } });
    const unknown = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody.here', password: 'not-the-password' } });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(problem(res)).toMatchObject({ code: 'ACCESS_BAD_CREDENTIALS', status: 401, type: 'urn:sallyport:problem:access-bad-credentials' });
      expect(res.cookies).toHaveLength(0);
    }
    const { requestId: _a, ...a } = problem(wrong);
    const { requestId: _b, ...b } = problem(unknown);
    expect(a).toEqual(b);
  });

  it('locks an account after 5 failures in a row, even against the right password', async () => {
    for (let i = 0; i < 5; i += 1) {
      const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lock.me', password: `wrong-password-${i}` } });
      expect(problem(res).code).toBe('ACCESS_BAD_CREDENTIALS');
    }
    const res = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lock.me', password: PASSWORD } });
    expect(res.statusCode).toBe(401);
    expect(problem(res)).toMatchObject({ code: 'ACCESS_ACCOUNT_LOCKED', lockedUntil: '2026-01-10T08:15:00.000Z' });
  });

  it('answers /api/auth/me for a session, 401 without one', async () => {
    const me = await (await clientFor(w.app, 'rev.usa')).get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'rev.usa', country: 'USA', clearance: 'TS', roles: ['reviewer'], groups: [] });
    const anon = await w.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problem(anon)).toMatchObject({ code: 'UNAUTHENTICATED', instance: '/api/auth/me' });
  });

  it('ends a session idle for longer than 30 minutes', async () => {
    const client = await clientFor(w.app, 'reg.usa');
    w.clock.advance(29 * 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    w.clock.advance(29 * 60_000); // idle time restarts on use
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    w.clock.advance(31 * 60_000);
    const res = await client.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(problem(res).code).toBe('ACCESS_SESSION_EXPIRED');
  });

  it('issues a bearer token that works without the cookie and outlives the idle limit', async () => {
    const client = await clientFor(w.app, 'aud.usa');
    const res = await client.send('POST', '/api/auth/tokens', { name: 'nightly export', days: 30 });
    expect(res.statusCode).toBe(201);
    const { token } = res.json<{ token: string }>();
    const tooLong = await client.send('POST', '/api/auth/tokens', { name: 'forever', days: 91 });
    expect(problem(tooLong)).toMatchObject({ code: 'INVALID_INPUT', field: 'days' });
    w.clock.advance(2 * 3_600_000);
    const me = await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('aud.usa');
    const bad = await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}x` } });
    expect(problem(bad).code).toBe('ACCESS_SESSION_EXPIRED');
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const cookie = await loginCookie(w.app, 'reg.usa');
    const out = await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    const after = await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(problem(after).code).toBe('ACCESS_SESSION_EXPIRED');
  });

  it('answers health and readiness without a session, each with a request id', async () => {
    const live = await w.app.inject({ method: 'GET', url: '/healthz' });
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await w.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', store: dialect });
    expect(ready.headers['x-request-id']).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ready.headers['x-request-id']).not.toBe(live.headers['x-request-id']);
  });

  it('turns readiness to 503 and refuses new requests while draining; liveness stays up', async () => {
    const cookie = await loginCookie(w.app, 'reg.usa');
    w.app.sallyport.lifecycle.draining = true;
    try {
      const ready = await w.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(problem(ready).code).toBe('UNAVAILABLE');
      expect(ready.headers.connection).toBe('close');
      expect((await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(503);
      expect((await w.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      w.app.sallyport.lifecycle.draining = false;
    }
    expect((await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('answers an unknown route with a problem', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(problem(res)).toMatchObject({ code: 'ROUTE_NOT_FOUND', instance: '/api/nothing-here' });
  });
});
