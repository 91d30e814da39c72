import type { Command } from 'commander';
import { z } from 'zod';
import {
  cancelHandover, createAgencyKey, createHandover, custodyCtx, detaineeTimeline, keyringFor, listHandovers, listKeys, publishLogKeyAndSign,
  recordEvent, rotateAgencyKey, signHandover, ZCreateHandoverRequest, ZHandoverListQuery, ZRecordEventRequest, CUSTODY_EVENT_TYPES,
  type CustodyCtx,
} from '../../custody/index.js';
import { collect, given, parseArgs } from '../args.js';
import { UsageError } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { writeLine } from '../io.js';
import { formatFields, printJson } from '../output.js';
import { handoverFields, handoverTable, keysTable, timelineLines } from '../present/custody.present.js';
import { databaseUrlOf, globalsOf, withSession, type Session } from '../session.js';
import { registerCustodyLogCommands } from './custody-log.commands.js';

/** The custody context of a CLI session: its keyring is SALLYPORT_KEY_DIR, else `keys/` beside the store. */
export function custodyOf(s: Session, cmd: Command): CustodyCtx {
  return custodyCtx(s.ctx, keyringFor(databaseUrlOf(globalsOf(cmd.optsWithGlobals()), s.io.env), s.io.env.SALLYPORT_KEY_DIR || undefined));
}

async function out(s: Session, value: unknown, lines: string[]): Promise<void> {
  if (s.json) await printJson(s.io.stdout, value);
  else for (const l of lines) await writeLine(s.io.stdout, l);
}

function registerKeyCommands(custody: Command, io: CliIo): void {
  const keys = custody.command('keys').description('signing keys: each agency and the log sign with Ed25519 keys kept in the key directory');
  keys.command('list').description('every published verifier key').action(async (_o: unknown, cmd: Command) => {
    await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
      const k = await listKeys(s.ctx.db);
      await out(s, k, keysTable(k));
    });
  });
  for (const verb of ['create', 'rotate'] as const) {
    keys.command(verb)
      .description(verb === 'create' ? "create an agency's (or the log's) first signing key" : 'replace a signing key with a new generation (older keys stay published)')
      .option('--agency <CODE>', 'the agency')
      .option('--log', "the log's checkpoint-signing key")
      .action(async (opts: { agency?: string; log?: boolean }, cmd: Command) => {
        if (!opts.log === !opts.agency) throw new UsageError('give --agency CODE or --log', [{ field: '--agency', reason: 'one of --agency or --log' }]);
        await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
          const cx = custodyOf(s, cmd);
          const key = opts.log ? await publishLogKeyAndSign(cx, { rotate: verb === 'rotate' })
            : await (verb === 'create' ? createAgencyKey : rotateAgencyKey)(cx, { agency: opts.agency! });
          await out(s, key, [`published ${key.verifier}`, `private key in ${cx.keyring.location} (mode 0600)`]);
        });
      });
  }
}

interface HandoverOptions {
  detainee?: string; to?: string; toPlace?: string; time?: string; condition?: string; conditionNotes?: string;
  biometricScore?: string; biometricModality?: string; witness?: string[];
}

function handoverRequest(o: HandoverOptions): z.output<typeof ZCreateHandoverRequest> {
  const witnesses = (o.witness ?? []).map((w) => {
    const [name, agency, role] = w.split(':');
    return given({ name, agency, role });
  });
  return parseArgs(ZCreateHandoverRequest, given({
    detainee: o.detainee, to: { agency: o.to, place: o.toPlace }, time: o.time,
    condition: given({ status: o.condition, notes: o.conditionNotes }), witnesses,
    biometric: o.biometricScore === undefined ? undefined : { modality: o.biometricModality ?? 'fingerprint', score: Number(o.biometricScore) },
  }), { to: '--to', condition: '--condition', biometric: '--biometric-score', witnesses: '--witness' });
}

function registerHandoverCommands(custody: Command, io: CliIo): void {
  const h = custody.command('handover').description('handovers between agencies: proposed and signed by the releasing agency, completed by the receiving one');
  h.command('create').description('propose a handover as the releasing agency (it stays pending until the receiving agency signs)')
    .requiredOption('--detainee <ISN>', 'the detainee').requiredOption('--to <CODE>', 'receiving agency').requiredOption('--to-place <CODE>', 'facility code or aircraft tail')
    .requiredOption('--condition <status>', 'fit, fit-with-needs or unfit').option('--condition-notes <text>', 'medical check notes')
    .option('--biometric-score <0..1>', 'biometric verification score').option('--biometric-modality <m>', 'fingerprint, face or iris')
    .option('--witness <name[:AGENCY[:role]]>', 'a witness (repeatable)', collect).option('--time <RFC3339>', 'when custody passes (default now)')
    .action(async (opts: HandoverOptions, cmd: Command) => {
      const req = handoverRequest(opts);
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const r = await createHandover(custodyOf(s, cmd), req);
        await out(s, r, handoverFields(r));
      });
    });
  for (const verb of ['sign', 'cancel'] as const) {
    h.command(verb).description(verb === 'sign' ? 'sign a pending handover as the receiving agency: logged, and the detainee moves' : 'withdraw or refuse a pending handover')
      .argument('<id>', 'handover id').action(async (id: string, _o: unknown, cmd: Command) => {
        await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
          const r = await (verb === 'sign' ? signHandover : cancelHandover)(custodyOf(s, cmd), id);
          await out(s, r, handoverFields(r));
        });
      });
  }
  h.command('list').description("the acting user's agency's handovers (pending by default)")
    .option('--status <status>', 'pending, completed or cancelled').option('--role <role>', 'any, releasing or receiving')
    .action(async (opts: { status?: string; role?: string }, cmd: Command) => {
      const q = parseArgs(ZHandoverListQuery, given({ ...opts }));
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const items = await listHandovers(s.ctx, q);
        await out(s, items, handoverTable(items));
      });
    });
}

function registerEventCommands(custody: Command, io: CliIo): void {
  custody.command('event').description('custody events other than handovers').command('record')
    .description(`record an event as the current custodian: ${CUSTODY_EVENT_TYPES.filter((t) => t !== 'handover').join(', ')}`)
    .requiredOption('--detainee <ISN>', 'the detainee').requiredOption('--type <type>', 'the event type')
    .option('--place <CODE>', 'where the detainee is after it (required for an intake)').option('--time <RFC3339>', 'when (default now)')
    .option('--details <json>', 'the fields of the event type as a JSON object, e.g. {"aircraft":"C17-01","at":"GHWAYRAN"}', '{}')
    .action(async (opts: { detainee: string; type: string; place?: string; time?: string; details: string }, cmd: Command) => {
      let details: unknown;
      try {
        details = JSON.parse(opts.details);
      } catch {
        throw new UsageError('--details: not a JSON object', [{ field: '--details', reason: 'not JSON' }]);
      }
      const req = parseArgs(ZRecordEventRequest, { ...(details as object), ...given({ type: opts.type, detainee: opts.detainee, place: opts.place, time: opts.time }) });
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const r = await recordEvent(custodyOf(s, cmd), req);
        await out(s, r, formatFields([['Logged at index', r.index], ['Event', r.event.type], ['Id', r.event.id]]));
      });
    });
  custody.command('timeline').description("a detainee's custody history: events, signatures, proof status, pending handovers").argument('<isn>', 'the detainee')
    .action(async (isn: string, _o: unknown, cmd: Command) => {
      await withSession(globalsOf(cmd.optsWithGlobals()), io, async (s) => {
        const t = await detaineeTimeline(s.ctx, isn);
        await out(s, t, timelineLines(t));
      });
    });
}

/** `custody …`: keys, handovers, events, timelines, proofs, bundles, verification, witnessing. */
export function registerCustodyCommands(program: Command, io: CliIo): void {
  const custody = program.command('custody').description('chain of custody: dual-signed handovers in a tamper-evident Merkle log');
  registerKeyCommands(custody, io);
  registerHandoverCommands(custody, io);
  registerEventCommands(custody, io);
  registerCustodyLogCommands(custody, io);
}
