import { describe, expect, it } from 'vitest';
import '../../src/access/index.js';
import '../../src/registry/index.js';
import { defineErrors, errorCatalogue, type ErrorKind } from '../../src/kernel/index.js';
import { buildApp, problemType, ServerErrors, statusOfCode, statusOfKind } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import { contextFor } from '../../src/access/index.js';
import { buildDetainee } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { loginCookie, openHttpWorld, problem } from './harness.js';

// Every module's index registers its codes on import; the server's own register with the server.
const KINDS: ErrorKind[] = ['invalid', 'not-found', 'forbidden', 'conflict', 'unauthenticated', 'unavailable', 'internal'];

describe('error catalogue → HTTP status', () => {
  const entries = [...errorCatalogue().entries()];

  it('holds the codes of every module', () => {
    const codes = entries.map(([code]) => code);
    for (const code of ['INVALID_INPUT', 'ACCESS_BAD_CREDENTIALS', 'REGISTRY_DUPLICATE_ISN', ServerErrors.IDEMPOTENCY_KEY_REUSED]) expect(codes).toContain(code);
  });

  it('documents every code, names it in namespaced SCREAMING_SNAKE, and gives it a unique problem type', () => {
    const types = new Set<string>();
    for (const [code, info] of entries) {
      expect(code, code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(info.when.trim().length, `${code} is undocumented`).toBeGreaterThan(10);
      expect(KINDS, code).toContain(info.kind);
      types.add(problemType(code));
    }
    expect(types.size).toBe(entries.length);
  });

  it('maps every code to an HTTP error status', () => {
    for (const [code] of entries) {
      const status = statusOfCode(code);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
    }
    expect(statusOfCode('NO_SUCH_CODE')).toBeUndefined();
  });

  it('maps kinds as documented, with the transport exceptions', () => {
    expect(KINDS.map(statusOfKind)).toEqual([400, 404, 403, 409, 401, 503, 500]);
    expect(statusOfCode('REGISTRY_DUPLICATE_ISN')).toBe(409);
    expect(statusOfCode('STALE_VERSION')).toBe(409);
    expect(statusOfCode(ServerErrors.BODY_TOO_LARGE)).toBe(413);
    expect(statusOfCode(ServerErrors.UNSUPPORTED_MEDIA_TYPE)).toBe(415);
    expect(statusOfCode(ServerErrors.IDEMPOTENCY_KEY_REUSED)).toBe(422);
  });

  it('refuses a code registered twice with another meaning', () => {
    const [code, info] = entries[0]!;
    expect(() => defineErrors({ [code]: { kind: info.kind === 'internal' ? 'invalid' : 'internal', when: 'something else' } })).toThrow(/defined twice/);
    expect(errorCatalogue().get(code)).toEqual(info);
  });
});

describe.each(DIALECTS)('HTTP answers to a failing store (%s)', (dialect) => {
  it('answers 500 INTERNAL without internals, and readiness 503', async () => {
    const w = await openHttpWorld(dialect);
    // A second handle on the same database, closed under a second app: every query of that app fails.
    const broken = await openStore(w.store.url);
    const app = await buildApp({ store: broken, clock: w.clock });
    try {
      const cookie = await loginCookie(app, 'reg.usa');
      await broken.close();
      const res = await app.inject({ method: 'GET', url: '/api/detainees', headers: { cookie } });
      expect(res.statusCode).toBe(500);
      const body = problem(res);
      expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'instance', 'requestId', 'status', 'title', 'type']);
      expect(body).toMatchObject({ code: 'INTERNAL', detail: 'internal error; the operation was not applied' });
      expect(res.body).not.toMatch(/kysely|sqlite|postgres|destroy|stack|at /i);
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
    } finally {
      await app.close();
      await w.close();
    }
  });
});

describe.each(DIALECTS)('HTTP answers to a stored value that does not read back (%s)', (dialect) => {
  it('answers 500 INTERNAL (a server fault, not the caller\'s input) and names nothing stored', async () => {
    const w = await openHttpWorld(dialect);
    try {
      const d = await buildDetainee(contextFor(w.store.db, w.cast.registrar, w.clock), 7);
      await w.store.db.updateTable('detainees').set({ keep_apart: '{"not":"a list"}' }).where('id', '=', d.id).execute();
      const cookie = await loginCookie(w.app, 'reg.usa');
      const res = await w.app.inject({ method: 'GET', url: `/api/detainees/${d.isn}`, headers: { cookie } });
      expect(res.statusCode).toBe(500);
      expect(problem(res)).toMatchObject({ code: 'INTERNAL', detail: 'internal error; the operation was not applied' });
      expect(res.body).not.toMatch(/keep_apart|not a list/);
      await w.store.db.updateTable('detainees').set({ keep_apart: 'not json' }).where('id', '=', d.id).execute();
      expect((await w.app.inject({ method: 'GET', url: `/api/detainees/${d.isn}`, headers: { cookie } })).statusCode).toBe(500);
    } finally {
      await w.close();
    }
  });
});
