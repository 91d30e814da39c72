import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import {
  DEDUP_INDEX_PARAMS, EnrollmentIndex, ZPersonRecord, calibrate, comparePersons, decideCandidate, dedupGallery, enrollDetainee, evaluateIdentity, evaluatePairs, exportAn2, importAn2, indexPathFor, listCandidates,
  loadEvaluation, openGalleryIndex, searchEnrollment, showCandidate, showIdentity, undoDecision, type TCandidate,
} from '../../identity/index.js';
import { invalid } from '../../kernel/index.js';
import { collect, readArgFile } from '../args.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson, printMarked } from '../output.js';
import { progressOn } from '../progress.js';
import { databaseUrlOf, globalsOf, withSession } from '../session.js';
import { febrlAccuracy, linkFiles, pairsCsv, parseMaps, readPersons } from './identity-link.js';

async function readJsonFile(path: string): Promise<unknown> {
  const text = await readArgFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw invalid(path, `not JSON: ${(e as Error).message}`);
  }
}

function pct(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(2)} %`;
}

function candidateLines(c: TCandidate): string[] {
  const side = (s: TCandidate['left']) => `${s.isn}  ${s.nameLatin ?? ''}  ${s.nameAr ?? ''}  born ${s.birthDate ?? s.birthYear ?? '?'} ${s.birthPlace ?? ''} ${s.nationality ?? ''}  (${s.marking})`;
  return [
    `${c.id}  score ${c.score.toFixed(2)}  biometric ${c.biometric?.toFixed(3) ?? 'n/a'}  ${c.status}${c.reason ? `: ${c.reason}` : ''}`,
    `  left:  ${side(c.left)}`,
    `  right: ${side(c.right)}`,
  ];
}

/** `sallyport identity …`: enroll, candidates, decide, undo, show, compare, link, dedup, search, evaluate. */
export function registerIdentityCommands(program: Command, io: CliIo): void {
  const identity = program.command('identity').description('biometric enrollment, matching, deduplication, adjudication and linkage (docs/identity.md)');

  identity
    .command('enroll')
    .description('enroll an encounter from a JSON request (isn, officer, station, templates, descriptive data)')
    .argument('<request>', 'JSON file')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const body = await readJsonFile(file);
      await withSession(g, io, async ({ ctx }) => {
        // The index file beside the store, when there is one, is used for the arrival search and kept current.
        const path = indexPathFor(databaseUrlOf(g, io.env), io.env.SALLYPORT_INDEX_PATH);
        const index = path && existsSync(path) ? new EnrollmentIndex(path) : null;
        if (index) await index.refresh(ctx.db);
        const r = await enrollDetainee(ctx, body as Parameters<typeof enrollDetainee>[1], index ? { index } : {});
        index?.flush();
        if (g.json) await printJson(io.stdout, r);
        else await printMarked(io.stdout, [r.enrollment.marking], [`enrolled ${r.enrollment.id} for ${r.enrollment.isn}: ${r.enrollment.templates.length} templates; ${r.candidates} candidate pairs queued`]);
      });
    });

  identity
    .command('candidates')
    .description('the adjudication queue (pairs you may see), best score first')
    .option('--status <status>', 'pending (default), same, different or unsure')
    .option('--limit <n>', 'at most this many (default 50)')
    .action(async (opts: { status?: string; limit?: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const page = await listCandidates(ctx, { status: opts.status as 'pending' | undefined, limit: opts.limit === undefined ? undefined : Number(opts.limit) });
        if (g.json) return printJson(io.stdout, page);
        await printMarked(io.stdout, page.items.flatMap((c) => [c.left.marking, c.right.marking]), [...page.items.flatMap(candidateLines), `${page.total} in all`]);
      });
    });

  identity
    .command('pair')
    .description('one candidate pair, side by side')
    .argument('<id>')
    .action(async (id: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const c = await showCandidate(ctx, id);
        if (g.json) return printJson(io.stdout, c);
        await printMarked(io.stdout, [c.left.marking, c.right.marking], [...candidateLines(c), ...c.components.map((x) => `  ${x.name.padEnd(12)} ${x.weight >= 0 ? '+' : ''}${x.weight.toFixed(2)}  ${x.note}`)]);
      });
    });

  identity
    .command('decide')
    .description('decide a candidate pair: same, different or unsure, with a reason')
    .argument('<id>')
    .requiredOption('--decision <d>', 'same | different | unsure')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, opts: { decision: string; reason: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const c = await decideCandidate(ctx, id, { decision: opts.decision as 'same', reason: opts.reason });
        if (g.json) return printJson(io.stdout, c);
        await printMarked(io.stdout, [c.left.marking, c.right.marking], candidateLines(c));
      });
    });

  identity
    .command('undo')
    .description('reverse the decision on a pair (a "same" link is undone) and put it back in the queue')
    .argument('<id>')
    .requiredOption('--reason <text>', 'why')
    .action(async (id: string, opts: { reason: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const c = await undoDecision(ctx, id, { reason: opts.reason });
        if (g.json) return printJson(io.stdout, c);
        await printMarked(io.stdout, [c.left.marking, c.right.marking], candidateLines(c));
      });
    });

  identity
    .command('show')
    .description("a person's identity: linked records, aliases, enrollments, decisions")
    .argument('<isn>')
    .action(async (isn: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const p = await showIdentity(ctx, isn);
        if (g.json) return printJson(io.stdout, p);
        await printMarked(io.stdout, [p.marking], [
          `${p.isn}  ${p.name.latin}  ${p.name.ar}  (identity ${p.identityId})`,
          ...p.members.filter((m) => m.detaineeId !== p.detaineeId).map((m) => `  linked: ${m.isn} ${m.nameLatin}`),
          ...p.aliases.map((a) => `  alias: ${a.name} (${a.source}${a.isn ? `, ${a.isn}` : ''})`),
          ...p.enrollments.map((e) => `  enrollment ${e.id}: ${e.templates.length} templates, ${e.station}, ${e.capturedAt}`),
        ]);
      });
    });

  identity
    .command('compare')
    .description('score two person records (JSON: names, birthDate, birthYear, birthPlace, nationality) with each component\'s contribution')
    .argument('<a>')
    .argument('<b>')
    .action(async (a: string, b: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const parse = async (f: string) => {
        const r = ZPersonRecord.safeParse(await readJsonFile(f));
        if (!r.success) {
          const i = r.error.issues[0];
          throw invalid(`${f}: ${i?.path.join('.') ?? ''}`, i?.message ?? 'invalid');
        }
        return r.data;
      };
      const c = comparePersons(await parse(a), await parse(b));
      if (g.json) return printJson(io.stdout, c);
      for (const x of c.components) await writeLine(io.stdout, `${x.name.padEnd(12)} ${x.weight >= 0 ? '+' : ''}${x.weight.toFixed(2).padStart(6)}  ${x.note}`);
      await writeLine(io.stdout, `score ${c.score.toFixed(2)} (threshold ${c.threshold.toFixed(2)}): ${c.match ? 'MATCH' : 'no match'}`);
    });

  identity
    .command('link')
    .description('link two CSV files of person records (or deduplicate one: the same file twice); prints P/R/F1 with --truth febrl')
    .requiredOption('--left <file>', 'CSV file')
    .requiredOption('--right <file>', 'CSV file (the same as --left to deduplicate)')
    .option('--map <COLUMN=FIELD>', 'map a column to a field (repeat): given, surname, name, nameAr, alias, birthDate, birthYear, birthPlace, nationality, or any other name (free text)', collect)
    .option('--id <column>', 'the column identifying a record (default: the row number)')
    .option('--truth <kind>', '"febrl": ids are rec-N-org / rec-N-dup-k; print pairwise precision, recall and F1')
    .requiredOption('--out <file>', 'PAIRS.csv: left_id, right_id, score, decision, component levels')
    .action(async (opts: { left: string; right: string; map?: string[]; id?: string; truth?: string; out: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const maps = parseMaps(opts.map ?? []);
      const left = await readPersons(opts.left, maps, opts.id);
      const same = opts.left === opts.right;
      const right = same ? null : await readPersons(opts.right, maps, opts.id);
      const bar = progressOn(io.stderr, { label: 'comparing', quiet: g.json });
      const t0 = performance.now();
      const result = linkFiles(left, right, (done, total) => bar.update({ done, total, records: done }));
      bar.finish();
      await writeFile(opts.out, pairsCsv(result, left.ids, right ? right.ids : left.ids), { mode: 0o600 });
      const matches = result.pairs.filter((p) => p.match).length;
      const summary: Record<string, unknown> = { candidates: result.candidates, matches, threshold: result.model.threshold, ms: Math.round(performance.now() - t0) };
      if (opts.truth === 'febrl') summary.accuracy = febrlAccuracy(result, left.ids, right ? right.ids : null);
      if (g.json) return printJson(io.stdout, summary);
      await writeLine(io.stdout, `${result.candidates} candidate pairs, ${matches} matches at threshold ${result.model.threshold.toFixed(2)} (${String(summary.ms)} ms); pairs in ${opts.out}`);
      const acc = summary.accuracy as ReturnType<typeof febrlAccuracy> | undefined;
      if (acc) await writeLine(io.stdout, `precision ${acc.precision.toFixed(4)}  recall ${acc.recall.toFixed(4)}  F1 ${acc.f1.toFixed(4)}  (${acc.tp} of ${acc.truePairs} true pairs)`);
    });

  identity
    .command('dedup')
    .description('search the whole gallery for duplicates (worker threads, or the HNSW index with --index) and queue the candidate pairs')
    .option('--threads <n>', 'worker threads (default 2)')
    .option('--index', 'take neighbours from the HNSW index file beside the store (rebuilt when missing or stale)')
    .action(async (opts: { threads?: string; index?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const bar = progressOn(io.stderr, { label: 'dedup', quiet: g.json });
        const t0 = performance.now();
        const path = indexPathFor(databaseUrlOf(g, io.env), io.env.SALLYPORT_INDEX_PATH);
        const r = await dedupGallery(ctx, {
          threads: opts.threads ? Number(opts.threads) : 2,
          onProgress: (p) => bar.update({ done: p.done, total: p.total, records: p.done }),
          ...(opts.index
            ? {
                neighbours: async (gal, k) => {
                  const idx = openGalleryIndex(gal, path, { params: DEDUP_INDEX_PARAMS, onProgress: (done, total) => bar.update({ done, total, records: done }) });
                  return idx.neighboursOfAll(gal, k, { threads: opts.threads ? Number(opts.threads) : 2, onProgress: (done) => bar.update({ done, total: gal.ids.length, records: done }) });
                },
              }
            : {}),
        });
        bar.finish();
        if (g.json) return printJson(io.stdout, r);
        await writeLine(io.stdout, `${r.enrollments} enrollments, ${r.compared} pairs scored (${r.method}), ${r.candidates} above threshold, ${r.queued} newly queued in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      });
    });

  identity
    .command('search')
    .description('1:N search of one enrollment against the gallery: exact, and the HNSW index (file beside the store, rebuilt when missing or stale)')
    .argument('<enrollment>', 'enrollment id')
    .option('--k <n>', 'candidates (default 10)')
    .action(async (id: string, opts: { k?: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const path = indexPathFor(databaseUrlOf(g, io.env), io.env.SALLYPORT_INDEX_PATH);
        const out = await searchEnrollment(ctx, id, { k: opts.k ? Number(opts.k) : 10, index: (gal) => openGalleryIndex(gal, path) });
        if (g.json) return printJson(io.stdout, out);
        for (const [i, h] of out.exact.entries()) {
          const x = out.index?.[i];
          await writeLine(io.stdout, `${String(i + 1).padStart(3)}  exact ${h.enrollmentId} ${h.similarity.toFixed(4)}   index ${x?.enrollmentId ?? '-'} ${x?.similarity.toFixed(4) ?? ''}`);
        }
      });
    });

  identity
    .command('export')
    .description("a detainee's latest enrollment as an ANSI/NIST-ITL 1-2011 transaction (traditional encoding)")
    .requiredOption('--detainee <isn>', 'the detainee')
    .requiredOption('--out <file>', 'FILE.an2')
    .action(async (opts: { detainee: string; out: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const r = await exportAn2(ctx, opts.detainee);
        await writeFile(opts.out, r.bytes, { mode: 0o600 });
        if (g.json) return printJson(io.stdout, { enrollment: r.enrollmentId, bytes: r.bytes.length, marking: r.marking });
        await printMarked(io.stdout, [r.marking], [`enrollment ${r.enrollmentId}: ${r.bytes.length} bytes written to ${opts.out}`]);
      });
    });

  identity
    .command('import')
    .description('enroll an ANSI/NIST-ITL 1-2011 transaction; a malformed file is refused naming the record and field, and nothing is stored')
    .argument('<file>', 'FILE.an2')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch (e) {
        throw invalid(file, `cannot read: ${(e as Error).message}`);
      }
      await withSession(g, io, async ({ ctx }) => {
        const r = await importAn2(ctx, bytes);
        if (g.json) return printJson(io.stdout, r);
        await printMarked(io.stdout, [r.enrollment.marking], [`imported ${r.enrollment.id} for ${r.enrollment.isn}: ${r.enrollment.templates.length} templates; ${r.candidates} candidate pairs queued`]);
      });
    });

  identity
    .command('evaluate')
    .description("accuracy on the loaded scenario's ground truth: precision, recall, F1 and FNIR at FPIR 0.001 for biometrics, names and fused")
    .option('--fit', 'instead, fit the model (m/u and thresholds) on this scenario and print it as JSON')
    .action(async (opts: { fit?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx }) => {
        const bar = progressOn(io.stderr, { label: 'evaluate', quiet: g.json });
        const onProgress = (p: { done: number; total: number }) => bar.update({ done: p.done, total: p.total, records: p.done });
        if (opts.fit) {
          const { g: gal, pairs, truePairs } = await loadEvaluation(ctx, { onProgress });
          bar.finish();
          const models = calibrate(pairs);
          await printJson(io.stdout, { models, accuracy: evaluatePairs(pairs, gal, truePairs, models) });
          return;
        }
        const r = await evaluateIdentity(ctx, { onProgress });
        bar.finish();
        if (g.json) return printJson(io.stdout, r);
        await writeLine(io.stdout, `${r.enrollments} enrollments, ${r.truePairs} true duplicate/alias pairs`);
        await writeLine(io.stdout, 'matcher     threshold  predicted  precision  recall     F1         FNIR@FPIR=0.001');
        for (const x of r.results) {
          await writeLine(io.stdout, `${x.matcher.padEnd(11)} ${x.threshold.toFixed(3).padStart(9)}  ${String(x.predicted).padStart(9)}  ${pct(x.precision).padEnd(9)}  ${pct(x.recall).padEnd(9)}  ${pct(x.f1).padEnd(9)}  ${pct(x.fnirAtFpir)}`);
        }
      });
    });
}
