import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyring, verifyLog } from '../../src/custody/index.js';
import { Prng } from '../../src/scenario/index.js';
import { openStore } from '../../src/store/index.js';
import { buildUser, operatorCtx, PASSWORD, suiteClock } from '../support/factories.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { AIRCRAFT, growLog, isnOf, openCustodyWorld } from './world.js';

// The real server, killed with SIGKILL at seeded random moments while clients append handovers over HTTP.
const CYCLES = 20;
const CLIENTS = 4;
const BIN = resolve(process.cwd(), 'bin/sallyport.js');

interface Server {
  proc: ChildProcess;
  url: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const proc = spawn(process.execPath, [BIN, '--json', 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${err}`)), 30_000);
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url": "([^"]+)"/.exec(out);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
      }
    });
    proc.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    proc.on('exit', (code) => rej(new Error(`server exited (${String(code)}): ${err}`)));
  });
  return { proc, url };
}

async function kill(s: Server): Promise<void> {
  if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
  const exited = new Promise((r) => s.proc.once('exit', r));
  s.proc.kill('SIGKILL');
  await exited;
}

describe.each(DIALECTS)('crash safety: SIGKILL while appending (%s)', (dialect) => {
  let store: TestStore;
  let env: Record<string, string>;
  let server: Server;
  let stopping = false;
  const rng = new Prng(`crash-test-${dialect}`);
  const acknowledged: { id: string; logIndex: number }[] = [];

  beforeAll(async () => {
    store = await openTestStore(dialect);
    const keyDir = join(mkdtempSync(join(tmpdir(), 'sallyport-keys-')), 'keys');
    const w = await openCustodyWorld(dialect, { detainees: CLIENTS, store, keyring: fileKeyring(keyDir) });
    // 254 entries before the first kill: the handovers that follow fill the first tile, which is packed (its tail
    // rows read back, the tile written, the rows deleted) in one of the transactions the kills interrupt.
    await growLog(w, { n: 1, count: 250, batches: [250] });
    for (const a of ['HF', 'JTF']) await buildUser(store, w.clock, { username: `${a.toLowerCase()}.c`, agency: a, clearance: 'S', roles: ['custodian'] });
    void operatorCtx(store, suiteClock());
    await store.close();
    env = { DATABASE_URL: store.url, SALLYPORT_KEY_DIR: keyDir };
  });
  afterAll(async () => {
    if (server) await kill(server);
    await store.drop();
  });

  /** One HTTP call, retried with the same idempotency key across crashes until the server answers. */
  async function call(cookie: string, path: string, body: unknown, key: string): Promise<{ status: number; json: Record<string, unknown> }> {
    for (;;) {
      try {
        const res = await fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { cookie, 'idempotency-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const json = (await res.json()) as Record<string, unknown>;
        if (res.status !== 503) return { status: res.status, json };
      } catch {
        // the server died under us: retry, with the same key, once it is back
      }
      await sleep(30);
    }
  }

  async function login(username: string): Promise<string> {
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    const cookie = res.headers.get('set-cookie');
    if (res.status !== 200 || !cookie) throw new Error(`login ${username}: ${res.status}`);
    return cookie.split(';')[0]!;
  }

  async function client(c: number, cookies: Record<'HF' | 'JTF', string>): Promise<void> {
    let holder: 'HF' | 'JTF' = 'HF';
    for (let k = 0; !stopping; k += 1) {
      const to: 'HF' | 'JTF' = holder === 'HF' ? 'JTF' : 'HF';
      const body = { detainee: isnOf(c + 1), to: { agency: to, place: to === 'JTF' ? AIRCRAFT : 'PRISON-A' }, condition: { status: 'fit' } };
      const created = await call(cookies[holder], '/api/custody/handovers', body, `c${c}-create-${k}`);
      expect(created.status, JSON.stringify(created.json)).toBe(201);
      const signed = await call(cookies[to], `/api/custody/handovers/${String(created.json.id)}/sign`, undefined, `c${c}-sign-${k}`);
      expect(signed.status, JSON.stringify(signed.json)).toBe(200);
      acknowledged.push({ id: String(signed.json.id), logIndex: Number(signed.json.logIndex) });
      holder = to;
    }
  }

  it(`every acknowledged handover survives ${CYCLES} SIGKILLs and the log verifies`, async () => {
    server = await startServer(env);
    const cookies = { HF: await login('hf.c'), JTF: await login('jtf.c') };
    let failure: unknown;
    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c, cookies).catch((e: unknown) => { failure ??= e; stopping = true; }));
    for (let cycle = 0; cycle < CYCLES && failure === undefined; cycle += 1) {
      await sleep(rng.int(80, 400));
      await kill(server);
      server = await startServer(env);
    }
    // A little more work after the last restart, then the clients stop (bounded, whatever happens).
    const before = acknowledged.length;
    for (const deadline = Date.now() + 30_000; acknowledged.length < before + CLIENTS && failure === undefined && Date.now() < deadline;) await sleep(20);
    stopping = true;
    await Promise.all(clients);
    await kill(server);
    if (failure !== undefined) throw failure;

    const check = await openStore(store.url);
    try {
      const rows = await check.db.selectFrom('custody_entries').select(['event_id', 'idx']).execute();
      const logged = new Map(rows.map((r) => [r.event_id, Number(r.idx)]));
      for (const a of acknowledged) expect(logged.get(a.id), a.id).toBe(a.logIndex);
      expect((await check.db.selectFrom('custody_tiles').select('tile').execute()).length).toBeGreaterThan(0);
      const report = await verifyLog({ ...operatorCtx({ ...store, db: check.db }, suiteClock()), db: check.db });
      expect(report).toMatchObject({ ok: true, firstBad: null });
      expect(acknowledged.length).toBeGreaterThan(CYCLES);
    } finally {
      await check.close();
    }
  }, 240_000);
});
