import type { Command } from 'commander';
import {
  DETAINEE_CSV_COLUMNS, DETAINEE_STATUSES, FACILITY_KINDS, FACILITY_STATUSES, RISK_TIERS, ZDetaineeListQuery, ZFacilityListQuery,
  importDetainees, listDetainees, listFacilities, showDetainee,
} from '../../registry/index.js';
import { given, parseArgs, readArgFile } from '../args.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson, printMarked } from '../output.js';
import { detaineeFields, detaineeTable, facilityTable, importSummary } from '../present/registry.present.js';
import { globalsOf, withSession } from '../session.js';

interface ListOptions {
  facility?: string;
  nationality?: string;
  status?: string;
  riskTier?: string;
  search?: string;
  limit?: string;
  cursor?: string;
}

function registerDetaineeCommands(program: Command, io: CliIo): void {
  const detainees = program.command('detainees').description('detainees the acting user may see');

  detainees
    .command('list')
    .description('list detainees, ordered by ISN (one page; --cursor continues)')
    .option('--facility <code>', 'held at this facility')
    .option('--nationality <ISO3>', 'of this nationality (ISO 3166-1 alpha-3)')
    .option('--status <status>', `custody status: ${DETAINEE_STATUSES.join(', ')}`)
    .option('--risk-tier <tier>', `risk tier: ${RISK_TIERS.join(', ')}`)
    .option('--search <text>', 'name in Arabic script or any transliteration, or an ISN')
    .option('--limit <n>', 'page size, 1 to 1000', '50')
    .option('--cursor <cursor>', 'continue after a previous page')
    .action(async (opts: ListOptions, cmd: Command) => {
      const query = parseArgs(ZDetaineeListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const page = await listDetainees(ctx, query);
        if (json) await printJson(io.stdout, page.items);
        else await printMarked(io.stdout, page.items.map((d) => d.marking), detaineeTable(page.items));
        const more = page.nextCursor ? `; next page: --cursor ${page.nextCursor}` : '';
        if (json && page.nextCursor) await writeLine(io.stderr, JSON.stringify({ total: page.total, nextCursor: page.nextCursor }));
        if (!json) await writeLine(io.stderr, `${page.items.length} of ${page.total} shown${more}`);
      });
    });

  detainees
    .command('show')
    .description('one detainee by ISN or id; an ISN the acting user may not see is "not found"')
    .argument('<isn>', 'internment serial number, e.g. SP-IQ-000123')
    .action(async (isn: string, _opts: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const d = await showDetainee(ctx, isn);
        if (json) await printJson(io.stdout, d);
        else await printMarked(io.stdout, [d.marking], detaineeFields(d));
      });
    });

  detainees
    .command('import')
    .description(`import detainees from CSV, all or nothing; columns: ${DETAINEE_CSV_COLUMNS.join(', ')}`)
    .argument('<file>', 'CSV file with a header row')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const csv = await readArgFile(file);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const result = await importDetainees(ctx, csv);
        if (json) await printJson(io.stdout, result);
        else for (const line of importSummary(result)) await writeLine(io.stdout, line);
      });
    });
}

function registerFacilityCommands(program: Command, io: CliIo): void {
  const facilities = program.command('facilities').description('prisons, camps, airfields and the destination');
  facilities
    .command('list')
    .description('list the facilities the acting user may see')
    .option('--kind <kind>', `one of ${FACILITY_KINDS.join(', ')}`)
    .option('--status <status>', `one of ${FACILITY_STATUSES.join(', ')}`)
    .action(async (opts: { kind?: string; status?: string }, cmd: Command) => {
      const query = parseArgs(ZFacilityListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const items = await listFacilities(ctx, query);
        if (json) await printJson(io.stdout, items);
        else await printMarked(io.stdout, items.map((f) => f.marking), facilityTable(items));
      });
    });
}

/** `detainees list|show|import` and `facilities list`: thin commands over the registry's use cases. */
export function registerRegistryCommands(program: Command, io: CliIo): void {
  registerDetaineeCommands(program, io);
  registerFacilityCommands(program, io);
}
