import { DomainError } from '../kernel/index.js';
import type { Principal } from '../access/index.js';
import { CustodyErrors } from './custody.errors.js';
import type { THandover } from './custody.schemas.js';
import { ZHandoverEvent, type THandoverEvent } from './events.schemas.js';
import type { HandoverRow } from './handover.store.js';
import { corrupt } from './log.js';

/** What the handover use cases share: who acts for which agency, and how a handover is presented. */

/** The agency the principal acts for. @throws DomainError CUSTODY_NOT_YOUR_AGENCY for a principal of no agency. */
export function actingAgency(principal: Principal): { id: string; code: string } {
  if (!principal.agencyId) {
    throw new DomainError('forbidden', CustodyErrors.CUSTODY_NOT_YOUR_AGENCY, 'custody events are signed for an agency; act as a user of one', { reason: 'no agency' });
  }
  return { id: principal.agencyId, code: principal.agencyCode };
}

/** A refusal to act for an agency other than one's own. */
export function notYourAgency(what: string): DomainError {
  return new DomainError('forbidden', CustodyErrors.CUSTODY_NOT_YOUR_AGENCY, what, { reason: 'not your agency' });
}

/** The event of a stored handover, re-validated. */
export function eventOfHandover(row: HandoverRow): THandoverEvent {
  const r = ZHandoverEvent.safeParse(JSON.parse(row.event));
  if (!r.success) throw corrupt(`handover ${row.id} does not hold a handover event`);
  return r.data;
}

/** A stored handover as users see it. */
export function presentHandover(row: HandoverRow): THandover {
  const e = eventOfHandover(row);
  const signedBy = [e.from, e.to].filter((p) => e.signatures.some((s) => s.key === p.key)).map((p) => p.agency);
  return {
    id: row.id, status: row.status as THandover['status'], detainee: e.detainee, from: e.from, to: e.to, time: e.time, signedBy,
    event: e, createdAt: row.created_at, closedAt: row.closed_at, logIndex: row.log_index === null ? null : Number(row.log_index),
  };
}
