import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { readStoredJson } from '../kernel/index.js';
import { ZDecisionSignature } from './cases.schemas.js';
import { requestIn } from './declass.js';
import { decisionFault } from './sign.js';

/**
 * Checks a decided request's signature against the published agency keys. Requires `cases:read`.
 * @throws DomainError NOT_FOUND.
 */
export async function verifyDecision(ctx: Ctx, id: string): Promise<{ request: string; valid: boolean; key: string | null; problem: string | null }> {
  requirePermission(ctx.principal, 'cases:read');
  const r = await requestIn(ctx.db, await scopeFor(ctx.db, ctx.principal), id);
  if (!r.decision || !r.signature) return { request: id, valid: false, key: null, problem: 'the request has no signed decision yet' };
  const sig = readStoredJson(ZDecisionSignature, r.signature, 'declassification decision signature');
  const problem = await decisionFault(ctx.db, r.decision, sig);
  return { request: id, valid: problem === null, key: sig.key, problem };
}
