import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { registerAccessCommands } from './commands/access.commands.js';
import { registerAirliftCommands } from './commands/airlift.commands.js';
import { registerIdentityCommands } from './commands/identity.commands.js';
import { registerCampsCommands } from './commands/camps.commands.js';
import { registerCoordinationCommands } from './commands/coordination.commands.js';
import { registerCasesCommands } from './commands/cases.commands.js';
import { registerCustodyCommands } from './commands/custody.commands.js';
import { registerDbCommands } from './commands/db.commands.js';
import { registerRegistryCommands } from './commands/registry.commands.js';
import { registerScenarioCommands } from './commands/scenario.commands.js';
import { registerServeCommands } from './commands/serve.commands.js';
import { registerWarningCommands } from './commands/warning.commands.js';
import { registerAgreementsCommands } from './commands/agreements.commands.js';
import { registerRepatriationCommands } from './commands/repatriation.commands.js';
import { EXIT_CODE_HELP, UsageError } from './exit-codes.js';
import type { CliIo } from './io.js';

function version(): string {
  // src/cli and dist/cli both sit two levels below the package root.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as unknown;
  return z.object({ version: z.string() }).parse(pkg).version;
}

const EPILOGUE = [
  '',
  'Environment:',
  '  DATABASE_URL             store to use when --database-url is absent (sqlite:PATH or postgres://…)',
  '  SALLYPORT_USER           user to act as when --as is absent',
  '  SALLYPORT_COUNTRY        country of the local operator (ISO 3166-1 alpha-3, default USA)',
  '  SALLYPORT_DEMO_PASSWORD  password of the demo users `scenario load` creates',
  '  SALLYPORT_KEY_DIR        directory of the private signing keys (default: keys/ beside the SQLite store)',
  '',
  'Exit codes:',
  ...EXIT_CODE_HELP.map(([code, meaning]) => `  ${String(code).padEnd(3)}${meaning}`),
].join('\n');

/**
 * The `sallyport` program: global options, then each module's commands. Commander never exits the process
 * or prints errors itself; `runProgram` turns its errors into usage errors.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('sallyport')
    .description('Coordinates the emergency transfer of detainees and the accountability work after (synthetic data only).')
    .version(version(), '-V, --version')
    .option('--json', 'machine output: JSON on stdout (lists are arrays), errors as JSON on stderr')
    .option('--as <user>', 'act as this stored user (default $SALLYPORT_USER; "operator" or none: the local operator)')
    .option('--database-url <url>', 'the store (default $DATABASE_URL, else sqlite:./data/sallyport.db)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => undefined,
    })
    .addHelpText('after', EPILOGUE);
  registerServeCommands(program, io);
  registerDbCommands(program, io);
  registerScenarioCommands(program, io);
  registerRegistryCommands(program, io);
  registerAccessCommands(program, io);
  registerCustodyCommands(program, io);
  registerCampsCommands(program, io);
  registerAirliftCommands(program, io);
  registerCoordinationCommands(program, io);
  registerWarningCommands(program, io);
  registerAgreementsCommands(program, io);
  registerRepatriationCommands(program, io);
  registerCasesCommands(program, io);
  registerIdentityCommands(program, io);
  return program;
}

/**
 * Parses `argv` (the arguments after the program name) and runs the command.
 * @throws UsageError for anything commander refuses (unknown command or option, missing argument); the
 *   errors of the command itself pass through unchanged.
 */
export async function runProgram(argv: readonly string[], io: CliIo): Promise<void> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    // --help and --version end with exit code 0 after printing.
    if (e.exitCode === 0) return;
    // A group without its subcommand (`sallyport detainees`) prints its help, which already says what is missing.
    const message = e.code === 'commander.help' ? 'a subcommand is required (see the help above)' : e.message.replace(/^error: /, '');
    // Name the option at fault when commander's message quotes one: "option '--limit <n>' argument missing".
    const flag = /'(--?[a-zA-Z][\w-]*)/.exec(message)?.[1];
    throw new UsageError(message, flag ? [{ field: flag, reason: message }] : []);
  }
}
