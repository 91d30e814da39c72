/**
 * The server side of bench/api.bench.ts, run as a child process so that the load generator and the server
 * do not share one event loop. `api-server.ts sallyport DATABASE_URL` serves the real app over a store the
 * bench has loaded; `api-server.ts bare BODIES_JSON` serves the same response bodies from bare Fastify
 * routes (no session, no store, no access rules): the baseline. Either prints `listening URL` on stdout
 * once it accepts connections, listens on loopback only, and exits on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { startServer } from '../src/server/index.js';

const [mode, arg] = process.argv.slice(2);

async function main(): Promise<void> {
  if (mode === 'sallyport' && arg) {
    const server = await startServer({ databaseUrl: arg, port: 0, host: '127.0.0.1', logLevel: 'silent' }, { logger: false });
    process.stdout.write(`listening ${server.url}\n`);
    return;
  }
  if (mode === 'bare' && arg) {
    const bodies = JSON.parse(readFileSync(arg, 'utf8')) as Record<string, string>;
    const app = Fastify({ logger: false });
    for (const [path, body] of Object.entries(bodies)) {
      app.get(path, async (_req, reply) => reply.header('content-type', 'application/json; charset=utf-8').send(body));
    }
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
    process.stdout.write(`listening ${url}\n`);
    return;
  }
  throw new Error('usage: api-server.ts sallyport DATABASE_URL | bare BODIES_JSON');
}

await main();
