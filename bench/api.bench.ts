import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon, { type Options, type Result } from 'autocannon';
import { systemClock } from '../src/kernel/index.js';
import { contextFor, operatorPrincipal } from '../src/access/index.js';
import { keyringFor } from '../src/custody/index.js';
import { SESSION_COOKIE } from '../src/server/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';

const PASSWORD = 'bench-password-1234';
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 8);

async function* referenceLines(): AsyncGenerator<string> {
  for (const r of generateScenario({ seed: 'reference' })) yield serializeRecord(r);
}

/** Starts `bench/api-server.ts` with `args` and resolves with the child and its URL once it listens. */
async function startChild(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'api-server.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`api-server ${args[0]} exited with ${code} before listening`)));
    lines.on('line', (l) => {
      if (l.startsWith('listening ')) resolve(l.slice('listening '.length));
    });
  });
  return { child, url };
}

/** Stops a child this bench started, by its PID, and waits for it to exit. */
async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error('no session cookie');
  return cookie.split(';')[0]!;
}

async function getJson<T>(url: string, cookie: string): Promise<{ text: string; json: T }> {
  const res = await fetch(url, { headers: { cookie } });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text}`);
  return { text, json: JSON.parse(text) as T };
}

async function load(options: Options): Promise<Result> {
  const r = await autocannon({ connections: 10, duration: SECONDS, ...options });
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`${options.title ?? options.url}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
  return r;
}

const rps = (r: Result) => r.requests.average;
const ms = (v: number) => `${v.toFixed(1)} ms`;

/**
 * The API under load, over loopback, on the reference scenario in the embedded SQLite store (DESIGN.md
 * "Performance targets": p99 ≤ 50 ms at 500 requests/s; list/show throughput ≥ 25 % of a bare Fastify
 * route in the same run; custody writes ≥ 200/s at p99 ≤ 100 ms). The server and the baseline run as child
 * processes (stopped by PID at the end); autocannon drives them from this process. The baseline serves the
 * very bodies the real routes answered, so the ratio is the cost of sessions, validation, access rules and
 * the store. BENCH_API_SECONDS sets each run's length (default 8 s).
 */
export async function benchApi(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-api-'));
  const databaseUrl = `sqlite:${join(dir, 'api.db')}`;
  let app: ChildProcess | undefined;
  let bare: ChildProcess | undefined;
  try {
    const store = await openStore(databaseUrl);
    await migrateToLatest(store);
    const ctx = contextFor(store.db, operatorPrincipal('USA'), systemClock, { requestId: 'bench' });
    const loaded = await loadScenario(ctx, referenceLines(), { demoPassword: PASSWORD, keyring: keyringFor(databaseUrl) });
    await store.close();
    process.stdout.write(`reference scenario: ${loaded.records} records loaded\n`);

    const started = await startChild(['sallyport', databaseUrl]);
    app = started.child;
    const url = started.url;
    const reader = await login(url, 'jtf.s');
    const custodian = await login(url, 'hf.s');

    const list = await getJson<{ items: { isn: string; custodian: string | null }[] }>(`${url}/api/detainees?limit=50`, reader);
    const isns = list.json.items.map((d) => d.isn).slice(0, 20);
    const show = await getJson(`${url}/api/detainees/${isns[0]!}`, reader);
    const held = (await getJson<{ items: { isn: string; custodian: string | null }[] }>(`${url}/api/detainees?limit=200`, custodian)).json.items
      .filter((d) => d.custodian === 'HF').map((d) => d.isn);
    if (held.length === 0) throw new Error('hf.s holds no detainee it can see');

    const bodies = join(dir, 'bodies.json');
    writeFileSync(bodies, JSON.stringify({ '/list': list.text, '/show': show.text }));
    const baseline = await startChild(['bare', bodies]);
    bare = baseline.child;

    const bareList = await load({ url: `${baseline.url}/list`, title: 'bare list' });
    const realList = await load({ url: `${url}/api/detainees?limit=50`, headers: { cookie: reader }, title: 'list' });
    const bareShow = await load({ url: `${baseline.url}/show`, title: 'bare show' });
    const realShow = await load({ url, headers: { cookie: reader }, requests: isns.map((isn) => ({ method: 'GET' as const, path: `/api/detainees/${isn}` })), title: 'show' });
    process.stdout.write(
      `list (50 detainees): ${Math.round(rps(realList))} req/s, p99 ${ms(realList.latency.p99)}; bare Fastify, same body: ${Math.round(rps(bareList))} req/s\n` +
        `ratio list / bare: ${(rps(realList) / rps(bareList)).toFixed(3)} (target ≥ 0.25)\n` +
        `show (one detainee): ${Math.round(rps(realShow))} req/s, p99 ${ms(realShow.latency.p99)}; bare Fastify, same body: ${Math.round(rps(bareShow))} req/s\n` +
        `ratio show / bare: ${(rps(realShow) / rps(bareShow)).toFixed(3)} (target ≥ 0.25)\n`,
    );

    const mixed = await load({
      url, headers: { cookie: reader }, connections: 20, overallRate: 500, duration: Math.max(SECONDS, 10), title: 'mixed at 500/s',
      requests: [{ method: 'GET', path: '/api/detainees?limit=50' }, ...isns.slice(0, 4).map((isn) => ({ method: 'GET' as const, path: `/api/detainees/${isn}` }))],
    });
    process.stdout.write(
      `mixed list/show at 500 req/s offered: ${Math.round(rps(mixed))} req/s served, p50 ${ms(mixed.latency.p50)}, p99 ${ms(mixed.latency.p99)} (target p99 ≤ 50 ms)\n`,
    );

    let n = 0;
    const writes = await load({
      url, connections: 10, overallRate: 200, title: 'custody writes at 200/s',
      headers: { cookie: custodian, 'content-type': 'application/json' },
      requests: [{
        method: 'POST', path: '/api/custody/events',
        setupRequest: (req) => {
          n += 1;
          const isn = held[n % held.length]!;
          return { ...req, body: JSON.stringify({ type: 'medical-event', detainee: isn, condition: { status: 'fit' }, description: `routine check ${n}` }) };
        },
      }],
    });
    process.stdout.write(
      `custody writes (signed, logged, durable) at 200/s offered: ${Math.round(rps(writes))} writes/s, p50 ${ms(writes.latency.p50)}, p99 ${ms(writes.latency.p99)} (target ≥ 200/s at p99 ≤ 100 ms)\n`,
    );
  } finally {
    await stopChild(bare);
    await stopChild(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
