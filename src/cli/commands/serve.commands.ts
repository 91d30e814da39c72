import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError, parseConfig, startServer, type ServerConfig } from '../../server/index.js';
import { given, parseArgs } from '../args.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson } from '../output.js';
import { globalsOf, type GlobalOptions } from '../session.js';

const ZServeArgs = z.object({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
});

/** The server's settings: the environment (as the server reads it), then the command line over it. */
function configOf(g: GlobalOptions, io: CliIo, opts: { port?: string; host?: string }): ServerConfig {
  const args = parseArgs(ZServeArgs, given({ ...opts }));
  let config: ServerConfig;
  try {
    config = parseConfig(io.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const issues = e.problems.map((p) => ({ field: p.split(':')[0] ?? '', reason: p.slice(p.indexOf(':') + 1).trim() }));
    throw new UsageError('invalid configuration in the environment', issues);
  }
  return { ...config, ...given({ databaseUrl: g.databaseUrl, port: args.port, host: args.host }) };
}

/** Resolves on SIGINT, SIGTERM or the caller's abort signal, whichever comes first, and says which. */
function untilStopped(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (why: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    const onAbort = () => stop('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) stop('abort');
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `serve`: starts the HTTP API on the chosen store (migrating it first), prints its URL, stops on a signal. */
export function registerServeCommands(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('start the HTTP API; migrations run at start; stops gracefully on SIGINT or SIGTERM')
    .option('--port <n>', 'TCP port (default $PORT, else 8080; 0 picks a free one)')
    .option('--host <address>', 'address to listen on (default $HOST, else 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const config = configOf(g, io, opts);
      const server = await startServer(config, { handleSignals: false });
      try {
        if (g.json) await printJson(io.stdout, { url: server.url });
        else await writeLine(io.stdout, `sallyport listening on ${server.url}`);
        const why = await untilStopped(io.signal);
        if (!g.json) await writeLine(io.stderr, `${why}: shutting down`);
      } finally {
        await server.close();
      }
    });
}
