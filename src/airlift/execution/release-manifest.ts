import { requirePermission, scopeFor } from '../../access/index.js';
import { createHandover, custodyCtx, type Keyring } from '../../custody/index.js';
import { DomainError, isDomainError, notFound } from '../../kernel/index.js';
import { custodySubject } from '../../registry/index.js';
import { AirliftExecutionErrors } from '../airlift.errors.js';
import type { ExecCtx } from './custody-seam.js';
import { aircraftOperator, manifestOf, sortieRow } from './plans.store.js';

/** What a release did: handovers proposed, and the people it could not propose one for (and why). */
export interface ReleaseResult {
  proposed: { isn: string; handover: string }[];
  skipped: { isn: string; reason: string }[];
}

/**
 * The holding agency releases a sortie's manifest to the aircraft: for each person on it that the caller's
 * agency holds, a custody handover to the aircraft's operating agency, aboard the aircraft, signed by the
 * releasing agency and pending until the boarding scan, where the operator signs it. Each handover is its own
 * transaction (one person already released does not hold the others back). Requires `airlift:read` and
 * `custody:sign`.
 * @throws DomainError NOT_FOUND (sortie), AIRLIFT_SCAN_INVALID (an aircraft no agency operates).
 */
export async function releaseManifest(cx: ExecCtx & { keyring: Keyring }, sortieId: string): Promise<ReleaseResult> {
  requirePermission(cx.principal, 'airlift:read');
  requirePermission(cx.principal, 'custody:sign');
  const scope = await scopeFor(cx.db, cx.principal);
  const sortie = await sortieRow(cx.db, scope, sortieId);
  if (!sortie) throw notFound('sortie', sortieId);
  const operator = await aircraftOperator(cx.db, sortie.aircraft);
  if (!operator) throw new DomainError('invalid', AirliftExecutionErrors.AIRLIFT_SCAN_INVALID, `sortie: aircraft ${sortie.aircraft} is not a registered aircraft with an operator`, { field: 'sortie', reason: 'unknown aircraft' });
  const out: ReleaseResult = { proposed: [], skipped: [] };
  const c = custodyCtx(cx, cx.keyring);
  for (const m of await manifestOf(cx.db, sortie.id)) {
    try {
      const d = await custodySubject(cx, m.isn);
      if (d.custodian !== cx.principal.agencyCode) {
        out.skipped.push({ isn: m.isn, reason: `held by ${d.custodian ?? 'no one'}` });
        continue;
      }
      const h = await createHandover(c, { detainee: m.isn, to: { agency: operator, place: sortie.aircraft }, condition: { status: 'fit' } });
      out.proposed.push({ isn: m.isn, handover: h.id });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      out.skipped.push({ isn: m.isn, reason: `${e.code}: ${e.message}` });
    }
  }
  await cx.audit.record(cx.db, { action: 'airlift.manifest.release', subjectType: 'airlift-sortie', subjectId: sortie.id, details: { proposed: out.proposed.length, skipped: out.skipped.length } });
  return out;
}
