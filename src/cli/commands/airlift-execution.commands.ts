import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  AirliftExecutionErrors, approvePlan, declareDisruption, DISRUPTION_KINDS, enterPaperManifest, labelsHtml, labelsPdf, listDiscrepancies, listPlans, manifestCsv, manifestHtml, manifestPdf,
  manifestSheet, planAirlift, planSorties, reconcile, releaseManifest, resolveDiscrepancy, savePlan, setSortieStatus, showPlan, showSortie,
  syncScans, wristbandLabels, ZScanKind, ZSortieStatus, type ExecCtx, type TDiscrepancy, type TPlanSummary, type TSortie,
} from '../../airlift/index.js';
import { keyringFor } from '../../custody/index.js';
import { DomainError, invalid, newId } from '../../kernel/index.js';
import { readArgFile } from '../args.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { formatTable, printJson, printMarked } from '../output.js';
import { databaseUrlOf, globalsOf, withSession, type Session } from '../session.js';

/** The execution context of a CLI session: its keyring signs boarding and arrival into the custody log. */
function execOf(s: Session, cmd: Command): ExecCtx {
  return { ...s.ctx, keyring: keyringFor(databaseUrlOf(globalsOf(cmd.optsWithGlobals()), s.io.env), s.io.env.SALLYPORT_KEY_DIR || undefined) };
}

async function out(s: Session, value: unknown, markings: readonly string[], lines: string[]): Promise<void> {
  if (s.json) await printJson(s.io.stdout, value);
  else await printMarked(s.io.stdout, markings, lines);
}

const planTable = (ps: readonly TPlanSummary[]) => formatTable(ps, [
  { header: 'id', cell: (p) => p.id }, { header: 'status', cell: (p) => p.status }, { header: 'name', cell: (p) => p.name },
  { header: 'detainees', cell: (p) => String(p.detainees) }, { header: 'sorties', cell: (p) => String(p.sorties) },
  { header: 'loss', cell: (p) => p.expectedLoss.toFixed(2) }, { header: 'bound', cell: (p) => p.boundLoss.toFixed(2) },
  { header: 'gap', cell: (p) => `${(p.gap * 100).toFixed(1)} %` }, { header: 'parent', cell: (p) => p.parentId ?? '' },
]);
const sortieTable = (ss: readonly TSortie[]) => formatTable(ss, [
  { header: 'id', cell: (s) => s.id }, { header: 'label', cell: (s) => s.label }, { header: 'status', cell: (s) => s.status },
  { header: 'route', cell: (s) => `${s.from} → ${s.to}` }, { header: 'depart', cell: (s) => s.depart }, { header: 'manifest', cell: (s) => String(s.manifested) },
  { header: 'open', cell: (s) => String(s.openDiscrepancies) },
]);
const discrepancyTable = (ds: readonly TDiscrepancy[]) => formatTable(ds, [
  { header: 'id', cell: (d) => d.id }, { header: 'kind', cell: (d) => d.kind }, { header: 'isn', cell: (d) => d.isn }, { header: 'status', cell: (d) => d.status },
  { header: 'detail', cell: (d) => d.detail },
]);

function registerSortieCommands(airlift: Command, io: CliIo): void {
  const sortie = airlift.command('sortie').description('sorties: list, show, status, release to the aircraft');
  sortie.command('list').argument('<plan>', 'plan id').description("a plan's sorties").action(async (plan: string, _o: unknown, cmd: Command) => {
    await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
      const ss = await planSorties(s.ctx, plan);
      await out(s, ss, ss.map((x) => x.marking), sortieTable(ss));
    });
  });
  sortie.command('show').argument('<sortie>', 'sortie id').description('a sortie, its manifest and discrepancies').action(async (id: string, _o: unknown, cmd: Command) => {
    await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
      const d = await showSortie(s.ctx, id);
      const lines = [`${d.label} ${d.status} ${d.aircraft} ${d.from} → ${d.to} departs ${d.depart}`, ...formatTable(d.manifest, [
        { header: 'isn', cell: (m) => m.isn }, { header: 'route', cell: (m) => `${m.board} → ${m.alight}` }, { header: 'boarded', cell: (m) => (m.boarded ? 'yes' : '') },
        { header: 'arrived', cell: (m) => (m.arrived ? 'yes' : '') }, { header: 'place', cell: (m) => m.place },
      ]), ...discrepancyTable(d.discrepancies)];
      await out(s, d, [d.marking], lines);
    });
  });
  sortie.command('status').argument('<sortie>', 'sortie id').argument('<status>', ZSortieStatus.options.join('|'))
    .option('--at <time>', 'when (ISO 8601 UTC; default now)')
    .description('move a sortie: planned → boarding → airborne → landed → closed, or cancelled; a blocked close exits non-zero')
    .action(async (id: string, status: string, opts: { at?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const parsed = ZSortieStatus.safeParse(status);
        if (!parsed.success) throw invalid('status', `one of ${ZSortieStatus.options.join(', ')}`);
        const r = await setSortieStatus(s.ctx, id, { status: parsed.data, ...(opts.at ? { at: opts.at } : {}) });
        await out(s, r, [r.sortie.marking], [`${r.sortie.label}: ${r.sortie.status}`, ...r.blockers.map((b) => `blocked: ${b}`)]);
        if (r.blockers.length > 0) throw new DomainError('conflict', AirliftExecutionErrors.AIRLIFT_SORTIE_UNRESOLVED, `sortie ${r.sortie.label} not closed: ${r.blockers.join('; ')}`, { reason: 'unresolved', blockers: r.blockers });
      });
    });
  sortie.command('release').argument('<sortie>', 'sortie id').description("the holding agency proposes custody handovers onto the aircraft for the sortie's manifest")
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const x = execOf(s, cmd);
        const r = await releaseManifest({ ...x, keyring: x.keyring! }, id);
        await out(s, r, [], [`${r.proposed.length} handovers proposed`, ...r.skipped.map((k) => `skipped ${k.isn}: ${k.reason}`)]);
      });
    });
}

function registerPrintCommands(airlift: Command, io: CliIo): void {
  airlift.command('wristbands').description('printable wristband labels (QR code: the ISN with its check character)')
    .option('--facility <code>', 'every detainee you may see at this facility').option('--sortie <id>', "a sortie's manifest")
    .requiredOption('--out <file>', 'FILE.pdf or FILE.html')
    .action(async (opts: { facility?: string; sortie?: string; out: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        if (!opts.facility && !opts.sortie) throw invalid('facility', 'give --facility or --sortie');
        const labels = await wristbandLabels(s.ctx, { ...(opts.facility ? { facility: opts.facility } : {}), ...(opts.sortie ? { sortie: opts.sortie } : {}) });
        await writeFile(opts.out, opts.out.endsWith('.pdf') ? await labelsPdf(labels) : await labelsHtml(labels), { mode: 0o600 });
        await writeLine(io.stderr, `${labels.labels.length} labels written to ${opts.out} (${labels.banner})`);
      });
    });
  const manifest = airlift.command('manifest').description("a sortie's manifest: print it, or enter a printed one back");
  manifest.command('print').argument('<sortie>', 'sortie id').requiredOption('--out <file>', 'FILE.pdf, FILE.html or FILE.csv').description('the manifest with tick boxes (PDF/HTML) or as CSV')
    .action(async (id: string, opts: { out: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const sheet = await manifestSheet(s.ctx, id);
        const body = opts.out.endsWith('.pdf') ? await manifestPdf(sheet) : opts.out.endsWith('.csv') ? manifestCsv(sheet) : manifestHtml(sheet);
        await writeFile(opts.out, body, { mode: 0o600 });
        await writeLine(io.stderr, `${sheet.rows.length} detainees written to ${opts.out} (${sheet.banner})`);
      });
    });
  manifest.command('enter').argument('<sortie>', 'sortie id').requiredOption('--kind <kind>', 'board or arrive').requiredOption('--ticked <file>', 'the ticked ISNs, one per line')
    .requiredOption('--at <time>', 'when the sheet was filled in (ISO 8601 UTC)').description('enter a printed manifest back: each ticked ISN becomes a scan')
    .action(async (id: string, opts: { kind: string; ticked: string; at: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const kind = ZScanKind.safeParse(opts.kind);
        if (!kind.success) throw invalid('kind', 'board or arrive');
        const ticked = (await readArgFile(opts.ticked)).split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('#'));
        const r = await enterPaperManifest(execOf(s, cmd), id, { kind: kind.data, ticked, at: opts.at });
        await out(s, r, [], r.results.map((x) => ('error' in x ? `${x.id}: ${x.code} ${x.error}` : `${x.isn}: ${x.applied ? 'recorded' : 'held'}${x.discrepancy ? ` (${x.discrepancy})` : ''}${x.replayed ? ' (already entered)' : ''}`)));
      });
    });
}

/** `sallyport airlift plans|save|show|approve|sortie|scan|reconcile|discrepancies|resolve|manifest|wristbands`. */
export function registerAirliftExecutionCommands(airlift: Command, io: CliIo): void {
  airlift.command('plans').description('stored plans you may see').action(async (_o: unknown, cmd: Command) => {
    await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
      const ps = await listPlans(s.ctx);
      await out(s, ps, ps.map((p) => p.marking), planTable(ps));
    });
  });
  airlift.command('save').description('store a plan for execution (a draft); without --plan, plan the loaded scenario first')
    .option('--plan <file>', 'plan JSON (sallyport.airlift.plan/1)').option('--name <name>', 'a label')
    .action(async (opts: { plan?: string; name?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const plan: unknown = opts.plan ? JSON.parse(await readArgFile(opts.plan)) : await planAirlift(s.ctx, { allowUndelivered: true });
        const p = await savePlan(s.ctx, { plan, name: opts.name });
        await out(s, p, [p.marking], planTable([p]));
      });
    });
  airlift.command('show').argument('<plan>', 'plan id').option('--out <file>', 'write the plan document here').description('a stored plan')
    .action(async (id: string, opts: { out?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const p = await showPlan(s.ctx, id);
        if (opts.out) await writeFile(opts.out, `${JSON.stringify(p.plan, null, 1)}\n`, { mode: 0o600 });
        const { plan: _doc, ...summary } = p;
        await out(s, summary, [p.marking], [...planTable([p]), ...(p.diff ? [`diff: ${JSON.stringify(p.diff)}`] : [])]);
      });
    });
  airlift.command('approve').argument('<plan>', 'plan id').description('check a draft against all 18 rules and approve it (a re-plan supersedes its parent)')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const p = await approvePlan(s.ctx, id);
        await out(s, p, [p.marking], planTable([p]));
      });
    });
  registerSortieCommands(airlift, io);
  airlift.command('scan').description('record wristband scans (codes as printed on the wristband, SP-CC-000123-X)')
    .requiredOption('--sortie <id>', 'sortie id').requiredOption('--kind <kind>', 'board or arrive').option('--node <id>', 'where (default: from the manifest)')
    .option('--device <name>', 'the scanner', 'cli').argument('<codes...>', 'wristband codes')
    .action(async (codes: string[], opts: { sortie: string; kind: string; node?: string; device: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const kind = ZScanKind.safeParse(opts.kind);
        if (!kind.success) throw invalid('kind', 'board or arrive');
        const scans = codes.map((code) => ({ id: newId(), sortie: opts.sortie, kind: kind.data, code, scannedAt: s.ctx.clock.now().toISOString(), device: opts.device, source: 'wedge' as const, ...(opts.node ? { node: opts.node } : {}) }));
        const { results } = await syncScans(execOf(s, cmd), scans);
        await out(s, results, [], results.map((r, i) => ('error' in r ? `${codes[i]}: refused — ${r.code}: ${r.error}` : `${r.isn}: ${r.applied ? 'recorded' : 'held'}${r.discrepancy ? ` — discrepancy: ${r.discrepancy}` : ''}${r.custody ? ` — custody ${r.custody}` : ''}`)));
        const refused = results.filter((r) => 'error' in r).length;
        if (refused > 0) throw new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_SCAN_INVALID, `${refused} of ${codes.length} scans refused`, { reason: 'refused scans', count: refused });
      });
    });
  airlift.command('reconcile').argument('<plan>', 'plan id').description('where everyone is: counts by place, summing to the total')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const r = await reconcile(s.ctx, id);
        await out(s, r, [r.marking], [
          `total ${r.total}: site ${r.byKind.site}, aircraft ${r.byKind.aircraft}, staging ${r.byKind.staging}, destination ${r.byKind.destination} — ${r.balanced ? 'balanced' : 'NOT BALANCED'}`,
          `open discrepancies ${r.openDiscrepancies}; sorties ${Object.entries(r.sorties).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ')}`,
          ...r.byPlace.map((p) => `  ${p.kind} ${p.at}: ${p.count}`),
        ]);
      });
    });
  airlift.command('discrepancies').argument('<plan>', 'plan id').option('--open', 'open ones only').description("an operation's discrepancies")
    .action(async (id: string, opts: { open?: boolean }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const ds = await listDiscrepancies(s.ctx, { plan: id, ...(opts.open ? { status: 'open' as const } : {}) });
        await out(s, ds, ds.map((d) => d.marking), discrepancyTable(ds));
      });
    });
  airlift.command('resolve').argument('<discrepancy>', 'discrepancy id').requiredOption('--action <action>', 'accept, void or place')
    .option('--place <node>', 'where the person was found (a node id, or sortie:<id>)').requiredOption('--note <text>', 'why')
    .description('settle a discrepancy (recorded and audited)')
    .action(async (id: string, opts: { action: string; place?: string; note: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        if (!['accept', 'void', 'place'].includes(opts.action)) throw invalid('action', 'accept, void or place');
        const d = await resolveDiscrepancy(s.ctx, id, { action: opts.action as 'accept' | 'void' | 'place', note: opts.note, ...(opts.place ? { place: opts.place } : {}) });
        await out(s, d, [d.marking], discrepancyTable([d]));
      });
    });
  airlift.command('disrupt').argument('<plan>', 'plan id').requiredOption('--kind <kind>', DISRUPTION_KINDS.join(', '))
    .option('--aircraft <id>').option('--site <id>').option('--node <id>').option('--destination <id>').option('--at <time>', 'from when (ISO 8601 UTC; default now)')
    .option('--note <text>').description('declare a disruption and re-plan (a draft child of the plan, with its diff)')
    .action(async (id: string, opts: { kind: string; aircraft?: string; site?: string; node?: string; destination?: string; at?: string; note?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const { kind, at, ...rest } = opts;
        const r = await declareDisruption(s.ctx, id, { kind, at: (at ?? s.ctx.clock.now().toISOString()).replace(/\.\d+Z$/, 'Z'), ...rest });
        const d = r.diff;
        await out(s, r, [r.plan.marking], [
          ...planTable([r.plan]),
          `frozen ${d.frozen.length}, kept ${d.kept.length}, cancelled ${d.cancelled.length}, added ${d.added.length}, moved ${d.moved.length}, stranded ${d.stranded.length}`,
          `expected loss ${d.objectiveBefore.expectedLoss.toFixed(2)} → ${d.objectiveAfter.expectedLoss.toFixed(2)}`,
          ...(d.strategy ? [d.strategy.reason, ...d.strategy.candidates.map((c) => `  ${c.kind}: expected loss ${c.objective.expectedLoss.toFixed(2)}, ${c.moved} moved, ${c.stranded} stranded`)] : []),
        ]);
      });
    });
  registerPrintCommands(airlift, io);
}
