import { DomainError, newId } from '../kernel/index.js';
import { listAgencies, requirePermission } from '../access/index.js';
import type { Db } from '../store/index.js';
import type { CustodyCtx } from './context.js';
import { ensureSigners } from './custody-keys.js';
import { CustodyErrors } from './custody.errors.js';
import { signEvent } from './event-sign.js';
import type { TCustodyEvent, TEscortRecord } from './events.schemas.js';
import { escortOf } from './history.js';
import { appendEvents, type Appendable } from './log.js';

/** One detainee taken into custody by an agency at a facility (as the scenario loader knows them). */
export interface Intake {
  detaineeId: string;
  isn: string;
  /** Facility code. */
  facility: string;
  /** Agency code of the custodian. */
  custodian: string;
  riskTier: TEscortRecord['riskTier'];
  medical: readonly string[];
  keepApart: readonly string[];
}

// Entries per append (one checkpoint each): large batches keep the load fast, bounded ones keep memory flat.
const BATCH = 5000;

/**
 * Records each detainee's intake into custody at its facility as a custody event signed by the custodian
 * agency, in bulk, on the caller's transaction: the scenario loader's path, so that every detainee has a
 * custody history from the start. Every agency (and the log) without a signing key gets one, so the
 * agencies of a freshly loaded scenario can sign handovers at once. The caller has
 * validated the records and set the registry's custodian and facility already. Requires `scenario:load`.
 * @throws DomainError CUSTODY_UNKNOWN_AGENCY for a custodian code that is no agency.
 */
export async function recordIntakes(cx: CustodyCtx, db: Db, batch: { time: string; intakes: readonly Intake[] }): Promise<{ appended: number; size: number }> {
  requirePermission(cx.principal, 'scenario:load');
  if (batch.intakes.length === 0) return { appended: 0, size: 0 };
  const agencies = await listAgencies(db);
  const signers = await ensureSigners(cx, db, agencies);
  for (const code of new Set(batch.intakes.map((i) => i.custodian))) {
    if (!signers.has(code)) throw new DomainError('invalid', CustodyErrors.CUSTODY_UNKNOWN_AGENCY, `custodian: no agency with code ${code}`, { field: 'custodian', reason: 'unknown agency code' });
  }
  const atMs = Date.parse(batch.time);
  let size = 0;
  for (let i = 0; i < batch.intakes.length; i += BATCH) {
    const items: Appendable[] = batch.intakes.slice(i, i + BATCH).map((d) => {
      const signer = signers.get(d.custodian)!;
      const unsigned = {
        type: 'intake' as const, id: newId(atMs), detainee: d.isn, time: batch.time,
        custodian: { agency: d.custodian, key: signer.name, place: d.facility }, escort: escortOf(d),
      };
      const event: TCustodyEvent = { ...unsigned, signatures: [signEvent(unsigned, signer)] };
      return { event, detaineeId: d.detaineeId };
    });
    size = (await appendEvents(cx, db, items)).size;
  }
  await cx.audit.record(db, { action: 'custody.intake.bulk', subjectType: 'custody-log', details: { intakes: batch.intakes.length, size } });
  return { appended: batch.intakes.length, size };
}
