import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import {
  addEvidence, CASE_STATUSES, confirmDeclass, createCase, decideDeclass, declassQueue, EVIDENCE_KINDS, expireDeclassRequests, exportCase, listCases,
  requestDeclass, setCaseStatus, showCase, ZAddEvidenceRequest, ZCaseStatusRequest, ZCaseListQuery, ZConfirmInput, ZCreateCaseRequest, ZDecisionInput, ZDeclassRequestInput, ZExportQuery,
  ZQueueQuery, type TContentInput,
} from '../../cases/index.js';
import { collect, given, parseArgs } from '../args.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { openOutput } from '../output-file.js';
import { printJson, printMarked } from '../output.js';
import { caseLines, caseMarkings, caseTable, itemLines, queueLines, requestLines } from '../present/cases.present.js';
import { globalsOf, withSession } from '../session.js';
import { custodyOf } from './custody.commands.js';

const TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain', '.md': 'text/markdown', '.pdf': 'application/pdf', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png',
  '.tif': 'image/tiff', '.tiff': 'image/tiff', '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.mp4': 'video/mp4', '.json': 'application/json',
};

/** Content from `--body` or `--file` (read, base64; type from `--content-type` or the extension). */
async function contentOf(o: { body?: string; file?: string; contentType?: string }): Promise<TContentInput | undefined> {
  if (o.body !== undefined && o.file !== undefined) throw new UsageError('give --body or --file, not both', [{ field: '--file', reason: 'one of --body or --file' }]);
  if (o.body !== undefined) return { body: o.body };
  if (o.file === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(o.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`${o.file}: cannot read file (${code})`, [{ field: '--file', reason: `cannot read ${o.file} (${code})` }]);
  }
  const type = o.contentType ?? TYPES[extname(o.file).toLowerCase()] ?? 'application/octet-stream';
  return { file: bytes.toString('base64'), contentType: type, fileName: o.file.split('/').pop()! };
}

function registerCaseRead(cases: Command, io: CliIo): void {
  cases.command('list').description('case files you may see, with the evidence items you may see counted')
    .option('--status <status>', `one of ${CASE_STATUSES.join(', ')}`).option('--q <words>', 'words of the reference or title')
    .action(async (opts: { status?: string; q?: string }, cmd: Command) => {
      const q = parseArgs(ZCaseListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await listCases(ctx, q);
        if (json) await printJson(io.stdout, r.items);
        else await printMarked(io.stdout, r.items.length > 0 ? [r.marking] : [], caseTable(r.items));
      });
    });
  cases.command('show').description('a case file: detainees, readiness, and the evidence versions and custody steps you may see')
    .argument('<case>', 'case reference or id')
    .action(async (ref: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const c = await showCase(ctx, ref);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, caseMarkings(c), caseLines(c));
      });
    });
  cases.command('export').description('the case file as Markdown, HTML (print styles) or PDF; every paragraph portion-marked, banner from the parts')
    .argument('<case>', 'case reference or id').option('--format <f>', 'markdown, html or pdf', 'markdown').option('--versions <v>', 'latest or all', 'latest')
    .option('--out <file>', 'write to this file (default stdout; PDF needs --out)')
    .action(async (ref: string, opts: { format?: string; versions?: string; out?: string }, cmd: Command) => {
      const q = parseArgs(ZExportQuery, given({ format: opts.format, versions: opts.versions }));
      if (q.format === 'pdf' && (opts.out === undefined || opts.out === '-')) throw new UsageError('a PDF goes to a file: give --out FILE', [{ field: '--out', reason: 'required for pdf' }]);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx }) => {
        const doc = await exportCase(ctx, ref, q);
        const out = await openOutput(opts.out, io);
        try {
          out.stream.write(doc.body);
          await out.close();
        } catch (e) {
          await out.abort();
          throw e;
        }
        if (!out.toStdout) await writeLine(io.stderr, `${doc.banner}: ${doc.parts} marked paragraphs written to ${opts.out}`);
      });
    });
}

interface CreateOptions { ref?: string; title?: string; detainee?: string[]; jurisdiction?: string; country?: string; court?: string; charge?: string[]; marking?: string }
interface EvidenceOptions { kind?: string; agency?: string; dated?: string; description?: string; source?: string; provenance?: string; body?: string; file?: string; contentType?: string; marking?: string; collectedAt?: string; collectedBy?: string; place?: string }

function registerCaseWrite(cases: Command, io: CliIo): void {
  cases.command('create').description("open a case for your agency")
    .option('--ref <REF>', 'reference (default generated)').requiredOption('--title <text>', 'title').option('--detainee <ISN>', 'a detainee (repeat)', collect)
    .requiredOption('--jurisdiction <kind>', 'receiving, origin or international').requiredOption('--country <ISO3>', "the prosecutor's country (a mechanism's seat)")
    .option('--court <name>', 'the court or mechanism').option('--charge <text>', 'a charge considered (repeat)', collect).option('--marking <marking>', 'marking of the case record', 'U')
    .action(async (o: CreateOptions, cmd: Command) => {
      const raw = given({
        ref: o.ref, title: o.title, detainees: o.detainee ?? [], jurisdiction: given({ kind: o.jurisdiction, country: o.country, name: o.court }), charges: o.charge ?? [], marking: o.marking,
      });
      parseArgs(ZCreateCaseRequest, raw, { detainees: '--detainee', jurisdiction: '--jurisdiction', charges: '--charge' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const c = await createCase(ctx, raw as Parameters<typeof createCase>[1]);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, caseMarkings(c), caseLines(c));
      });
    });
  cases.command('status').description('move a case forward (open, referred, charged, tried, closed); closing before trial and reopening (closed → open) need --reason')
    .argument('<case>', 'case reference or id').argument('<status>', CASE_STATUSES.join(', '))
    .option('--if-version <n>', 'the case version you saw (refused if it changed; default: the current one)').option('--reason <text>', 'why (required to close before trial and to reopen)')
    .action(async (ref: string, status: string, o: { ifVersion?: string; reason?: string }, cmd: Command) => {
      const flags = { version: '--if-version', reason: '--reason', status: '<status>' };
      parseArgs(ZCaseStatusRequest, given({ status, version: o.ifVersion === undefined ? 1 : Number(o.ifVersion), reason: o.reason }), flags);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const version = o.ifVersion === undefined ? (await showCase(ctx, ref)).version : Number(o.ifVersion);
        const c = await setCaseStatus(ctx, ref, given({ status, version, reason: o.reason }) as Parameters<typeof setCaseStatus>[2]);
        if (json) await printJson(io.stdout, c);
        else await printMarked(io.stdout, caseMarkings(c), caseLines(c));
      });
    });
  cases.command('add-evidence').description('add an evidence item: content (--body or --file, up to 5 MiB), its marking, and its collection step')
    .argument('<case>', 'case reference or id').requiredOption('--kind <kind>', EVIDENCE_KINDS.join(', ')).requiredOption('--agency <CODE>', 'originating agency')
    .requiredOption('--dated <YYYY-MM-DD>', 'date of the evidence').requiredOption('--description <text>', 'description').requiredOption('--source <text>', 'source')
    .requiredOption('--provenance <text>', 'provenance').option('--body <text>', 'text content').option('--file <path>', 'a file').option('--content-type <type>', 'the file\'s type (default from its extension)')
    .requiredOption('--marking <marking>', 'e.g. S//REL TO USA, IRQ').option('--collected-at <RFC3339>', 'when it was collected').option('--collected-by <who>', 'who collected it').option('--place <where>', 'where')
    .action(async (ref: string, o: EvidenceOptions, cmd: Command) => {
      const content = await contentOf(o);
      const custody = o.collectedAt ? [given({ at: o.collectedAt, action: 'collected', actor: o.collectedBy ?? o.agency, place: o.place })] : [];
      const raw = given({ kind: o.kind, agency: o.agency, dated: o.dated, description: o.description, source: o.source, provenance: o.provenance, content, marking: o.marking, custody });
      parseArgs(ZAddEvidenceRequest, raw, { content: '--body', custody: '--collected-at' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const item = await addEvidence(ctx, ref, raw as Parameters<typeof addEvidence>[2]);
        if (json) await printJson(io.stdout, item);
        else await printMarked(io.stdout, item.versions.map((v) => v.marking), itemLines(item));
      });
    });
}

interface RequestOptions { item?: string; itemVersion?: string; audience?: string; country?: string; name?: string; purpose?: string; due?: string; expires?: string }
interface DecideOptions { outcome?: string; marking?: string; body?: string; file?: string; contentType?: string; reason?: string; description?: string; source?: string }

function registerDeclass(program: Command, io: CliIo): void {
  const d = program.command('declass').description('declassification: prosecutors request releases; originating agencies\' reviewers decide');
  d.command('request').description('ask that an evidence item be released to a prosecutor or the court')
    .requiredOption('--item <ref>', 'evidence item').option('--item-version <n>', 'version of the item (default the newest you see)').option('--audience <kind>', 'prosecutor or court', 'prosecutor')
    .requiredOption('--country <ISO3>', 'the audience\'s country').option('--name <text>', 'the audience by name').requiredOption('--purpose <text>', 'why')
    .option('--due <RFC3339>', 'the reviewer\'s deadline (default 14 days)').option('--expires <RFC3339>', 'lapses undecided (default 30 days after the deadline)')
    .action(async (o: RequestOptions, cmd: Command) => {
      const raw = given({ item: o.item, version: o.itemVersion === undefined ? undefined : Number(o.itemVersion), audience: given({ kind: o.audience, country: o.country, name: o.name }), purpose: o.purpose, dueAt: o.due, expiresAt: o.expires });
      parseArgs(ZDeclassRequestInput, raw, { audience: '--country', dueAt: '--due', expiresAt: '--expires' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await requestDeclass(ctx, raw as Parameters<typeof requestDeclass>[1]);
        if (json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, [r.marking], requestLines(r));
      });
    });
  d.command('queue').description('your agency\'s requests to decide, overdue ones flagged')
    .option('--status <s>', 'open (default), pending, awaiting-confirmation, released, denied, expired or all', 'open')
    .action(async (o: { status?: string }, cmd: Command) => {
      const q = parseArgs(ZQueueQuery, given({ status: o.status }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await declassQueue(ctx, q);
        if (json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, r.items.length > 0 ? [r.marking] : [], queueLines(r));
      });
    });
  d.command('decide').description('decide a request: release, redact (new version, lower marking), downgrade (two persons for S and TS) or deny')
    .argument('<request>', 'request id').requiredOption('--outcome <o>', 'release, redact, downgrade or deny').option('--marking <marking>', 'marking of the redacted or downgraded version')
    .option('--body <text>', 'redacted text').option('--file <path>', 'redacted file').option('--content-type <type>', 'the file\'s type').option('--description <text>', 'redacted description')
    .option('--source <text>', 'redacted source').option('--reason <text>', 'reason (required to deny)')
    .action(async (id: string, o: DecideOptions, cmd: Command) => {
      const content = await contentOf(o);
      const raw = given({ outcome: o.outcome, marking: o.marking, content, description: o.description, source: o.source, reason: o.reason });
      parseArgs(ZDecisionInput, raw, { content: '--body' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const r = await decideDeclass(custodyOf(s, cmd), id, raw as Parameters<typeof decideDeclass>[2]);
        if (s.json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, [r.marking], requestLines(r));
      });
    });
  d.command('confirm').description('as a second reviewer, approve (or --refuse) a proposed downgrade of S or TS')
    .argument('<request>', 'request id').option('--refuse', 'refuse instead').option('--reason <text>', 'why')
    .action(async (id: string, o: { refuse?: boolean; reason?: string }, cmd: Command) => {
      const input = parseArgs(ZConfirmInput, given({ approve: !o.refuse, reason: o.reason }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const r = await confirmDeclass(custodyOf(s, cmd), id, input);
        if (s.json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, [r.marking], requestLines(r));
      });
    });
  d.command('expire').description('record the expiry of your agency\'s lapsed requests')
    .action(async (_o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await expireDeclassRequests(ctx);
        if (json) await printJson(io.stdout, r);
        else await writeLine(io.stdout, `${r.expired.length} requests expired`);
      });
    });
}

/** `cases list|show|create|add-evidence|export` and `declass request|queue|decide|confirm|expire`. */
export function registerCasesCommands(program: Command, io: CliIo): void {
  const cases = program.command('cases').description('prosecution case files: evidence with marked versions, readiness, marked exports');
  registerCaseRead(cases, io);
  registerCaseWrite(cases, io);
  registerDeclass(program, io);
}
