import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { ZPassword, type Ctx } from '../../access/index.js';
import { generateScenario, loadScenario, resolveKnobs, serializeRecord, type GenerateOptions } from '../../scenario/index.js';
import { migrateToLatest } from '../../store/index.js';
import { keyringFor, type Keyring } from '../../custody/index.js';
import { parseArgs, given } from '../args.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { write, writeLine } from '../io.js';
import { printJson } from '../output.js';
import { openOutput, writeOutput } from '../output-file.js';
import { progressOn, type Progress } from '../progress.js';
import { databaseUrlOf, globalsOf, sessionOn, withStore } from '../session.js';

const ZKnob = z.coerce.number().int().min(0).max(10_000_000).optional();
const ZGenerateArgs = z.object({
  seed: z.string().min(1).max(200),
  detainees: ZKnob,
  facilities: ZKnob,
  aircraft: ZKnob,
  campResidents: ZKnob,
  out: z.string().min(1),
});

// Lines are written in chunks of about this many characters: one write per record would cost a syscall each.
const CHUNK = 1 << 16;

/**
 * The generator's options from the command line; the generator's own range checks become usage errors.
 * @throws UsageError naming the knob at fault.
 */
function generateOptionsOf(args: z.output<typeof ZGenerateArgs>): GenerateOptions {
  const { out: _out, seed, ...knobs } = args;
  const opts: GenerateOptions = { seed, knobs: given(knobs) };
  try {
    resolveKnobs(opts);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new UsageError(e.message, [{ field: 'knobs', reason: e.message }]);
  }
  return opts;
}

async function generate(out: NodeJS.WritableStream, opts: GenerateOptions, onRecord: (n: number) => void): Promise<number> {
  let n = 0;
  let buffer = '';
  for (const record of generateScenario(opts)) {
    buffer += `${serializeRecord(record)}\n`;
    onRecord(++n);
    if (buffer.length >= CHUNK) {
      await write(out, buffer);
      buffer = '';
    }
  }
  await write(out, buffer);
  return n;
}

function demoPasswordOf(fromOption: string | undefined, env: CliIo['env']): string {
  const password = fromOption ?? (env.SALLYPORT_DEMO_PASSWORD || undefined);
  if (password === undefined) {
    throw new UsageError('no demo password: give --demo-password or set SALLYPORT_DEMO_PASSWORD', [{ field: '--demo-password', reason: 'required' }]);
  }
  const checked = ZPassword.safeParse(password);
  if (!checked.success) throw new UsageError('the demo password is too weak', [{ field: '--demo-password', reason: checked.error.issues[0]?.message ?? 'invalid' }]);
  return checked.data;
}

async function fileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (s.isFile()) return s.size;
  } catch {
    // reported below, like a directory
  }
  throw new UsageError(`${path}: no such file`, [{ field: 'FILE', reason: `cannot read ${path}` }]);
}

interface LoadFileOptions {
  demoPassword: string;
  keyring: Keyring;
  progress: Progress;
  totalBytes: number;
}

/** Streams the file line by line into the loader, reporting progress by bytes read. */
async function loadFile(ctx: Ctx, file: string, opts: LoadFileOptions): Promise<{ records: number; users: string[] }> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  // NOTE: attach the iterator now. readline emits lines as soon as the stream flows, and drops those emitted
  // before anyone iterates; the loader awaits its transaction before reading its first line.
  const iterator = lines[Symbol.asyncIterator]();
  const buffered: AsyncIterable<string> = { [Symbol.asyncIterator]: () => iterator };
  const onProgress = (p: { records: number; bytes: number }) => opts.progress.update({ done: p.bytes, total: opts.totalBytes, records: p.records });
  try {
    const result = await loadScenario(ctx, buffered, { demoPassword: opts.demoPassword, keyring: opts.keyring, onProgress });
    opts.progress.finish();
    return result;
  } catch (e) {
    opts.progress.stop();
    throw e;
  } finally {
    lines.close();
  }
}

/** `scenario generate` (seeded NDJSON) and `scenario load` (into the store, as the local operator). */
export function registerScenarioCommands(program: Command, io: CliIo): void {
  const scenario = program.command('scenario').description('the seeded synthetic scenario');

  scenario
    .command('generate')
    .description('write a deterministic scenario as NDJSON: the same seed and knobs give the same bytes')
    .requiredOption('--seed <seed>', 'any text; the same seed gives the same scenario')
    .option('--detainees <n>', 'number of detainees')
    .option('--facilities <n>', 'number of prisons')
    .option('--aircraft <n>', 'number of aircraft')
    .option('--camp-residents <n>', 'number of displacement-camp residents')
    .requiredOption('--out <file>', 'output file, or - for stdout')
    .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const args = parseArgs(ZGenerateArgs, given({ ...opts }));
      const genOpts = generateOptionsOf(args);
      const target = await openOutput(args.out, io);
      const progress = progressOn(io.stderr, { label: 'generating', quiet: g.json });
      const n = await writeOutput(target, (out) => generate(out, genOpts, (records) => progress.update({ done: records, records }))).catch((e: unknown) => {
        progress.stop();
        throw e;
      });
      progress.finish();
      if (!target.toStdout && g.json) await printJson(io.stdout, { records: n, out: args.out });
      else if (!target.toStdout) await writeLine(io.stdout, `wrote ${n} records to ${args.out}`);
    });

  scenario
    .command('load')
    .description('load a scenario file into an empty store (migrating it first), as the local operator; prints the demo users')
    .argument('<file>', 'NDJSON from `scenario generate`')
    .option('--demo-password <password>', 'password of every demo user (prefer $SALLYPORT_DEMO_PASSWORD: arguments show in ps)')
    .action(async (file: string, opts: { demoPassword?: string }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const demoPassword = demoPasswordOf(opts.demoPassword, io.env);
      const totalBytes = await fileSize(file);
      await withStore(g, io, async (store) => {
        await migrateToLatest(store);
        const { ctx } = await sessionOn(store, g, io);
        const progress = progressOn(io.stderr, { label: 'loading', quiet: g.json });
        const keyring = keyringFor(databaseUrlOf(g, io.env), io.env.SALLYPORT_KEY_DIR || undefined);
        const result = await loadFile(ctx, file, { demoPassword, keyring, progress, totalBytes });
        if (g.json) return printJson(io.stdout, result);
        await writeLine(io.stdout, `loaded ${result.records} records from ${file}`);
        await writeLine(io.stdout, `demo users (${result.users.length}), all with the demo password:`);
        for (const u of result.users) await writeLine(io.stdout, `  ${u}`);
      });
    });
}
