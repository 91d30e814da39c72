import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webUi } from './web-ui.js';

const HTML = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

async function appOver(distDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.get('/api/known', async () => ({ ok: true }));
  await app.register(webUi, { distDir });
  await app.ready();
  return app;
}

describe('the web UI plugin', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'sallyport-webui-'));
    mkdirSync(join(root, 'dist/assets'), { recursive: true });
    writeFileSync(join(root, 'dist/index.html'), '<!doctype html><title>ui</title>');
    writeFileSync(join(root, 'dist/assets/app-1a2b.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'outside dist');
    app = await appOver(join(root, 'dist'));
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves built files, hashed assets cached for good and the page never', async () => {
    const js = await app.inject({ url: '/assets/app-1a2b.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await app.inject({ url: '/', headers: HTML });
    expect(page.body).toContain('<title>ui</title>');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers any other page address a browser asks for with index.html, for the client-side router', async () => {
    const res = await app.inject({ url: '/detainees/SP-SY-000123?x=1', headers: HTML });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('<title>ui</title>');
  });

  it('leaves the API, the probes and non-page requests to the not-found handler', async () => {
    for (const url of ['/api/unknown', '/api', '/healthz/x', '/readyz']) {
      expect((await app.inject({ url, headers: HTML })).statusCode, url).toBe(404);
    }
    expect((await app.inject({ url: '/missing.png', headers: { accept: 'image/png' } })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/known', headers: HTML })).json()).toEqual({ ok: true });
  });

  it('never serves a file outside the build', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await app.inject({ url, headers: HTML });
      expect(res.body, url).not.toContain('outside dist');
    }
  });

  it('says how to build the UI when it is not built', async () => {
    const bare = await appOver(join(root, 'nowhere'));
    try {
      const res = await bare.inject({ url: '/facilities', headers: HTML });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build:web');
      expect((await bare.inject({ url: '/api/unknown', headers: HTML })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
