import { newId, notFound, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import { checkMarkingForAuthor } from './coordination.errors.js';
import { ZDecisionRequest, type TDecision, type TDecisionRequest } from './coordination.schemas.js';
import { insertDecision, selectCall, selectDecisions } from './coordination.store.js';
import { decisionOf } from './present.js';

/**
 * Records a decision taken on a call: its text, who decided, and its marking (the call's unless given).
 * Requires `coordination:write`. Audited in the same transaction (the audit row names the decision, never its
 * text).
 * @throws DomainError NOT_FOUND (call absent or unseen), COORDINATION_MARKING_ABOVE_CALLER.
 */
export async function recordDecision(ctx: Ctx, callId: string, raw: TDecisionRequest): Promise<TDecision> {
  requirePermission(ctx.principal, 'coordination:write');
  const input = ZDecisionRequest.parse(raw);
  const id = newId(ctx.clock.now().getTime());
  await inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const call = await selectCall(trx, scope, callId);
    if (!call) throw notFound('call', callId);
    const marking = input.marking ?? parseMarking(call.marking_text);
    checkMarkingForAuthor(ctx.principal, marking);
    await insertDecision(trx, {
      id, call_id: call.id, text: input.text, decided_by: input.decidedBy, marking_id: await internMarking(trx, marking, ctx.principal.country),
      recorded_by: ctx.principal.username, recorded_at: ctx.clock.now().toISOString(),
    });
    await ctx.audit.record(trx, { action: 'coordination.decision.record', subjectType: 'coordination-decision', subjectId: id, details: { call: call.id } });
  });
  const [row] = await selectDecisions(ctx.db, await scopeFor(ctx.db, ctx.principal), { id });
  if (!row) throw notFound('decision', id);
  return decisionOf(row);
}
