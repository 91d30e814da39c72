import type { Command } from 'commander';
import {
  COUNTRY_STATUSES, ENGAGEMENT_KINDS, NONE_RECEIVED, ZBatchOutcomeRequest, ZBatchQuery, refuseBatch, withdrawBatch, ZCountryQuery, ZCreateBatchRequest, ZEngagementRequest, ZHandOverRequest, ZStatusRequest,
  cancelBatch, createBatch, handOverBatch, listBatches, listCountries, receiveBatch, recordEngagement, setCountryStatus, showBatch, showCountry,
  type TCreateBatchRequest, type TEngagementRequest, type TStatusRequest,
} from '../../repatriation/index.js';
import { collect, given, parseArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { printJson, printMarked } from '../output.js';
import { batchLines, batchTable, boardLines, countryTable, engagementTable } from '../present/repatriation.present.js';
import { globalsOf, withSession } from '../session.js';
import { custodyOf } from './custody.commands.js';

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));
const upper = (v: string) => v.toUpperCase();

function registerCountryCommands(rep: Command, io: CliIo): void {
  rep.command('countries').description('countries of origin: status, conditions, nationals held and repatriated, as you may see them')
    .option('--status <status>', `only countries in this status: ${COUNTRY_STATUSES.join(', ')}`)
    .action(async (opts: { status?: string }, cmd: Command) => {
      const query = parseArgs(ZCountryQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await listCountries(ctx, query);
        if (json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, r.items.map((c) => c.marking), countryTable(r.items));
      });
    });

  rep.command('show').description('one country\'s board: nationals by status and age, children reaching 18, engagements, batches')
    .argument('<country>', 'ISO 3166-1 alpha-3, e.g. FRA', upper)
    .action(async (country: string, _opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const b = await showCountry(ctx, country);
        if (json) await printJson(io.stdout, b);
        else await printMarked(io.stdout, [b.marking], boardLines(b));
      });
    });

  rep.command('engage').description('record a meeting, note verbale, request or answer with a country')
    .argument('<country>', 'ISO 3166-1 alpha-3', upper)
    .option('--kind <kind>', ENGAGEMENT_KINDS.join(', ')).option('--summary <text>', 'one line').option('--body <text>', 'the text')
    .option('--counterpart <who>', 'who on the country\'s side').option('--reference <ref>', 'note number or file reference')
    .option('--outcome <outcome>', 'an answer\'s outcome').option('--due-by <date>', 'when a request\'s answer is due')
    .option('--at <when>', 'date or instant (default now)').option('--marking <marking>', 'e.g. "C//REL TO USA, FRA"')
    .action(async (country: string, opts: Record<string, string | undefined>, cmd: Command) => {
      // Checked here for a clear error naming the flag; the use case parses the raw input again (markings are text).
      const input = given({ ...opts }) as TEngagementRequest;
      parseArgs(ZEngagementRequest, input, { dueBy: '--due-by' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const e = await recordEngagement(ctx, country, input);
        if (json) await printJson(io.stdout, e);
        else await printMarked(io.stdout, [e.marking], engagementTable([e]));
      });
    });

  rep.command('status').description('move a country to a new status (only allowed transitions) and set its conditions')
    .argument('<country>', 'ISO 3166-1 alpha-3', upper).argument('<status>', COUNTRY_STATUSES.join(', '))
    .option('--conditions <list>', 'comma-separated: children-only, women-and-children, residents-only, detainees-only, prosecution-assurances, identity-confirmed')
    .option('--note <text>', 'why').option('--if-version <n>', 'the version you read (refused if it changed)')
    .option('--marking <marking>', 'marking of the country record (required the first time)')
    .action(async (country: string, status: string, opts: { conditions?: string; note?: string; ifVersion?: string; marking?: string }, cmd: Command) => {
      const input = given({ status, conditions: list(opts.conditions), note: opts.note, version: opts.ifVersion === undefined ? undefined : Number(opts.ifVersion), marking: opts.marking }) as TStatusRequest;
      parseArgs(ZStatusRequest, input);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const s = await setCountryStatus(ctx, country, input);
        if (json) await printJson(io.stdout, s);
        else await printMarked(io.stdout, [s.marking], countryTable([s]));
      });
    });
}

interface CreateOptions { country?: string; receiver?: string; place?: string; at?: string; detainee?: string[]; resident?: string[]; assurances?: string; note?: string; marking?: string }

function registerBatchCommands(rep: Command, io: CliIo): void {
  const batch = rep.command('batch').description('repatriation batches: plan, hand over, receive, refuse, withdraw, cancel');
  batch.command('create').description('plan a batch: persons handed over to a country\'s officials at a place and time')
    .option('--country <ISO3>', 'country of origin').option('--receiver <agency>', 'agency code of the country\'s receiving officials')
    .option('--place <code>', 'facility code or aircraft tail of the handover').option('--at <when>', 'planned date or time')
    .option('--detainee <isn>', 'a detainee (repeat)', collect).option('--resident <id>', 'a camp resident (repeat)', collect)
    .option('--assurances <ref>', 'reference of the prosecution assurances').option('--note <text>', 'a note').option('--marking <marking>', 'marking of the batch')
    .action(async (opts: CreateOptions, cmd: Command) => {
      const members = [...(opts.detainee ?? []).map((id) => ({ kind: 'detainee', id })), ...(opts.resident ?? []).map((id) => ({ kind: 'resident', id }))];
      const input = given({
        country: opts.country?.toUpperCase(), receivingAgency: opts.receiver, place: opts.place, at: opts.at, members, assurances: opts.assurances, note: opts.note, marking: opts.marking,
      }) as TCreateBatchRequest;
      parseArgs(ZCreateBatchRequest, input, { receivingAgency: '--receiver', members: '--detainee/--resident' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const b = await createBatch(ctx, input);
        if (json) await printJson(io.stdout, b);
        else await printMarked(io.stdout, [b.marking, ...b.members.map((m) => m.marking)], batchLines(b));
      });
    });

  batch.command('list').description('batches you may see').option('--country <ISO3>', 'of one country').option('--status <status>', 'planned, handing-over, handed-over, cancelled')
    .action(async (opts: { country?: string; status?: string }, cmd: Command) => {
      const query = parseArgs(ZBatchQuery, given({ country: opts.country?.toUpperCase(), status: opts.status }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await listBatches(ctx, query);
        if (json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, r.items.map((b) => b.marking), batchTable(r.items));
      });
    });

  batch.command('show').description('one batch with the members you may see').argument('<id>', 'batch id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const b = await showBatch(ctx, id);
        if (json) await printJson(io.stdout, b);
        else await printMarked(io.stdout, [b.marking, ...b.members.map((m) => m.marking)], batchLines(b));
      });
    });

  batch.command('handover').description('hand over the batch\'s members you hold: detainees by custody handover (pending receipt), camp residents by release')
    .argument('<id>', 'batch id').option('--part <part>', 'all, detainees or residents', 'all').option('--condition <status>', 'detainees\' condition: fit, fit-with-needs, unfit', 'fit')
    .option('--reunification', 'children go to the named relative (child-protection staff only)')
    .action(async (id: string, opts: { part?: string; condition?: string; reunification?: boolean }, cmd: Command) => {
      const input = parseArgs(ZHandOverRequest, given({ part: opts.part, condition: opts.condition, childCustody: opts.reunification ? 'reunification' : undefined }), { childCustody: '--reunification' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const b = await handOverBatch(custodyOf(s, cmd), id, input);
        if (s.json) await printJson(io.stdout, b);
        else await printMarked(io.stdout, [b.marking, ...b.members.map((m) => m.marking)], batchLines(b));
      });
    });

  batch.command('receive').description('as the receiving agency, sign the batch\'s custody handovers on receipt').argument('<id>', 'batch id')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const b = await receiveBatch(custodyOf(s, cmd), id);
        if (s.json) await printJson(io.stdout, b);
        else await printMarked(io.stdout, [b.marking, ...b.members.map((m) => m.marking)], batchLines(b));
      });
    });

  for (const verb of ['refuse', 'withdraw'] as const) {
    batch.command(verb).description(verb === 'refuse'
      ? 'as the receiving agency, refuse every pending handover of the batch (members recorded as not handed over, with the reason)'
      : 'as the releasing agency, withdraw every pending handover of the batch (members recorded as not handed over, with the reason)')
      .argument('<id>', 'batch id').requiredOption('--reason <text>', 'why (recorded on each member and in the audit)')
      .option('--if-none-received <what>', `when nobody was received: ${NONE_RECEIVED.join(' or ')}`, 'planned')
      .action(async (id: string, opts: { reason?: string; ifNoneReceived?: string }, cmd: Command) => {
        const input = parseArgs(ZBatchOutcomeRequest, given({ reason: opts.reason, ifNoneReceived: opts.ifNoneReceived }), { ifNoneReceived: '--if-none-received' });
        await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
          const b = await (verb === 'refuse' ? refuseBatch : withdrawBatch)(custodyOf(s, cmd), id, input);
          if (s.json) await printJson(io.stdout, b);
          else await printMarked(io.stdout, [b.marking, ...b.members.map((m) => m.marking)], batchLines(b));
        });
      });
  }

  batch.command('cancel').description('cancel a planned batch').argument('<id>', 'batch id').option('--reason <text>', 'why')
    .action(async (id: string, opts: { reason?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const b = await cancelBatch(ctx, id, opts.reason);
        if (json) await printJson(io.stdout, b);
        else await printMarked(io.stdout, [b.marking], batchLines(b));
      });
    });
}

/** `repatriation countries|show|engage|status|batch …`: thin commands over the repatriation module's use cases. */
export function registerRepatriationCommands(program: Command, io: CliIo): void {
  const rep = program.command('repatriation').description('countries of origin, engagements and repatriation batches');
  registerCountryCommands(rep, io);
  registerBatchCommands(rep, io);
}
