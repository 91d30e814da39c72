import type { Command } from 'commander';
import { z } from 'zod';
import { LEVELS } from '../../kernel/index.js';
import { ROLES, ZAddUserRequest, ZAuditQuery, addUser, exportAudit, type TAuditRecord, type TUser } from '../../access/index.js';
import { collect, given, parseArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { started, writeLine } from '../io.js';
import { formatFields, printJson } from '../output.js';
import { openOutput, writeOutput } from '../output-file.js';
import { auditCsvHeader, auditCsvLine, auditNdjsonLine } from '../present/audit.present.js';
import { readPassword } from '../password.js';
import { globalsOf, withSession } from '../session.js';

interface AddUserOptions {
  username?: string;
  displayName?: string;
  agency?: string;
  clearance?: string;
  role?: string[];
  group?: string[];
  passwordEnv?: string;
}

const ZUserArgs = ZAddUserRequest.omit({ password: true });

function userFields(u: TUser): string[] {
  return formatFields([
    ['Username', u.username], ['Display name', u.displayName], ['Agency', `${u.agency.code} (${u.agency.name}, ${u.agency.country})`],
    ['Clearance', u.clearance], ['Roles', u.roles], ['Groups', u.groups], ['Id', u.id],
  ]);
}

function registerUserCommands(program: Command, io: CliIo): void {
  program
    .command('users')
    .description('user accounts (administrators)')
    .command('add')
    .description('add a user; the password comes from --password-env VAR or the first line of stdin, never an argument')
    .requiredOption('--username <name>', 'login name: lowercase letters, digits, . _ -')
    .requiredOption('--display-name <text>', 'name shown to others')
    .requiredOption('--agency <CODE>', 'agency code')
    .requiredOption('--clearance <level>', `one of ${LEVELS.join(', ')}`)
    .option('--role <role>', `a role (repeatable): ${ROLES.join(', ')}`, collect)
    .option('--group <GROUP>', 'a need-to-know caveat group (repeatable)', collect)
    .option('--password-env <VAR>', 'read the password from this environment variable')
    .action(async (opts: AddUserOptions, cmd: Command) => {
      const args = parseArgs(ZUserArgs, given({
        username: opts.username, displayName: opts.displayName, agency: opts.agency, clearance: opts.clearance,
        roles: opts.role ?? [], groups: opts.group,
      }), { roles: '--role', groups: '--group' });
      const password = await readPassword(io, opts.passwordEnv);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const user = await addUser(ctx, { ...args, password });
        if (json) await printJson(io.stdout, user);
        else for (const line of userFields(user)) await writeLine(io.stdout, line);
      });
    });
}

const ZExportArgs = ZAuditQuery.pick({ from: true, to: true, username: true, action: true }).extend({
  format: z.enum(['ndjson', 'csv']).default('ndjson'),
});

/** A bare date means its first instant, UTC; anything else must be a full ISO-8601 date-time. */
function instant(v: string | undefined): string | undefined {
  return v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v;
}

async function writeAudit(out: NodeJS.WritableStream, records: AsyncIterable<TAuditRecord>, format: 'ndjson' | 'csv'): Promise<number> {
  let n = 0;
  if (format === 'csv') await writeLine(out, auditCsvHeader());
  for await (const r of records) {
    await writeLine(out, format === 'csv' ? auditCsvLine(r) : auditNdjsonLine(r));
    n++;
  }
  return n;
}

interface ExportOptions {
  from?: string;
  to?: string;
  user?: string;
  action?: string;
  format?: string;
  out?: string;
}

function registerAuditCommands(program: Command, io: CliIo): void {
  program
    .command('audit')
    .description('the audit trail (auditors)')
    .command('export')
    .description('export the audit trail, oldest first; the export itself is audited')
    .option('--from <time>', 'from this instant (ISO-8601 date or date-time, inclusive)')
    .option('--to <time>', 'until this instant (exclusive)')
    .option('--user <username>', 'only what this user did')
    .option('--action <action>', 'only this action, e.g. detainee.read')
    .option('--format <format>', 'ndjson or csv', 'ndjson')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: ExportOptions, cmd: Command) => {
      const { format, ...filter } = parseArgs(ZExportArgs, given({
        from: instant(opts.from), to: instant(opts.to), username: opts.user, action: opts.action, format: opts.format,
      }), { username: '--user' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const records = await started(exportAudit(ctx, filter));
        const target = await openOutput(opts.out, io);
        const count = await writeOutput(target, (out) => writeAudit(out, records, format));
        if (!target.toStdout && !json) await writeLine(io.stderr, `exported ${count} audit events to ${opts.out ?? ''}`);
      });
    });
}

/** `users add` and `audit export`: thin commands over the access module's use cases. */
export function registerAccessCommands(program: Command, io: CliIo): void {
  registerUserCommands(program, io);
  registerAuditCommands(program, io);
}
