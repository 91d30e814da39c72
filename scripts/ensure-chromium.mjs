#!/usr/bin/env node
// Makes sure Debian's chromium is there for the browser tests (test/e2e), which drive it with playwright-core.
// Installs it with apt-get when it is missing and we are root (as on CI); otherwise says what it found.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args) {
  process.stdout.write(`ensure-chromium: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with status ${r.status}`);
}

function version() {
  const r = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : 'present (its --version failed)';
}

if (existsSync(CHROMIUM)) {
  process.stdout.write(`ensure-chromium: ${version()} at ${CHROMIUM}\n`);
} else if (typeof process.getuid === 'function' && process.getuid() === 0) {
  process.stdout.write(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium (takes a minute or two)\n`);
  try {
    run('apt-get', ['update']);
    run('apt-get', ['install', '-y', 'chromium']);
  } catch (e) {
    process.stderr.write(`ensure-chromium: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  process.stdout.write(`ensure-chromium: installed ${version()}\n`);
} else {
  process.stdout.write(
    `ensure-chromium: ${CHROMIUM} is missing and this is not root; install it with \`sudo apt-get install -y chromium\`.\n` +
      'The browser tests (test/e2e) fail without it.\n',
  );
}
