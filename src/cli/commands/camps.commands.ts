import type { Command } from 'commander';
import {
  CAMP_FIELDS, RESIDENT_CSV_COLUMNS, RESIDENT_STATUSES, ZCohortQuery, ZDuplicateDecision, ZDuplicateReviewQuery, ZEndGuardianshipRequest, ZHandoverRequest,
  ZReleaseRequest, ZResidentListQuery, decideDuplicateReview, endGuardianship, listDuplicateReviews, type TDuplicateReview,
  campAuthority, campCohorts, campOverview, handoverCamp, importResidents, listCamps, listResidents, releaseResidents,
} from '../../camps/index.js';
import { collect, given, parseArgs, readArgFile } from '../args.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson, printMarked } from '../output.js';
import { authorityLines, campTable, cohortLines, importLines, overviewLines, releaseLines, residentTable } from '../present/camps.present.js';
import { globalsOf, withSession } from '../session.js';

const list = (v: string | undefined) => (v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean));

function registerReadCommands(camps: Command, io: CliIo): void {
  camps.command('list').description('camps the acting user may see, with population and controlling authority')
    .action(async (_opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const items = await listCamps(ctx);
        if (json) await printJson(io.stdout, items);
        else await printMarked(io.stdout, [], campTable(items));
      });
    });

  camps.command('show').description('a camp\'s overview and who controls it; fields withheld from you are left out')
    .argument('<camp>', 'camp code, e.g. HOL')
    .action(async (code: string, _opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const overview = await campOverview(ctx, code);
        const authority = await campAuthority(ctx, code);
        if (json) await printJson(io.stdout, { ...overview, control: authority });
        else await printMarked(io.stdout, [], [...overviewLines(overview), '', ...authorityLines(authority)]);
      });
    });

  camps.command('residents').description('camp residents, ordered by id (one page; --cursor continues)')
    .option('--camp <code>', 'in this camp').option('--household <code>', 'of this household')
    .option('--status <status>', `one of ${RESIDENT_STATUSES.join(', ')}`).option('--nationality <ISO3>', 'of this nationality')
    .option('--search <text>', 'name in Arabic script or any transliteration').option('--age-min <n>', 'aged at least').option('--age-max <n>', 'aged at most')
    .option('--limit <n>', 'page size, 1 to 1000', '50').option('--cursor <cursor>', 'continue after a previous page')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const query = parseArgs(ZResidentListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const page = await listResidents(ctx, query);
        if (json) await printJson(io.stdout, page.items);
        else await printMarked(io.stdout, page.items.map((r) => r.marking), residentTable(page.items));
        if (!json) await writeLine(io.stderr, `${page.items.length} of ${page.total} shown${page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : ''}`);
      });
    });

  camps.command('cohorts').description('children reaching 12, 15 and 18 per month, per camp and nationality')
    .option('--camp <code>', 'one camp').option('--as-of <date>', 'first month is this date\'s (default today)').option('--months <n>', 'months to count', '24')
    .action(async (opts: { camp?: string; asOf?: string; months?: string }, cmd: Command) => {
      const query = parseArgs(ZCohortQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const c = await campCohorts(ctx, query);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, [], cohortLines(c));
      });
    });
}

interface ReleaseOptions { resident?: string[]; to?: string; destination?: string; country?: string; agreement?: string; kind?: string; at?: string; reunification?: boolean; note?: string }
interface HandoverOptions { to?: string; fields?: string; previousFields?: string; reference?: string; at?: string }

function registerWriteCommands(camps: Command, io: CliIo): void {
  camps.command('import').description(`import residents from CSV, all or nothing; columns: ${RESIDENT_CSV_COLUMNS.join(', ')}`)
    .argument('<file>', 'CSV file with a header row')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const csv = await readArgFile(file);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await importResidents(ctx, csv);
        if (json) await printJson(io.stdout, r);
        else for (const line of importLines(r)) await writeLine(io.stdout, line);
      });
    });

  camps.command('release').description('release (or repatriate) residents together: every child with a guardian released with them')
    .argument('<camp>', 'camp code').option('--resident <id>', 'a resident to release (repeat for each)', collect)
    .option('--to <whom>', 'released to: a person, sponsor or agency').option('--destination <where>', 'where to').option('--country <ISO3>', 'destination country')
    .option('--agreement <ref>', 'reference of the release agreement').option('--kind <kind>', 'release or repatriation', 'release').option('--at <when>', 'date or instant (default now)')
    .option('--reunification', 'children go to the named relative (child-protection staff only)').option('--note <text>', 'a note')
    .action(async (camp: string, opts: ReleaseOptions, cmd: Command) => {
      const input = parseArgs(ZReleaseRequest, given({
        residents: opts.resident ?? [], releasedTo: opts.to, destination: opts.destination, destinationCountry: opts.country, agreement: opts.agreement,
        kind: opts.kind, at: opts.at, note: opts.note, childCustody: opts.reunification ? 'reunification' : undefined,
      }), { residents: '--resident', releasedTo: '--to', destinationCountry: '--country', childCustody: '--reunification' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await releaseResidents(ctx, camp, input);
        if (json) await printJson(io.stdout, r);
        else for (const line of releaseLines(r)) await writeLine(io.stdout, line);
      });
    });

  camps.command('handover').description('hand a camp\'s control to another agency under a data-sharing agreement')
    .argument('<camp>', 'camp code').option('--to <agency>', 'agency code of the new authority')
    .option('--fields <list>', `comma-separated fields the new authority may see: ${CAMP_FIELDS.join(', ')}`)
    .option('--previous-fields <list>', 'fields the previous authority keeps (default none)').option('--reference <ref>', 'reference of the agreement')
    .option('--at <when>', 'when control passes (default now)')
    .action(async (camp: string, opts: HandoverOptions, cmd: Command) => {
      const input = parseArgs(ZHandoverRequest, given({ to: opts.to, fields: list(opts.fields) ?? [], previousFields: list(opts.previousFields), reference: opts.reference, at: opts.at }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await handoverCamp(ctx, camp, input);
        if (json) await printJson(io.stdout, a);
        else await printMarked(io.stdout, [], authorityLines(a));
      });
    });
}

function reviewLine(r: TDuplicateReview): string {
  const s = r.submitted;
  const e = r.existing;
  return `${r.id} ${r.status} ${r.camp} (${r.marking}) row ${s.row} by ${r.requestedBy}: ${s.nameLatin} / ${s.nameAr}, ${s.sex}, ${s.birth}, ${s.nationality}, ${s.household ?? '-'}`
    + ` — looks like ${e.id}: ${e.nameLatin} / ${e.nameAr}, ${e.sex}, ${e.birth}, ${e.nationality}, ${e.household ?? '-'}${r.decision ? ` — decided by ${r.decision.by}` : ''}`;
}

function registerCareCommands(camps: Command, io: CliIo): void {
  camps.command('end-guardianship').description("end a child's guardianship (audited); the child is flagged unaccompanied if no guardian remains")
    .argument('<id>', 'guardianship id (see the resident)').requiredOption('--reason <text>', 'why it ends').option('--on <date>', 'last day (YYYY-MM-DD, default today)')
    .action(async (id: string, opts: { reason: string; on?: string }, cmd: Command) => {
      const input = parseArgs(ZEndGuardianshipRequest, given({ reason: opts.reason, on: opts.on }), { reason: '--reason', on: '--on' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await endGuardianship(ctx, id, input);
        if (json) await printJson(io.stdout, r);
        else await writeLine(io.stdout, `guardianship ${r.id} ended on ${r.until}; ${r.remainingGuardians} guardian${r.remainingGuardians === 1 ? '' : 's'} remain${r.flaggedUnaccompanied ? '; the child is flagged unaccompanied' : ''}`);
      });
    });

  camps.command('reviews').description('likely duplicate residents held by imports (for a reviewer who may see both records)')
    .option('--status <status>', 'pending, same or different', 'pending')
    .action(async (opts: { status: string }, cmd: Command) => {
      const q = parseArgs(ZDuplicateReviewQuery, { status: opts.status }, { status: '--status' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const items = await listDuplicateReviews(ctx, q);
        if (json) await printJson(io.stdout, items);
        else await printMarked(io.stdout, items.map((r) => r.marking), items.map(reviewLine));
      });
    });

  camps.command('decide').description('decide a duplicate review: the same person (nothing is created) or a different one (the row is registered)')
    .argument('<review>', 'review id').argument('<decision>', 'same or different').option('--note <text>', 'why')
    .action(async (id: string, decision: string, opts: { note?: string }, cmd: Command) => {
      const input = parseArgs(ZDuplicateDecision, given({ decision, note: opts.note }), { decision: 'DECISION', note: '--note' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await decideDuplicateReview(ctx, id, input);
        if (json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, [r.marking], [reviewLine(r)]);
      });
    });
}

/** `camps list|show|residents|cohorts|import|release|handover|end-guardianship|reviews|decide`: thin commands over the camps module's use cases. */
export function registerCampsCommands(program: Command, io: CliIo): void {
  const camps = program.command('camps').description('displacement camps: residents, releases, the control handover and age cohorts');
  registerReadCommands(camps, io);
  registerWriteCommands(camps, io);
  registerCareCommands(camps, io);
}
