/**
 * `npm start`: the demo on the embedded store. Migrates, loads the reference scenario the first time
 * (with a progress bar), then serves the API (and the web UI once built) on one port, printing the URL
 * and the demo logins. The demo password comes from SALLYPORT_DEMO_PASSWORD, or is made up once and kept
 * beside the database (data/demo-password, mode 0600) so later starts print the same one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import cliProgress from 'cli-progress';
import { systemClock } from '../src/kernel/index.js';
import { contextFor, operatorPrincipal } from '../src/access/index.js';
import { DEFAULT_DATABASE_URL, migrateToLatest, openStore, parseDatabaseUrl } from '../src/store/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../src/scenario/index.js';
import { keyringFor } from '../src/custody/index.js';
import { loadConfig, startServer } from '../src/server/index.js';
import { ensureWebBuilt } from './web-build.js';

const SEED = 'reference';

function demoPassword(databaseUrl: string): string {
  if (process.env.SALLYPORT_DEMO_PASSWORD) return process.env.SALLYPORT_DEMO_PASSWORD;
  const target = parseDatabaseUrl(databaseUrl);
  const file = join(target.dialect === 'sqlite' ? dirname(target.path) : 'data', 'demo-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const pw = randomBytes(12).toString('base64url');
  writeFileSync(file, `${pw}\n`, { mode: 0o600 });
  return pw;
}

async function* lines(): AsyncGenerator<string> {
  for (const r of generateScenario({ seed: SEED })) yield serializeRecord(r);
}

async function loadReferenceIfEmpty(databaseUrl: string, password: string): Promise<string[]> {
  const store = await openStore(databaseUrl);
  try {
    await migrateToLatest(store);
    const users = await store.db.selectFrom('users').select('username').orderBy('username').execute();
    if (users.length > 0) return users.map((u) => u.username);
    const ctx = contextFor(store.db, operatorPrincipal(process.env.SALLYPORT_COUNTRY ?? 'USA'), systemClock, { requestId: 'start' });
    const bar = new cliProgress.SingleBar({ format: 'loading reference scenario [{bar}] {value} records', stream: process.stderr }, cliProgress.Presets.shades_classic);
    bar.start(50_000, 0);
    const result = await loadScenario(ctx, lines(), { demoPassword: password, keyring: keyringFor(databaseUrl, process.env.SALLYPORT_KEY_DIR), onProgress: (p) => bar.update(p.records) });
    bar.setTotal(result.records);
    bar.update(result.records);
    bar.stop();
    return [...result.users].sort();
  } finally {
    await store.close();
  }
}

ensureWebBuilt(); // builds web/dist first when it is missing or older than web/src
const config = loadConfig(process.env);
const databaseUrl = config.databaseUrl ?? DEFAULT_DATABASE_URL;
const password = demoPassword(databaseUrl);
const users = await loadReferenceIfEmpty(databaseUrl, password);
const server = await startServer(config);
process.stdout.write(
  `\nSallyport is running at ${server.url}\n` +
    `API docs: ${server.url}/api/docs\n` +
    `Demo logins (password: ${password}):\n  ${users.join('\n  ')}\n` +
    `Local administration: npx sallyport --as operator …\n`,
);
