import type { Command } from 'commander';
import { z } from 'zod';
import { startServer } from '../../server/index.js';
import { given, parseArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson } from '../output.js';
import { databaseUrlOf, globalsOf } from '../session.js';

const ZServeArgs = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
});

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
    .description('start the HTTP API and web app; migrations run at start; stops cleanly on SIGINT or SIGTERM')
    .option('--port <n>', 'TCP port (default $PORT, else 3000; 0 picks a free one)')
    .option('--host <address>', 'address to listen on (default $HOST, else 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const args = parseArgs(ZServeArgs, given({ port: opts.port ?? io.env.PORT, host: opts.host ?? io.env.HOST }));
      const server = await startServer({ databaseUrl: databaseUrlOf(g, io.env), port: args.port, host: args.host });
      if (g.json) await printJson(io.stdout, { url: server.url });
      else await writeLine(io.stdout, `sallyport listening on ${server.url}`);
      const why = await untilStopped(io.signal);
      if (!g.json) await writeLine(io.stderr, `${why}: shutting down`);
      await server.close();
    });
}
