import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { levelRank, parseMarking, type Level } from '../../src/kernel/index.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { cli, cliOn, type CliResult, type RunOptions } from './harness.js';

const KNOBS = ['--seed', 'cli-test', '--detainees', '40', '--facilities', '2', '--aircraft', '3', '--camp-residents', '20'];
const DEMO_PASSWORD = 'demo-password-for-tests';

function visibleDetainees(r: CliResult): { isn: string; marking: string }[] {
  expect(r.code, r.stderr).toBe(0);
  const items = JSON.parse(r.stdout) as unknown;
  expect(Array.isArray(items)).toBe(true);
  return items as { isn: string; marking: string }[];
}

describe('scenario commands', () => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let file: string;
  let users: string[];

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    run = cliOn(store.url);
    file = join(mkdtempSync(join(tmpdir(), 'sallyport-cli-')), 'tiny.ndjson');
    const generated = await cli(['scenario', 'generate', ...KNOBS, '--out', file]);
    expect(generated.code, generated.stderr).toBe(0);
    const loaded = await run(['--json', 'scenario', 'load', file], { env: { SALLYPORT_DEMO_PASSWORD: DEMO_PASSWORD } });
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(loaded.stderr).toBe('');
    users = (JSON.parse(loaded.stdout) as { users: string[] }).users;
  });

  afterAll(async () => {
    await store.drop();
  });

  it('generates the same bytes for the same seed, to a file or to stdout', async () => {
    const again = await cli(['scenario', 'generate', ...KNOBS, '--out', '-']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toBe(readFileSync(file, 'utf8'));
    expect(JSON.parse(again.stdout.split('\n')[0]!)).toMatchObject({ type: 'scenario', seed: 'cli-test' });
  });

  it('leaves the query planner statistics behind, so list pages walk the ISN index instead of sorting the table', async () => {
    const stats = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'detainees'`.execute(store.db);
    expect(stats.rows.length).toBeGreaterThan(0);
    // Gathered after the rows arrived: the first figure is the table's row count.
    expect(stats.rows.every((r) => r.stat.startsWith('40 '))).toBe(true);
  });

  it('loads the file and lists detainees as a JSON array of objects with `isn`', async () => {
    expect(users.length).toBeGreaterThan(0);
    const items = visibleDetainees(await run(['--as', 'jtf.ts', '--json', 'detainees', 'list', '--limit', '1000']));
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => /^SP-[A-Z]{2}-\d{6,9}$/.test(d.isn))).toBe(true);
  });

  it('shows a low-clearance demo user fewer detainees, none above their clearance', async () => {
    const high = visibleDetainees(await run(['--as', 'intel.ts', '--json', 'detainees', 'list', '--limit', '1000']));
    const low = visibleDetainees(await run(['--as', 'jtf.u', '--json', 'detainees', 'list', '--limit', '1000']));
    expect(low.length).toBeLessThan(high.length);
    const above = (lvl: Level) => (d: { marking: string }) => levelRank(parseMarking(d.marking).level) > levelRank(lvl);
    expect(low.filter(above('U'))).toEqual([]);
    expect(new Set(high.map((d) => d.isn))).toEqual(new Set([...high, ...low].map((d) => d.isn)));
  });

  it('lists the facilities the user may see, as JSON or under a banner', async () => {
    const json = await run(['--as', 'jtf.ts', '--json', 'facilities', 'list', '--kind', 'prison']);
    expect(json.code, json.stderr).toBe(0);
    const prisons = JSON.parse(json.stdout) as { code: string; kind: string }[];
    expect(prisons.length).toBeGreaterThan(0);
    expect(prisons.every((f) => f.kind === 'prison')).toBe(true);
    const text = await run(['--as', 'jtf.ts', 'facilities', 'list']);
    const [banner, header] = text.stdout.split('\n');
    expect(banner).toMatch(/^(UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)/);
    expect(header).toMatch(/^CODE\s+NAME\s+KIND/);
  });

  it('refuses to load without a demo password, or into a store that already holds a scenario', async () => {
    const none = await run(['scenario', 'load', file]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--demo-password');
    const twice = await run(['scenario', 'load', file, '--demo-password', DEMO_PASSWORD]);
    expect(twice.code).toBe(6);
  });

  it('refuses a missing file and bad knobs as usage errors', async () => {
    expect((await run(['scenario', 'load', '/nonexistent/x.ndjson', '--demo-password', DEMO_PASSWORD])).code).toBe(2);
    const bad = await cli(['scenario', 'generate', '--seed', 's', '--detainees', 'many', '--out', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--detainees');
  });
});
