import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/stores.js';
import { openHttpWorld, type HttpWorld } from './harness.js';

describe.each(DIALECTS)('HTTP OpenAPI document (%s)', (dialect) => {
  let w: HttpWorld;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
  });
  afterAll(async () => w?.close());

  it('serves an OpenAPI 3.1 document of every route, without a session', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    for (const path of ['/api/detainees', '/api/detainees/{id}', '/api/detainees/import', '/api/detainees.ndjson', '/api/reviews/{id}/resolve', '/api/audit']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerToken', 'sessionCookie']);
    const register = doc.paths['/api/detainees'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['isn', 'nameAr', 'marking']));
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['201', '202', '4XX']));
    expect((register.parameters as { name: string }[]).map((p) => p.name)).toContain('idempotency-key');
    expect(doc.paths['/api/detainees/import'].post.requestBody.content).toHaveProperty(['text/csv']);
    expect(doc.paths['/api/auth/login'].post.security).toEqual([]);
    const refs = [...res.body.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty([ref]);
  });

  it('serves the documentation UI without a session', async () => {
    const res = await w.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });
});
