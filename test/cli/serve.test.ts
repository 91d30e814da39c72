import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/stores.js';
import { cli } from './harness.js';

describe('sallyport serve', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
  });

  afterAll(async () => {
    await store.drop();
  });

  it('prints the URL of a live server and stops cleanly when told to', async () => {
    const stop = new AbortController();
    let resolveUrl: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => {
      resolveUrl = resolve;
    });
    const done = cli(['--database-url', store.url, 'serve', '--port', '0'], {
      env: { LOG_LEVEL: 'silent' },
      signal: stop.signal,
      onStdout: (text) => {
        const m = /listening on (\S+)/.exec(text);
        if (m) resolveUrl(m[1]!);
      },
    });
    const base = await url;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    stop.abort();
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('abort: shutting down');
  });

  it('refuses a bad port as a usage error', async () => {
    const r = await cli(['--database-url', store.url, 'serve', '--port', 'http']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port');
  });
});
