import type { Db } from '../store/index.js';
import { foldChain, type CustodyState } from './chain.js';
import { conflict } from '../kernel/index.js';
import { CustodyErrors } from './custody.errors.js';
import { ZCustodyEvent, type TCustodyEvent, type TEscortRecord } from './events.schemas.js';
import { corrupt } from './log.js';
import { entriesOfDetainee } from './log.store.js';

/** A detainee's logged events, read back from storage and re-validated against the event schemas. */

/** Parses leaf data back into an event. @throws CUSTODY_LOG_CORRUPT when it is not one. */
export function eventOfLeaf(data: Uint8Array, idx: number): TCustodyEvent {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    throw corrupt(`entry ${idx} is not JSON`);
  }
  const r = ZCustodyEvent.safeParse(json);
  if (!r.success) throw corrupt(`entry ${idx} is not a custody event (${r.error.issues[0]?.message ?? 'invalid'})`);
  return r.data;
}

/** Every logged event of a detainee, in log order, with the leaf data it was logged as. */
export async function historyOf(db: Db, detaineeId: string): Promise<{ index: number; event: TCustodyEvent; leafData: Buffer }[]> {
  return (await entriesOfDetainee(db, detaineeId)).map((e) => ({ index: e.idx, event: eventOfLeaf(e.leafData, e.idx), leafData: e.leafData }));
}

/**
 * Who holds the detainee now, by the log.
 * @throws DomainError CUSTODY_NOT_IN_CUSTODY when the logged chain is already broken (say, after a repair).
 */
export async function currentCustody(db: Db, detaineeId: string): Promise<CustodyState> {
  const folded = foldChain((await historyOf(db, detaineeId)).map((h) => h.event));
  if ('fault' in folded) throw conflict(CustodyErrors.CUSTODY_NOT_IN_CUSTODY, `the logged chain of custody is broken: ${folded.fault}`, { reason: folded.fault });
  return folded.state;
}

/** An escort record from a detainee's registry record: risk tier, medical needs, keep-apart alerts. */
export function escortOf(d: { riskTier: TEscortRecord['riskTier']; medical: readonly string[]; keepApart: readonly string[] }): TEscortRecord {
  const tag = (s: string) => s.toLowerCase().slice(0, 40);
  const ok = (s: string) => /^[a-z0-9][a-z0-9:-]{0,39}$/.test(s);
  return {
    riskTier: d.riskTier,
    needs: [...new Set(d.medical.map(tag).filter(ok))].sort().slice(0, 20),
    alerts: [...new Set(d.keepApart.map((k) => tag(`keep-apart:${k}`)).filter(ok))].sort().slice(0, 20),
  };
}
