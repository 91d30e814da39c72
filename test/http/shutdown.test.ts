import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, SESSION_COOKIE, type ServerHandle } from '../../src/server/index.js';
import { buildCast, PASSWORD, suiteClock } from '../support/factories.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { countRows } from './harness.js';

const ROWS = 1500;

function csv(): string {
  const lines = ['isn,name_ar,name_latin,nationality,sex,risk_tier,marking'];
  for (let i = 1; i <= ROWS; i += 1) lines.push(`SP-SY-${String(100_000 + i)},محمد حسن,Muhammad Hasan,IRQ,M,low,U`);
  return lines.join('\n');
}

/** Log lines of the server, and a promise of the first one that matches. */
function logTap() {
  const waiters: { test: (l: Record<string, unknown>) => boolean; resolve: () => void }[] = [];
  return {
    stream: {
      write(line: string) {
        const rec = JSON.parse(line) as Record<string, unknown>;
        for (const w of waiters.filter((x) => x.test(rec))) w.resolve();
      },
    },
    seen: (test: (l: Record<string, unknown>) => boolean) => new Promise<void>((resolve) => waiters.push({ test, resolve })),
  };
}

describe.each(DIALECTS)('graceful shutdown (%s)', (dialect) => {
  let store: TestStore;
  let server: ServerHandle;
  const tap = logTap();
  beforeAll(async () => {
    store = await openTestStore(dialect);
    await buildCast(store, suiteClock());
    server = await startServer({ databaseUrl: store.url, port: 0, host: '127.0.0.1' }, { handleSignals: false, logger: { level: 'info', stream: tap.stream } });
  });
  afterAll(async () => {
    await server?.close();
    await store?.drop();
  });

  it('finishes and acknowledges a write in flight, then refuses connections and closes the store', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'reg.usa', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);

    const received = tap.seen((l) => l.msg === 'incoming request' && (l.req as { url?: string } | undefined)?.url === '/api/detainees/import');
    let answeredAt = 0;
    const write = fetch(`${server.url}/api/detainees/import`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body: csv() })
      .then(async (res) => {
        answeredAt = performance.now();
        return { status: res.status, body: await res.json() };
      });
    await received;
    const closeCalledAt = performance.now();
    await server.close();
    const answer = await write;

    expect(closeCalledAt).toBeLessThan(answeredAt);
    expect(answer).toEqual({ status: 200, body: { created: ROWS, pendingReview: [] } });
    expect(await countRows(store, 'detainees')).toBe(ROWS);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await expect(server.close()).resolves.toBeUndefined();
  });
});
