import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/stores.js';
import { addTestAgencies, addUserViaCli, cliOn, TEST_PASSWORD, type CliResult, type RunOptions } from './harness.js';

const VIEWER = ['--display-name', 'Analyst', '--agency', 'USA-JTF', '--clearance', 'S', '--role', 'viewer'];

describe('users and audit commands', () => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    run = cliOn(store.url);
    dir = mkdtempSync(join(tmpdir(), 'sallyport-cli-'));
    await addTestAgencies(store);
    await addUserViaCli(store.url, ['--username', 'aud', '--display-name', 'Auditor', '--agency', 'USA-OIG', '--clearance', 'U', '--role', 'auditor']);
  });

  afterAll(async () => {
    await store.drop();
  });

  it('adds a user (password from an environment variable) who can then act via --as', async () => {
    const added = await run(['--json', 'users', 'add', '--username', 'ana', ...VIEWER, '--group', 'HCS', '--password-env', 'NEW_PW'], { env: { NEW_PW: TEST_PASSWORD } });
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'ana', clearance: 'S', roles: ['viewer'], groups: ['HCS'], agency: { code: 'USA-JTF' } });
    expect(added.stdout).not.toContain(TEST_PASSWORD);
    const acting = await run(['--as', 'ana', '--json', 'detainees', 'list']);
    expect(acting.code, acting.stderr).toBe(0);
    expect(JSON.parse(acting.stdout)).toEqual([]);
  });

  it('reads the password from piped stdin when no --password-env is given', async () => {
    const r = await run(['users', 'add', '--username', 'piped', ...VIEWER], { stdin: `${TEST_PASSWORD}\nignored\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Username:\s+piped$/m);
  });

  it('refuses users add without a password source, with a weak one, or twice', async () => {
    expect((await run(['users', 'add', '--username', 'nopw', ...VIEWER])).code).toBe(2);
    const weak = await run(['users', 'add', '--username', 'weak', ...VIEWER], { stdin: 'short\n' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('at least 12 characters');
    const again = await run(['users', 'add', '--username', 'ana', ...VIEWER], { stdin: `${TEST_PASSWORD}\n` });
    expect(again.code).toBe(6);
    const noRole = await run(['users', 'add', '--username', 'norole', '--display-name', 'x', '--agency', 'USA-JTF', '--clearance', 'U'], { stdin: `${TEST_PASSWORD}\n` });
    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toContain('--role');
  });

  it('lets only administrators add users (exit 5 for anyone else)', async () => {
    const r = await run(['--as', 'aud', 'users', 'add', '--username', 'sneaky', ...VIEWER], { stdin: `${TEST_PASSWORD}\n` });
    expect(r.code).toBe(5);
  });

  it('exits 7 for an unknown --as user, also from SALLYPORT_USER', async () => {
    expect((await run(['--as', 'ghost', 'facilities', 'list'])).code).toBe(7);
    const env = await run(['--json', 'facilities', 'list'], { env: { SALLYPORT_USER: 'ghost' } });
    expect(env.code).toBe(7);
    expect(JSON.parse(env.stderr)).toMatchObject({ error: { code: 'CLI_UNKNOWN_USER' } });
  });

  it('exports the audit trail as NDJSON for an auditor, and exits 5 for anyone else', async () => {
    const denied = await run(['--as', 'ana', 'audit', 'export']);
    expect(denied.code).toBe(5);
    expect(denied.stdout).toBe('');
    const r = await run(['--as', 'aud', 'audit', 'export']);
    expect(r.code, r.stderr).toBe(0);
    const events = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { action: string; username: string; requestId: string | null });
    const actions = events.map((e) => e.action);
    expect(actions).toContain('user.add');
    expect(actions).toContain('detainee.list');
    expect(actions.at(-1)).toBe('audit.export');
    expect(events.every((e) => e.requestId === null || /^(cli-[0-9A-Z]{26}|test-setup)$/.test(e.requestId))).toBe(true);
  });

  it('filters the export and writes CSV to a file', async () => {
    const out = join(dir, 'audit.csv');
    const r = await run(['--as', 'aud', 'audit', 'export', '--user', 'operator', '--action', 'user.add', '--format', 'csv', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(header).toBe('id,at,username,userId,agencyId,action,subjectType,subjectId,outcome,ip,requestId,details');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.includes(',operator,') && row.includes(',user.add,'))).toBe(true);
  });

  it('creates no file when the export is refused, and rejects a bad --from', async () => {
    const out = join(dir, 'denied.ndjson');
    expect((await run(['--as', 'ana', 'audit', 'export', '--out', out])).code).toBe(5);
    expect(existsSync(out)).toBe(false);
    const bad = await run(['--as', 'aud', 'audit', 'export', '--from', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from');
    expect((await run(['--as', 'aud', 'audit', 'export', '--from', '2020-01-01', '--format', 'xml'])).code).toBe(2);
  });
});
