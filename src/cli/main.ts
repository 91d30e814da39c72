/**
 * The `sallyport` entry point (bin/sallyport.js loads it through tsx): runs the command line with the
 * process's streams and environment and sets the exit status. Everything else lives in run-cli.ts.
 */
import { runCli } from './run-cli.js';

// A reader that goes away early (`sallyport audit export | head`) is not an error of ours.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  // Lazy: touching process.stdin opens it, which only `users add` without --password-env needs.
  get stdin() {
    return process.stdin;
  },
});
