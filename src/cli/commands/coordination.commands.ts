import type { Command } from 'commander';
import { z } from 'zod';
import {
  buildAgenda, buildSitrep, createAction, createCall, listActions, listCalls, outcomeDashboard, recordAttendance, recordDecision, renderSitrep,
  showCall, updateAction, SITREP_FORMATS,
  ZActionListQuery, ZActionRequest, ZActionUpdateRequest, ZAgendaQuery, ZAttendanceRequest, ZCallListQuery, ZCreateCallRequest, ZDate,
  ZDecisionRequest, ZOutcomesQuery, type TActionRequest, type TCreateCallRequest, type TDecisionRequest,
} from '../../coordination/index.js';
import { given, parseArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { write, writeLine } from '../io.js';
import { openOutput, writeOutput } from '../output-file.js';
import { progressOn } from '../progress.js';
import { printJson, printMarked } from '../output.js';
import { actionTable, agendaLines, callLines, callTable, outcomeLines } from '../present/coordination.present.js';
import { globalsOf, withSession } from '../session.js';

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));
const ZSitrepArgs = z.strictObject({ date: ZDate.optional(), format: z.enum(SITREP_FORMATS).default('md'), out: z.string().min(1).optional() });

function registerCallCommands(coord: Command, io: CliIo): void {
  const call = coord.command('call').description('coordination calls: create, list, show, record attendance');
  call.command('create').description('create a call (today\'s call starts now; another day\'s at 07:00 UTC unless --starts-at)')
    .option('--date <date>', 'the day of the call, YYYY-MM-DD').option('--title <text>', 'title').option('--starts-at <instant>', 'when it starts (ISO 8601)')
    .option('--agencies <codes>', 'participating agencies, comma-separated').option('--marking <marking>', 'e.g. C//REL TO IRQ, USA (default U)')
    .action(async (opts: { date?: string; title?: string; startsAt?: string; agencies?: string; marking?: string }, cmd: Command) => {
      // Validated here for the flags' sake; the use case validates the same input again on its own terms.
      const input = given({ ...opts, agencies: list(opts.agencies) }) as TCreateCallRequest;
      parseArgs(ZCreateCallRequest, input);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const c = await createCall(ctx, input);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, [c.marking], callTable([c]));
      });
    });
  call.command('list').description('calls you may see, newest first').option('--from <date>', 'from this day').option('--to <date>', 'up to this day')
    .action(async (opts: { from?: string; to?: string }, cmd: Command) => {
      const q = parseArgs(ZCallListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const calls = await listCalls(ctx, q);
        if (json) await printJson(io.stdout, calls);
        else await printMarked(io.stdout, calls.map((c) => c.marking), callTable(calls));
      });
    });
  call.command('show').description('a call with its attendance, decisions and actions').argument('<call>', 'call id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const c = await showCall(ctx, id);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, [c.banner], callLines(c));
      });
    });
  call.command('attend').description('record who attended a call (or --absent: sent apologies)').argument('<call>', 'call id')
    .option('--agency <code>', 'agency code').option('--person <name>', 'who').option('--absent', 'sent apologies')
    .action(async (id: string, opts: { agency?: string; person?: string; absent?: boolean }, cmd: Command) => {
      const input = parseArgs(ZAttendanceRequest, given({ agency: opts.agency, person: opts.person, present: opts.absent ? false : undefined }), { present: '--absent' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const c = await recordAttendance(ctx, id, input);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, [c.banner], callLines(c));
      });
    });
}

function registerWorkCommands(coord: Command, io: CliIo): void {
  coord.command('agenda').description('what changed since the last call, from every module, as you may see it')
    .option('--date <date>', 'the day (default today)').option('--call <id>', 'the agenda of this call')
    .action(async (opts: { date?: string; call?: string }, cmd: Command) => {
      const q = parseArgs(ZAgendaQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await buildAgenda(ctx, q);
        if (json) await printJson(io.stdout, a);
        else await printMarked(io.stdout, [a.marking], agendaLines(a));
      });
    });
  coord.command('decide').description('record a decision taken on a call').argument('<call>', 'call id')
    .option('--text <text>', 'the decision').option('--by <who>', 'who decided').option('--marking <marking>', 'default: the call\'s')
    .action(async (id: string, opts: { text?: string; by?: string; marking?: string }, cmd: Command) => {
      const input = given({ text: opts.text, decidedBy: opts.by, marking: opts.marking }) as TDecisionRequest;
      parseArgs(ZDecisionRequest, input, { decidedBy: '--by' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const d = await recordDecision(ctx, id, input);
        if (json) await printJson(io.stdout, d);
        else await printMarked(io.stdout, [d.marking], [`decision ${d.id} recorded: ${d.text} — decided by ${d.decidedBy}`]);
      });
    });
  coord.command('act').description('record an action item on a call').argument('<call>', 'call id')
    .option('--title <text>', 'what is to be done').option('--owner <agency>', 'the agency that owes it').option('--due <date>', 'due date YYYY-MM-DD')
    .option('--decision <id>', 'the decision it follows from').option('--marking <marking>', 'default: the call\'s')
    .action(async (id: string, opts: { title?: string; owner?: string; due?: string; decision?: string; marking?: string }, cmd: Command) => {
      const input = given({ ...opts }) as TActionRequest;
      parseArgs(ZActionRequest, input);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await createAction(ctx, id, input);
        if (json) await printJson(io.stdout, a);
        else await printMarked(io.stdout, [a.marking], actionTable([a]));
      });
    });
  coord.command('actions').description('action items you may see, by due date')
    .option('--status <status>', 'open, in-progress, done, cancelled, active or overdue').option('--owner <agency>', 'owed by').option('--call <id>', 'of a call')
    .option('--as-of <date>', 'judge overdue on this day')
    .action(async (opts: { status?: string; owner?: string; call?: string; asOf?: string }, cmd: Command) => {
      const q = parseArgs(ZActionListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const items = await listActions(ctx, q);
        if (json) await printJson(io.stdout, items);
        else await printMarked(io.stdout, items.map((a) => a.marking), actionTable(items));
      });
    });
  coord.command('update').description('move an action along: in-progress, done or cancelled (the last two are final)').argument('<action>', 'action id')
    .option('--status <status>', 'new status').option('--note <text>', 'a note').option('--if-version <n>', 'the version you last read')
    .action(async (id: string, opts: { status?: string; note?: string; ifVersion?: string }, cmd: Command) => {
      const input = parseArgs(ZActionUpdateRequest, given({ status: opts.status, note: opts.note, version: opts.ifVersion === undefined ? undefined : Number(opts.ifVersion) }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await updateAction(ctx, id, input);
        if (json) await printJson(io.stdout, a);
        else await printMarked(io.stdout, [a.marking], actionTable([a]));
      });
    });
}

/** `sitrep` and `outcomes`: the report of a date and the dashboard's figures. */
function registerReportCommands(program: Command, io: CliIo): void {
  program.command('sitrep').description('the situation report of a date, with banner and portion marks for you')
    .option('--date <date>', 'the day (default today)').option('--format <format>', `one of ${SITREP_FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (opts: { date?: string; format?: string; out?: string }, cmd: Command) => {
      const args = parseArgs(ZSitrepArgs, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx }) => {
        const progress = progressOn(io.stderr, { label: 'SITREP figures', quiet: false });
        const s = await buildSitrep(ctx, args.date, { onProgress: (p) => progress.update({ done: p.done, total: p.total, records: p.done }) }).finally(() => progress.finish());
        const doc = await renderSitrep(s, args.format);
        const target = await openOutput(args.out, io);
        await writeOutput(target, async (out) => {
          if (typeof doc === 'string') await write(out, doc);
          else await new Promise<void>((resolve, reject) => out.write(doc, (e) => (e ? reject(e) : resolve())));
        });
        if (!target.toStdout) await writeLine(io.stderr, `SITREP ${s.date} (${s.banner}) written to ${args.out ?? ''}`);
      });
    });
  program.command('outcomes').description('the operation\'s outcome figures, as you may see them').option('--as-of <date>', 'as of the end of this day')
    .action(async (opts: { asOf?: string }, cmd: Command) => {
      const q = parseArgs(ZOutcomesQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const progress = progressOn(io.stderr, { label: 'outcome figures', quiet: json });
        const o = await outcomeDashboard(ctx, q, { onProgress: (p) => progress.update({ done: p.done, total: p.total, records: p.done }) }).finally(() => progress.finish());
        if (json) await printJson(io.stdout, o);
        else await printMarked(io.stdout, [o.marking], outcomeLines(o));
      });
    });
}

/** `coordination agenda|call|decide|act|actions|update`, `sitrep` and `outcomes`: thin commands over the coordination use cases. */
export function registerCoordinationCommands(program: Command, io: CliIo): void {
  const coord = program.command('coordination').description('the daily coordination call: agenda, attendance, decisions and actions');
  registerCallCommands(coord, io);
  registerWorkCommands(coord, io);
  registerReportCommands(program, io);
}
