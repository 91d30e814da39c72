import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  ACLED_COLUMNS, AREA_CONTROL, EVENT_TYPES, ZAlertListQuery, ZBacktestQuery, ZBreachInput, ZConflictEventInput, ZEventListQuery, ZIndicatorInput,
  ZRiskHistoryQuery, ZRiskQuery, acknowledgeAlert, backtest, facilityRisk, importEvents, listAlerts, listEvents, listIndicators, recordBreach, recordEvent,
  recordIndicator, riskBoard, riskHistory,
} from '../../warning/index.js';
import { given, parseArgs } from '../args.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson, printMarked } from '../output.js';
import { alertTable, backtestLines, boardLines, eventTable, historyLines, importLines, indicatorTable, riskLines } from '../present/warning.present.js';
import { progressOn } from '../progress.js';
import { globalsOf, withSession } from '../session.js';

const n = (v: string | undefined) => (v === undefined ? undefined : Number(v));

async function sizeOf(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (s.isFile()) return s.size;
  } catch {
    // reported below
  }
  throw new UsageError(`${file}: no such file`, [{ field: 'FILE', reason: `cannot read ${file}` }]);
}

function registerRiskCommands(warning: Command, io: CliIo): void {
  warning.command('risk').description('breach risk of every prison and camp you may see, riskiest first; with a site: its factors')
    .argument('[site]', 'facility code').option('--as-of <instant>', 'ISO 8601 instant (default now)')
    .action(async (site: string | undefined, opts: { asOf?: string }, cmd: Command) => {
      const q = parseArgs(ZRiskQuery, given({ asOf: opts.asOf }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        if (site) {
          const r = await facilityRisk(ctx, site, q);
          return json ? printJson(io.stdout, r) : printMarked(io.stdout, [r.marking], riskLines(r));
        }
        const b = await riskBoard(ctx, q);
        return json ? printJson(io.stdout, b) : printMarked(io.stdout, [b.marking], boardLines(b));
      });
    });

  warning.command('history').description('a site\'s 7-day breach probability over time').argument('<site>', 'facility code')
    .option('--from <instant>', 'start (default 60 days before --to)').option('--to <instant>', 'end (default now)').option('--step-hours <n>', 'hours between points', '24')
    .action(async (site: string, opts: { from?: string; to?: string; stepHours?: string }, cmd: Command) => {
      const q = parseArgs(ZRiskHistoryQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const h = await riskHistory(ctx, site, q);
        return json ? printJson(io.stdout, h) : printMarked(io.stdout, [h.marking], historyLines(h));
      });
    });

  warning.command('backtest').description('replay the model over the stored history; how often it ranked the first site to fall highest, and the Brier score')
    .option('--step-hours <n>', 'hours between forecasts', '24')
    .action(async (opts: { stepHours?: string }, cmd: Command) => {
      const q = parseArgs(ZBacktestQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const b = await backtest(ctx, q);
        return json ? printJson(io.stdout, b) : printMarked(io.stdout, [b.marking], backtestLines(b));
      });
    });

  const alerts = warning.command('alerts').description('breach-risk alerts');
  alerts.command('list').description('alerts you may see, newest first').option('--status <status>', 'open or acknowledged').option('--facility <code>', 'of one site')
    .option('--limit <n>', 'at most', '100')
    .action(async (opts: { status?: string; facility?: string; limit?: string }, cmd: Command) => {
      const q = parseArgs(ZAlertListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await listAlerts(ctx, q);
        return json ? printJson(io.stdout, r.items) : printMarked(io.stdout, [r.marking], alertTable(r.items));
      });
    });
  alerts.command('ack').description('acknowledge an alert: you are recorded as having seen it').argument('<id>', 'alert id').option('--note <text>', 'what is being done')
    .action(async (id: string, opts: { note?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await acknowledgeAlert(ctx, id, given({ note: opts.note }));
        return json ? printJson(io.stdout, a) : printMarked(io.stdout, [a.marking], alertTable([a]));
      });
    });
}

interface EventOptions { date?: string; type?: string; subType?: string; actor1?: string; actor2?: string; country?: string; admin1?: string; location?: string; lat?: string; lon?: string; fatalities?: string; notes?: string; marking?: string }
interface IndicatorOptions { at?: string; guards?: string; population?: string; capacity?: string; resupplyDays?: string; riots?: string; escapes?: string; desertions?: string; control?: string; note?: string; marking?: string }

function registerRecordCommands(warning: Command, io: CliIo): void {
  warning.command('import-events').description(`import conflict events from CSV in ACLED's layout (streamed, all or nothing); columns: ${ACLED_COLUMNS.join(', ')}, marking`)
    .argument('<file>', 'CSV file with a header row').option('--marking <marking>', 'portion mark of rows without a marking column', 'U')
    .action(async (file: string, opts: { marking: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const total = await sizeOf(file);
      await withSession(g, io, async ({ ctx, json }) => {
        const progress = progressOn(io.stderr, { label: 'importing', quiet: json });
        let bytes = 0;
        let rows = 0;
        async function* chunks(): AsyncGenerator<Buffer> {
          for await (const c of createReadStream(file)) {
            bytes += (c as Buffer).length;
            progress.update({ done: bytes, total, records: rows });
            yield c as Buffer;
          }
        }
        try {
          const r = await importEvents(ctx, chunks(), { marking: opts.marking, onProgress: (p) => (rows = p.rows) });
          progress.finish();
          if (json) await printJson(io.stdout, r);
          else for (const line of importLines(r)) await writeLine(io.stdout, line);
        } catch (e) {
          progress.stop();
          throw e;
        }
      });
    });

  warning.command('event').description('record one conflict event by hand')
    .option('--date <YYYY-MM-DD>', 'event date').option('--type <type>', EVENT_TYPES.join(' | ')).option('--sub-type <sub>', 'ACLED sub-event type')
    .option('--actor1 <name>').option('--actor2 <name>').option('--country <name>', 'country', 'Syria').option('--admin1 <name>').option('--location <name>')
    .option('--lat <deg>').option('--lon <deg>').option('--fatalities <n>', 'reported fatalities', '0').option('--notes <text>').option('--marking <marking>', 'portion mark', 'U')
    .action(async (o: EventOptions, cmd: Command) => {
      const input = parseArgs(ZConflictEventInput, given({
        eventDate: o.date, eventType: o.type, subEventType: o.subType, actor1: o.actor1, actor2: o.actor2, country: o.country, admin1: o.admin1, location: o.location,
        latitude: n(o.lat), longitude: n(o.lon), fatalities: n(o.fatalities), notes: o.notes, marking: o.marking,
      }), { eventDate: '--date', eventType: '--type', subEventType: '--sub-type', latitude: '--lat', longitude: '--lon' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const e = await recordEvent(ctx, input);
        return json ? printJson(io.stdout, e) : printMarked(io.stdout, [e.marking], eventTable([e]));
      });
    });

  warning.command('events').description('conflict events you may see, newest first')
    .option('--from <YYYY-MM-DD>').option('--to <YYYY-MM-DD>').option('--near <site>', 'within --radius-km of a facility').option('--radius-km <km>', 'radius', '150').option('--limit <n>', 'at most', '100')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const q = parseArgs(ZEventListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const page = await listEvents(ctx, q);
        if (json) return printJson(io.stdout, page.items);
        await printMarked(io.stdout, [page.marking], eventTable(page.items));
        await writeLine(io.stderr, `${page.items.length} of ${page.total} shown`);
      });
    });

  warning.command('indicator').description('record an observation of a site\'s indicators').argument('<site>', 'facility code')
    .option('--at <instant>', 'when observed (default now)').option('--guards <n>', 'guard strength').option('--population <n>').option('--capacity <n>')
    .option('--resupply-days <n>', 'days since resupply').option('--riots <n>', 'riots since the last observation').option('--escapes <n>', 'escape attempts since the last observation')
    .option('--desertions <n>', 'guard desertions since the last observation').option('--control <who>', `control of the surrounding area: ${AREA_CONTROL.join(', ')}`)
    .option('--note <text>').option('--marking <marking>', 'portion mark')
    .action(async (site: string, o: IndicatorOptions, cmd: Command) => {
      const input = parseArgs(ZIndicatorInput, given({
        facility: site, observedAt: o.at, guardStrength: n(o.guards), population: n(o.population), capacity: n(o.capacity), daysSinceResupply: n(o.resupplyDays),
        riots: n(o.riots), escapeAttempts: n(o.escapes), guardDesertions: n(o.desertions), areaControl: o.control, note: o.note, marking: o.marking,
      }), { observedAt: '--at', guardStrength: '--guards', daysSinceResupply: '--resupply-days', escapeAttempts: '--escapes', guardDesertions: '--desertions', areaControl: '--control' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const i = await recordIndicator(ctx, input);
        return json ? printJson(io.stdout, i) : printMarked(io.stdout, [i.marking], indicatorTable([i]));
      });
    });

  warning.command('indicators').description('a site\'s indicator observations, oldest first').argument('<site>', 'facility code')
    .action(async (site: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await listIndicators(ctx, site);
        return json ? printJson(io.stdout, r.items) : printMarked(io.stdout, [r.marking], indicatorTable(r.items));
      });
    });

  warning.command('breach').description('record that a site fell').argument('<site>', 'facility code').option('--at <instant>', 'when (default now)')
    .option('--note <text>').option('--marking <marking>', 'portion mark')
    .action(async (site: string, o: { at?: string; note?: string; marking?: string }, cmd: Command) => {
      const input = parseArgs(ZBreachInput, given({ facility: site, at: o.at, note: o.note, marking: o.marking }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const b = await recordBreach(ctx, input);
        return json ? printJson(io.stdout, b) : writeLine(io.stdout, `recorded: ${b.facility} fell at ${b.at}`);
      });
    });
}

/** `warning …`: thin commands over the early-warning module's use cases. */
export function registerWarningCommands(program: Command, io: CliIo): void {
  const warning = program.command('warning').description('early warning: conflict events, indicators, breach risk, alerts, back-test');
  registerRecordCommands(warning, io);
  registerRiskCommands(warning, io);
}
