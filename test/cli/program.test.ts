import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { EXIT } from '../../src/cli/run-cli.js';
import { exitCodeOf } from '../../src/cli/exit-codes.js';
import { DomainError, errorCatalogue } from '../../src/kernel/index.js';
import { cli } from './harness.js';

const run = promisify(execFile);

describe('the sallyport program', () => {
  it('documents every exit code and the environment in --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const code of Object.values(EXIT)) expect(r.stdout).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
    expect(r.stdout).toContain('SALLYPORT_DEMO_PASSWORD');
    for (const command of ['serve', 'db', 'scenario', 'detainees', 'facilities', 'users', 'audit']) expect(r.stdout).toContain(`  ${command}`);
  });

  it('runs for real through bin/sallyport.js (node + tsx, no build)', async () => {
    const { stdout } = await run(process.execPath, ['bin/sallyport.js', '--help'], { cwd: join(import.meta.dirname, '../..') });
    expect(stdout).toContain('Usage: sallyport');
    expect(stdout).toContain('Exit codes:');
  });

  it('maps every registered error code to the exit code of its kind', () => {
    expect(errorCatalogue().size).toBeGreaterThan(10);
    for (const [code, info] of errorCatalogue()) {
      const exit = exitCodeOf(new DomainError(info.kind, code, 'x'));
      expect(exit, code).toBe(EXIT[info.kind]);
      expect(exit === EXIT.internal).toBe(info.kind === 'internal');
    }
  });

  it('prints the version', async () => {
    const r = await cli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('keeps --version for the program: no command takes an option of that name', () => {
    const clash: string[] = [];
    type Cmd = ReturnType<typeof buildProgram>;
    const walk = (c: Cmd, path: string): void => {
      for (const sub of c.commands) {
        if (sub.options.some((o) => o.long === '--version')) clash.push(`${path} ${sub.name()}`.trim());
        walk(sub, `${path} ${sub.name()}`);
      }
    };
    walk(buildProgram({ stdout: process.stdout, stderr: process.stderr, env: {} }), '');
    expect(clash).toEqual([]);
  });

  it('exits 2 for an unknown command or option, as text or JSON', async () => {
    const unknown = await cli(['detainees', 'frobnicate']);
    expect(unknown.code).toBe(2);
    const option = await cli(['--json', 'detainees', 'list', '--colour', 'red']);
    expect(option.code).toBe(2);
    expect(JSON.parse(option.stderr)).toMatchObject({ error: { code: 'CLI_USAGE', message: expect.stringContaining('--colour') } });
    expect((await cli([])).code).toBe(2);
  });

  it('exits 2 for a malformed DATABASE_URL or SALLYPORT_COUNTRY', async () => {
    const url = await cli(['db', 'migrate'], { env: { DATABASE_URL: 'mysql://nope' } });
    expect(url.code).toBe(2);
    expect(url.stderr).toContain('DATABASE_URL');
    const dir = mkdtempSync(join(tmpdir(), 'sallyport-cli-'));
    const country = await cli(['facilities', 'list'], { env: { DATABASE_URL: `sqlite:${join(dir, 'x.db')}`, SALLYPORT_COUNTRY: 'XX' } });
    expect(country.code).toBe(2);
    expect(country.stderr).toContain('SALLYPORT_COUNTRY');
  });

  it('migrates a fresh store, then finds it up to date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sallyport-cli-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'fresh.db')}` };
    const first = await cli(['--json', 'db', 'migrate'], { env });
    expect(first.code, first.stderr).toBe(0);
    expect((JSON.parse(first.stdout) as { applied: string[] }).applied.length).toBeGreaterThan(0);
    const second = await cli(['db', 'migrate'], { env });
    expect(second.stdout).toContain('schema up to date');
  });
});
