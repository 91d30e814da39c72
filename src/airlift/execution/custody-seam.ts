import type { Ctx } from '../../access/index.js';
import { custodyCtx, listHandovers, recordEvent, signHandover, type Keyring } from '../../custody/index.js';
import { isDomainError } from '../../kernel/index.js';
import { custodySubject } from '../../registry/index.js';

/**
 * Where airlift execution meets the chain of custody. A boarding scan becomes a signed custody record: when
 * the scanner's agency holds the detainee, a `boards-aircraft` event it signs; when another agency holds
 * them and has proposed a handover onto this aircraft (`releaseManifest`), the scanner's agency signs that
 * handover and custody passes aboard. An arrival becomes `leaves-aircraft` at a staging field or
 * `arrival-at-gate` at the destination, signed by the agency that holds them aboard. When none of this can be
 * signed, the scan still stands (the store is the truth of where people are) and the reason is returned, for
 * a `custody` discrepancy that blocks the sortie's close until a person settles it.
 */

/** An execution context: with a keyring, boarding and arrival are signed into the custody log. */
export interface ExecCtx extends Ctx {
  keyring?: Keyring;
}

/** What a scan did in the custody log: the entry recorded, or why none could be. */
export type CustodyOutcome = { entry: string } | { failure: string };

function time(iso: string): string {
  return new Date(iso).toISOString();
}

async function attempt(run: () => Promise<string>): Promise<CustodyOutcome> {
  try {
    return { entry: await run() };
  } catch (e) {
    if (isDomainError(e)) return { failure: `${e.code}: ${e.message}` };
    throw e;
  }
}

/** Records the custody side of an applied scan. Runs on the caller's transaction (`cx.db`). */
export async function custodyOfScan(cx: ExecCtx & { keyring: Keyring }, scan: { kind: 'board' | 'arrive'; isn: string; node: string; nodeKind: string; aircraft: string; at: string }): Promise<CustodyOutcome> {
  const c = custodyCtx(cx, cx.keyring);
  const me = cx.principal.agencyCode;
  const subject = await custodySubject(cx, scan.isn).catch((e: unknown) => {
    if (isDomainError(e)) return null;
    throw e;
  });
  if (!subject) return { failure: `detainee ${scan.isn} is not a registered detainee you may see` };
  if (scan.kind === 'board') {
    if (subject.custodian === me) {
      return attempt(async () => {
        const r = await recordEvent(c, { type: 'boards-aircraft', detainee: scan.isn, time: time(scan.at), at: scan.node, aircraft: scan.aircraft });
        return `log ${r.index}: boards-aircraft`;
      });
    }
    const pending = (await listHandovers(cx, { status: 'pending', role: 'receiving' })).find((h) => h.detainee === scan.isn && h.to.place === scan.aircraft);
    if (!pending) return { failure: `held by ${subject.custodian ?? 'no one'}; no handover to ${me} onto ${scan.aircraft} is pending` };
    return attempt(async () => {
      const h = await signHandover(c, pending.id);
      return `log ${h.logIndex ?? '?'}: handover ${subject.custodian ?? ''} → ${me}`;
    });
  }
  if (subject.custodian !== me) return { failure: `held by ${subject.custodian ?? 'no one'}, not by ${me}: the arrival cannot be signed by ${me}` };
  return attempt(async () => {
    const r = scan.nodeKind === 'destination'
      ? await recordEvent(c, { type: 'arrival-at-gate', detainee: scan.isn, time: time(scan.at), at: scan.node })
      : await recordEvent(c, { type: 'leaves-aircraft', detainee: scan.isn, time: time(scan.at), aircraft: scan.aircraft, at: scan.node });
    return `log ${r.index}: ${r.event.type}`;
  });
}
