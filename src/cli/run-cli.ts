import { EXIT, exitCodeOf } from './exit-codes.js';
import type { CliIo } from './io.js';
import { runProgram } from './program.js';
import { formatError } from './report-error.js';

export type { CliIo } from './io.js';
export { EXIT } from './exit-codes.js';

// Errors are reported as JSON when --json is among the options, even when parsing fails before commander
// has read it. Arguments after `--` are operands, not options.
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * Runs one `sallyport` command line in-process and returns its exit status (see `EXIT`): the entry point
 * calls it with the process's streams, tests with their own. Errors are printed on `io.stderr` as
 * `error: <message>` with one line per field issue, or as `{"error": {…}}` with --json. Never throws.
 * @example
 *   const code = await runCli(['detainees', 'list', '--json'], { stdout, stderr, env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const json = wantsJson(argv);
  try {
    await runProgram(argv, io);
    return EXIT.ok;
  } catch (e) {
    const code = exitCodeOf(e);
    io.stderr.write(formatError(e, json));
    if (code === EXIT.internal && io.env.SALLYPORT_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return code;
  }
}
