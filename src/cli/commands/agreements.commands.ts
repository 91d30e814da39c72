import type { Command } from 'commander';
import {
  AGREEMENT_STATUSES, ASSURANCE_KINDS, CONDITION_KINDS, ZAgreementInput, ZAgreementListQuery, ZTransitionRequest, changeAgreementStatus, createAgreement,
  listAgreements, showAgreement,
} from '../../agreements/index.js';
import { collect, given, parseArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { printJson, printMarked } from '../output.js';
import { agreementLines, agreementTable } from '../present/warning.present.js';
import { globalsOf, withSession } from '../session.js';

interface CreateOptions {
  code?: string; title?: string; holding?: string; receiving?: string; airlift?: string; destination?: string; from?: string; to?: string;
  perDay?: string; quota?: string[]; assurance?: string[]; condition?: string[]; marking?: string;
}

/** `KEY=N` pairs into a record (a malformed pair is left for the schema to refuse). */
function pairs(list: readonly string[] | undefined): Record<string, number | string> {
  return Object.fromEntries((list ?? []).map((p) => {
    const [k, v] = p.split('=');
    return [k ?? p, v === undefined || v === '' || Number.isNaN(Number(v)) ? (v ?? '') : Number(v)];
  }));
}

/** `kind:text` items into objects. */
function items(list: readonly string[] | undefined): { kind: string; text: string }[] {
  return (list ?? []).map((s) => {
    const i = s.indexOf(':');
    return i < 0 ? { kind: s, text: '' } : { kind: s.slice(0, i).trim(), text: s.slice(i + 1).trim() };
  });
}

/** `agreements list|show|create|status`: thin commands over the agreements module. */
export function registerAgreementsCommands(program: Command, io: CliIo): void {
  const agreements = program.command('agreements').description('transfer agreements: parties, quotas, assurances, conditions and status');

  agreements.command('list').description('agreements you may see').option('--status <status>', AGREEMENT_STATUSES.join(' | '))
    .action(async (opts: { status?: string }, cmd: Command) => {
      const q = parseArgs(ZAgreementListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const r = await listAgreements(ctx, q);
        return json ? printJson(io.stdout, r.items) : printMarked(io.stdout, [r.marking], agreementTable(r.items));
      });
    });

  agreements.command('show').description('one agreement with its quotas, assurances, conditions and history').argument('<code>', 'agreement code or id')
    .action(async (code: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await showAgreement(ctx, code);
        return json ? printJson(io.stdout, a) : printMarked(io.stdout, [a.marking], agreementLines(a));
      });
    });

  agreements.command('create').description('record a new agreement as a draft')
    .option('--code <code>').option('--title <text>').option('--holding <agency>', 'holding force').option('--receiving <agency>', 'receiving government')
    .option('--airlift <agency>', 'airlift command').option('--destination <code>', 'receiving facility').option('--from <date>', 'valid from').option('--to <date>', 'valid to')
    .option('--per-day <n>', 'detainees arriving per day at most').option('--quota <ISO3=N>', 'per nationality, per day (repeat)', collect)
    .option('--assurance <kind:text>', `repeat; kinds: ${ASSURANCE_KINDS.join(', ')}`, collect).option('--condition <kind:text>', `repeat; kinds: ${CONDITION_KINDS.join(', ')}`, collect)
    .option('--marking <marking>', 'portion mark')
    .action(async (o: CreateOptions, cmd: Command) => {
      const input = parseArgs(ZAgreementInput, given({
        code: o.code, title: o.title, holdingAgency: o.holding, receivingAgency: o.receiving, airliftAgency: o.airlift, destination: o.destination, validFrom: o.from,
        validTo: o.to, perDay: o.perDay === undefined ? undefined : Number(o.perDay), nationalityQuotas: pairs(o.quota), assurances: items(o.assurance),
        conditions: items(o.condition), marking: o.marking,
      }), { holdingAgency: '--holding', receivingAgency: '--receiving', airliftAgency: '--airlift', validFrom: '--from', validTo: '--to', nationalityQuotas: '--quota', assurances: '--assurance', conditions: '--condition' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await createAgreement(ctx, input);
        return json ? printJson(io.stdout, a) : printMarked(io.stdout, [a.marking], agreementLines(a));
      });
    });

  agreements.command('status').description('move an agreement along its lifecycle: draft → negotiating → signed ⇄ suspended')
    .argument('<code>', 'agreement code or id').argument('<to>', AGREEMENT_STATUSES.join(' | ')).option('--note <text>').option('--if-version <n>', 'refuse if the agreement changed since this version')
    .action(async (code: string, to: string, o: { note?: string; ifVersion?: string }, cmd: Command) => {
      const input = parseArgs(ZTransitionRequest, given({ to, note: o.note, version: o.ifVersion === undefined ? undefined : Number(o.ifVersion) }), { to: 'TO' });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async ({ ctx, json }) => {
        const a = await changeAgreementStatus(ctx, code, input);
        return json ? printJson(io.stdout, a) : printMarked(io.stdout, [a.marking], agreementLines(a));
      });
    });
}
