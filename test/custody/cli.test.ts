import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../support/stores.js';
import { cli, cliOn, type CliResult, type RunOptions } from '../cli/harness.js';

const KNOBS = ['--seed', 'custody-cli', '--detainees', '30', '--facilities', '2', '--aircraft', '3', '--camp-residents', '0'];

function ok(r: CliResult): string {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('custody commands (sqlite)', () => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;
  let isn: string;
  let tail: string;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    run = cliOn(store.url);
    dir = mkdtempSync(join(tmpdir(), 'sallyport-custody-cli-'));
    const file = join(dir, 'tiny.ndjson');
    ok(await cli(['scenario', 'generate', ...KNOBS, '--out', file]));
    ok(await run(['--json', 'scenario', 'load', file], { env: { SALLYPORT_DEMO_PASSWORD: 'demo-password-for-tests' } }));
    const seen = (user: string) => run(['--as', user, '--json', 'detainees', 'list', '--limit', '1000']).then((r) => (JSON.parse(ok(r)) as { isn: string }[]).map((d) => d.isn));
    const jtf = new Set(await seen('jtf.s'));
    isn = (await seen('hf.s')).find((x) => jtf.has(x))!;
    tail = (await store.db.selectFrom('aircraft').select('tail').orderBy('tail').executeTakeFirstOrThrow()).tail;
  });
  afterAll(async () => store.drop());

  it('the scenario load logged every intake, signed, with keys kept beside the store (0600)', async () => {
    const keys = JSON.parse(ok(await run(['--json', 'custody', 'keys', 'list']))) as { log: string; keys: { agency: string | null; role: string }[] };
    expect(keys.log).toMatch(/^sallyport\/log\+[0-9a-f]{8}\+/);
    expect(keys.keys.filter((k) => k.role === 'agency').map((k) => k.agency)).toContain('HF');
    const keyDir = join(dirname(store.url.slice('sqlite:'.length)), 'keys');
    expect(existsSync(keyDir)).toBe(true);
    expect(statSync(keyDir).mode & 0o777).toBe(0o700);
    const report = JSON.parse(ok(await run(['--json', 'custody', 'verify']))) as { ok: boolean; entries: number };
    expect(report).toMatchObject({ ok: true, entries: 30 });
  });

  it('runs a handover from the CLI: created by the holding force, signed by the airlift command', async () => {
    const created = JSON.parse(ok(await run(['--as', 'hf.s', '--json', 'custody', 'handover', 'create', '--detainee', isn, '--to', 'JTF', '--to-place', tail, '--condition', 'fit', '--biometric-score', '0.95', '--witness', 'Observer:HUM-OBS:observer']))) as { id: string; status: string };
    expect(created.status).toBe('pending');
    expect(ok(await run(['--as', 'jtf.s', 'custody', 'handover', 'list']))).toContain(created.id);
    const signed = JSON.parse(ok(await run(['--as', 'jtf.s', '--json', 'custody', 'handover', 'sign', created.id]))) as { status: string; signedBy: string[] };
    expect(signed).toMatchObject({ status: 'completed', signedBy: ['HF', 'JTF'] });
    const timeline = ok(await run(['--as', 'jtf.s', 'custody', 'timeline', isn]));
    expect(timeline).toMatch(/handover\s+HF@\S+ -> JTF@\S+\s+HF, JTF\s+verified/);
    expect(JSON.parse(ok(await run(['--as', 'jtf.s', '--json', 'detainees', 'show', isn])))).toMatchObject({ custodian: 'JTF', status: 'in-transit' });
  });

  it('exports a bundle that check-bundle accepts with no database, and rejects once altered', async () => {
    const file = join(dir, 'bundle.json');
    ok(await run(['--as', 'jtf.s', 'custody', 'proof', '--detainee', isn, '--out', file]));
    const checked = await cli(['custody', 'check-bundle', file], { env: { DATABASE_URL: 'postgres://nowhere.invalid/none' } });
    expect(ok(checked)).toMatch(/^bundle OK: detainee SP-/);
    const text = readFileSync(file, 'utf8');
    writeFileSync(join(dir, 'bad.json'), text.replace('"fit"', '"unfit"'));
    const bad = await cli(['custody', 'check-bundle', join(dir, 'bad.json')]);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/bundle REJECTED/);
    expect(bad.stderr).toMatch(/CUSTODY_BUNDLE_REJECTED|bundle rejected/);
  });

  it('prints the checkpoint, consistency proofs, one-entry proofs, and records a witnessed head', async () => {
    const note = ok(await run(['custody', 'checkpoint']));
    expect(note).toMatch(/^sallyport\/custody\n31\n[A-Za-z0-9+/]{43}=\ntime \S+\n\n\u2014 sallyport\/log \S+\n$/);
    expect(ok(await run(['custody', 'consistency', '5', '31'])).trim().split('\n').every((l) => /^[A-Za-z0-9+/]{43}=$/.test(l))).toBe(true);
    expect((await run(['custody', 'consistency', '9', '3'])).code).toBe(3);
    expect(ok(await run(['--as', 'jtf.s', 'custody', 'proof', '--index', '30']))).toMatch(/^c2sp\.org\/tlog-proof@v1\nindex 30\n/);
    const cpFile = join(dir, 'checkpoint.txt');
    writeFileSync(cpFile, note);
    expect(ok(await run(['--as', 'hf.s', 'custody', 'witness', '--checkpoint', cpFile]))).toMatch(/consistent/);
    writeFileSync(cpFile, note.replace('\n31\n', '\n32\n'));
    expect((await run(['--as', 'hf.s', 'custody', 'witness', '--checkpoint', cpFile])).code).toBe(3);
  });

  it('refuses a handover the acting agency does not hold, and key commands without a target', async () => {
    const r = await run(['--as', 'hf.s', 'custody', 'handover', 'create', '--detainee', isn, '--to', 'IRQ-CTS', '--to-place', 'BIAP', '--condition', 'fit']);
    expect(r.code, r.stderr).toBe(5);
    expect(r.stderr).toMatch(/held by JTF, not HF/);
    expect((await run(['custody', 'keys', 'create'])).code).toBe(2);
    expect((await run(['custody', 'keys', 'create', '--agency', 'HF'])).code).toBe(6);
    expect(ok(await run(['custody', 'keys', 'rotate', '--agency', 'HF']))).toMatch(/sallyport\/agency\/HF\/2\+/);
  });
  it('lists the recorded verifications: who ran each, over which head, with what result', async () => {
    ok(await run(['--as', 'jtf.s', 'custody', 'verify', '--skip-signatures']));
    const runs = JSON.parse(ok(await run(['--as', 'jtf.s', '--json', 'custody', 'verifications', '--limit', '5']))) as { runBy: string; ok: boolean; signatures: boolean }[];
    expect(runs[0]).toMatchObject({ runBy: 'jtf.s', ok: true, signatures: false });
    expect(ok(await run(['--as', 'jtf.s', 'custody', 'verifications'])).split('\n')[0]).toMatch(/ OK {3}size \d+ by jtf\.s$/);
    expect((await run(['--as', 'jtf.s', 'custody', 'verifications', '--limit', '0'])).code).toBe(2);
  });
});
