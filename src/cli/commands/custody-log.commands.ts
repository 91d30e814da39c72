import type { Command } from 'commander';
import { z } from 'zod';
import { DomainError } from '../../kernel/index.js';
import {
  checkBundle, currentCheckpoint, CustodyErrors, entryProof, exportBundle, getConsistencyProof, listAlerts, listVerifications, verifyLog, witnessHead, ZConsistencyQuery,
} from '../../custody/index.js';
import { parseArgs, readArgFile } from '../args.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { write, writeLine } from '../io.js';
import { printJson } from '../output.js';
import { openOutput, writeOutput } from '../output-file.js';
import { bundleLines, verifyLines } from '../present/custody.present.js';
import { progressOn } from '../progress.js';
import { databaseUrlOf, globalsOf, withSession } from '../session.js';

/** The `reason` of an alert's detail, as text. */
function reasonOf(detail: Record<string, unknown> | undefined): string {
  return typeof detail?.reason === 'string' ? detail.reason : '';
}

const ZProofArgs = z
  .object({ detainee: z.string().min(1).optional(), index: z.coerce.number().int().min(0).optional(), out: z.string().min(1).optional() })
  .refine((a) => (a.detainee === undefined) !== (a.index === undefined), { message: 'give --detainee ISN or --index N', path: ['detainee'] })
  .refine((a) => a.detainee === undefined || a.out !== undefined, { message: 'a bundle needs --out FILE', path: ['out'] });

function registerProofCommands(custody: Command, io: CliIo): void {
  custody.command('checkpoint').description("the log's newest signed tree head (a C2SP checkpoint note)").action(async (_o: unknown, cmd: Command) => {
    await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
      const cp = await currentCheckpoint(ctx);
      if (json) await printJson(io.stdout, cp);
      else await write(io.stdout, cp.note);
    });
  });

  custody.command('proof').description("export a detainee's proof bundle (--detainee ISN --out FILE), or one entry's tlog-proof (--index N)")
    .option('--detainee <ISN>', 'the detainee whose bundle to export').option('--index <n>', 'one log entry').option('--out <file>', 'output file (- for stdout)')
    .action(async (opts: { detainee?: string; index?: string; out?: string }, cmd: Command) => {
      const args = parseArgs(ZProofArgs, opts, { detainee: '--detainee', index: '--index' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx }) => {
        const text = args.detainee !== undefined ? `${JSON.stringify(await exportBundle(ctx, args.detainee), null, 2)}\n` : await entryProof(ctx, args.index ?? 0);
        const target = await openOutput(args.out, io);
        await writeOutput(target, (o) => write(o, text));
        if (!target.toStdout) await writeLine(io.stderr, `wrote ${args.out ?? ''}`);
      });
    });

  custody.command('check-bundle').description('check a detainee bundle offline: no database, no network').argument('<file>', 'a sallyport.custody.bundle/1 file')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const result = checkBundle(await readArgFile(file));
      if (globalsOf(cmd.optsWithGlobals()).json) await printJson(io.stdout, result);
      else for (const l of bundleLines(result)) await writeLine(io.stdout, l);
      if (!result.ok) {
        throw new DomainError('invalid', CustodyErrors.CUSTODY_BUNDLE_REJECTED, `${file}: bundle rejected (${result.problems[0] ?? ''})`, {
          field: 'FILE', reason: 'bundle rejected', issues: result.problems.map((p) => ({ field: 'bundle', reason: p })),
        });
      }
    });

  custody.command('consistency').description('the consistency proof between two tree sizes, one base64 hash per line')
    .argument('<old>', 'the smaller size').argument('<new>', 'the larger size')
    .action(async (from: string, to: string, _o: unknown, cmd: Command) => {
      const q = parseArgs(ZConsistencyQuery, { from, to }, { from: 'OLD', to: 'NEW' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const p = await getConsistencyProof(ctx, q);
        if (json) await printJson(io.stdout, p);
        else for (const h of p.proof) await writeLine(io.stdout, h);
      });
    });
}

function registerIntegrityCommands(custody: Command, io: CliIo): void {
  custody.command('verify').description('recompute the whole log from storage: every leaf, node, signature and tree head; names the first bad entry')
    .option('--skip-signatures', 'check hashes and signed heads only, not each event signature and chain (faster)')
    .action(async (opts: { skipSignatures?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      await withSession(g, io, async ({ ctx, json }) => {
        const progress = progressOn(io.stderr, { label: 'verifying', quiet: json });
        // The hash-only pass of a large log runs in worker threads, each with its own connection to the store.
        const report = await verifyLog(ctx, { signatures: !opts.skipSignatures, databaseUrl: databaseUrlOf(g, io.env), onProgress: (p) => progress.update({ done: p.done, total: p.total, records: p.done }) })
          .finally(() => progress.finish());
        if (json) await printJson(io.stdout, report);
        else for (const l of verifyLines(report)) await writeLine(io.stdout, l);
        if (!report.ok) {
          throw new DomainError('conflict', CustodyErrors.CUSTODY_VERIFY_FAILED, `custody log verification failed at entry ${report.firstBad?.index ?? '-'}: ${report.firstBad?.reason ?? ''}`, {
            reason: report.firstBad?.reason ?? 'failed', index: report.firstBad?.index ?? null,
          });
        }
      });
    });

  custody.command('witness').description("record a tree head the acting user's agency has seen; an inconsistent one raises an alert naming both heads")
    .requiredOption('--checkpoint <file>', 'the signed checkpoint note, as received')
    .action(async (opts: { checkpoint: string }, cmd: Command) => {
      const checkpoint = await readArgFile(opts.checkpoint);
      if (checkpoint.trim() === '') throw new UsageError(`${opts.checkpoint}: empty`, [{ field: '--checkpoint', reason: 'empty file' }]);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await witnessHead(ctx, { checkpoint });
        if (json) await printJson(io.stdout, r);
        else await writeLine(io.stdout, r.consistent ? `head of size ${r.size} recorded for ${r.agency}: consistent` : `SPLIT VIEW: ${reasonOf(r.alert?.detail)} (alert ${r.alert?.id ?? ''})`);
      });
    });

  custody.command('verifications').description('recorded full verifications of the log, newest first').option('--limit <n>', 'how many', '20')
    .action(async (opts: { limit: string }, cmd: Command) => {
      const { limit } = parseArgs(z.object({ limit: z.coerce.number().int().min(1).max(200) }), opts, { limit: '--limit' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const runs = await listVerifications(ctx, limit);
        if (json) await printJson(io.stdout, runs);
        else for (const r of runs) await writeLine(io.stdout, `${r.finishedAt} ${r.ok ? 'OK  ' : 'FAIL'} size ${r.size} by ${r.runBy}${r.firstBad ? ` — entry ${r.firstBad.index ?? '-'} ${r.firstBad.what}: ${r.firstBad.reason}` : ''}`);
      });
    });

  custody.command('alerts').description('custody alerts (split views), newest first').action(async (_o: unknown, cmd: Command) => {
    await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
      const alerts = await listAlerts(ctx);
      if (json) await printJson(io.stdout, alerts);
      else for (const a of alerts) await writeLine(io.stdout, `${a.createdAt} ${a.kind} ${a.agency ?? '-'}: ${reasonOf(a.detail)}`);
    });
  });
}

/** `custody checkpoint|proof|check-bundle|consistency|verify|verifications|witness|alerts`. */
export function registerCustodyLogCommands(custody: Command, io: CliIo): void {
  registerProofCommands(custody, io);
  registerIntegrityCommands(custody, io);
}
