import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { contextFor, operatorPrincipal, addAgency, type TAddAgencyRequest } from '../../src/access/index.js';
import { systemClock } from '../../src/kernel/index.js';
import type { DialectName, Store } from '../../src/store/index.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { runCli } from '../../src/cli/run-cli.js';

/** What one in-process run of the CLI printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(spy?: (text: string) => void): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      chunks.push(text);
      spy?.(text);
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Text piped on stdin; without it stdin is absent. */
  stdin?: string;
  /** Stops a long-running command (serve). */
  signal?: AbortSignal;
  /** Sees stdout as it is written (a server's URL before the command returns). */
  onStdout?: (text: string) => void;
}

/** Runs `sallyport <argv>` in-process with captured output and only the given environment. */
export async function cli(argv: string[], opts: RunOptions = {}): Promise<CliResult> {
  const out = collector(opts.onStdout);
  const err = collector();
  const code = await runCli(argv, {
    stdout: out.stream,
    stderr: err.stream,
    env: { TZ: 'UTC', ...opts.env },
    ...(opts.stdin === undefined ? {} : { stdin: Readable.from([opts.stdin]) }),
    ...(opts.signal === undefined ? {} : { signal: opts.signal }),
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

/** A CLI bound to one store: every call gets `--database-url`. */
export function cliOn(url: string): (argv: string[], opts?: RunOptions) => Promise<CliResult> {
  return (argv, opts) => cli(['--database-url', url, ...argv], opts);
}

/** The agencies the CLI tests use; there is no CLI command for agencies, so they are added directly. */
export const TEST_AGENCIES: TAddAgencyRequest[] = [
  { code: 'USA-JTF', name: 'Joint Task Force', country: 'USA', kind: 'military' },
  { code: 'USA-OIG', name: 'Office of the Inspector General', country: 'USA', kind: 'law-enforcement' },
];

export async function addTestAgencies(store: Store): Promise<void> {
  const ctx = contextFor(store.db, operatorPrincipal('USA'), systemClock, { requestId: 'test-setup' });
  for (const a of TEST_AGENCIES) await addAgency(ctx, a);
}

/** A password that satisfies the policy; handed to the CLI through the environment only. */
export const TEST_PASSWORD = 'correct-horse-battery-staple';

/** Adds a user through `users add` as the local operator; fails the test when the CLI refuses. */
export async function addUserViaCli(url: string, args: string[]): Promise<void> {
  const r = await cliOn(url)(['users', 'add', ...args, '--password-env', 'PW'], { env: { PW: TEST_PASSWORD } });
  if (r.code !== 0) throw new Error(`users add failed (${r.code}): ${r.stderr}`);
}

/** A fresh store of `dialect` with a scenario generated from `knobs` and loaded through the CLI. */
export async function storeWithScenario(dialect: DialectName, knobs: string[], prefix: string): Promise<{ store: TestStore; run: (argv: string[], opts?: RunOptions) => Promise<CliResult>; dir: string }> {
  const store = await openTestStore(dialect);
  const run = cliOn(store.url);
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const file = join(dir, 'scenario.ndjson');
  const generated = await cli(['scenario', 'generate', ...knobs, '--out', file]);
  if (generated.code !== 0) throw new Error(`scenario generate failed: ${generated.stderr}`);
  const loaded = await run(['scenario', 'load', file], { env: { SALLYPORT_DEMO_PASSWORD: 'demo-password-for-tests' } });
  if (loaded.code !== 0) throw new Error(`scenario load failed: ${loaded.stderr}`);
  return { store, run, dir };
}
