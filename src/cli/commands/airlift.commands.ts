import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AirliftErrors, checkPlan, exportInstance, gapOf, planInstance, type TAirliftInstance } from '../../airlift/index.js';
import { DomainError, invalid } from '../../kernel/index.js';
import { readArgFile } from '../args.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { printJson } from '../output.js';
import { progressOn } from '../progress.js';
import { byHandLine, conditionLines } from '../present/airlift-conditions.present.js';
import { globalsOf, withSession } from '../session.js';
import { registerAirliftExecutionCommands } from './airlift-execution.commands.js';

async function readJson(path: string): Promise<unknown> {
  const text = await readArgFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw invalid(path, `not JSON: ${(e as Error).message}`, AirliftErrors.AIRLIFT_INSTANCE_INVALID);
  }
}

async function writeDoc(path: string | undefined, io: CliIo, doc: unknown): Promise<void> {
  const text = `${JSON.stringify(doc, null, 1)}\n`;
  if (path === undefined || path === '-') io.stdout.write(text);
  else await writeFile(path, text, { mode: 0o600 });
}

/** `sallyport airlift instance|plan|check`. */
export function registerAirliftCommands(program: Command, io: CliIo): void {
  const airlift = program.command('airlift').description('airlift plans: instances, planning with a lower bound, checking (formats/airlift.md)');

  airlift
    .command('instance')
    .description('export the loaded scenario as a planning instance (only what the acting user may see)')
    .option('--out <file>', 'write here (default stdout)')
    .option('--start <time>', 'time zero, ISO 8601 UTC (default: the earliest aircraft availability)')
    .action(async (opts: { out?: string; start?: string }, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx }) => {
        const instance = await exportInstance(ctx, opts.start ? { start: opts.start } : {});
        await writeDoc(opts.out, io, instance);
        await writeLine(io.stderr, `${instance.detainees.length} detainees, ${instance.nodes.length} nodes, ${instance.aircraft.length} aircraft`);
      });
    });

  airlift
    .command('plan')
    .description('plan an instance file, or the loaded scenario when --instance is absent; prints the objective, bound and gap')
    .option('--instance <file>', 'instance JSON (format sallyport.airlift.instance/1)')
    .option('--out <file>', 'write the plan here (default stdout)')
    .option('--allow-undelivered', 'write a plan that declares who it cannot deliver instead of refusing')
    .action(async (opts: { instance?: string; out?: string; allowUndelivered?: boolean }, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const instance: unknown = opts.instance
        ? await readJson(opts.instance)
        : await withSession(g, io, async ({ ctx }): Promise<TAirliftInstance> => exportInstance(ctx));
      const bar = progressOn(io.stderr, { label: 'planning', quiet: g.json });
      const t0 = performance.now();
      const plan = await planInstance(instance, {
        allowUndelivered: opts.allowUndelivered ?? false,
        progress: (done, total) => bar.update({ done, total, records: done }),
      }).finally(() => bar.finish());
      await writeDoc(opts.out, io, plan);
      const summary = { ...plan.objective, bound: plan.bound.expectedLoss, boundCompletionHours: plan.bound.completionHours, gap: gapOf(plan), legs: plan.legs.length, ms: Math.round(performance.now() - t0) };
      if (g.json && opts.out) await printJson(io.stdout, summary);
      else await writeLine(io.stderr, `expected loss ${summary.expectedLoss.toFixed(3)} (bound ${summary.bound.toFixed(3)}, gap ${(summary.gap * 100).toFixed(1)} %), completion ${String(summary.completionHours?.toFixed(2))} h, ${summary.flightHours.toFixed(1)} flight hours, ${summary.legs} legs, ${summary.ms} ms`);
      // Agreement conditions: those the plan keeps, and those a person must check (never dropped silently).
      if (!g.json) for (const line of conditionLines(plan.instance)) await writeLine(io.stderr, line);
    });

  airlift
    .command('check')
    .description('check a plan against its embedded instance: every violated rule is printed; a non-zero exit code when any')
    .argument('<plan>', 'plan JSON (format sallyport.airlift.plan/1)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const g = globalsOf(cmd.optsWithGlobals());
      const result = checkPlan(await readJson(file));
      if (g.json) await printJson(io.stdout, result);
      else {
        for (const v of result.violations) await writeLine(io.stdout, `rule ${v.rule}: ${v.message}`);
        if (result.valid) await writeLine(io.stdout, `valid: ${JSON.stringify(result.objective)}`);
        if (result.conditionsByHand) await writeLine(io.stdout, [`conditions to check by hand (${result.conditionsByHand.length}):`, ...result.conditionsByHand.map(byHandLine)].join('\n'));
      }
      if (!result.valid) {
        throw new DomainError('invalid', AirliftErrors.AIRLIFT_PLAN_INVALID, `${result.violations.length} violations`, { reason: 'the plan breaks the rules listed', count: result.violations.length });
      }
    });
  registerAirliftExecutionCommands(airlift, io);
}
