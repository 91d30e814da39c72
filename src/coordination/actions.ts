import { DomainError, newId, notFound, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx, type Scope } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { checkMarkingForAuthor, CoordinationErrors, unknownAgency } from './coordination.errors.js';
import {
  ZActionListQuery, ZActionRequest, ZActionUpdateRequest,
  type TAction, type TActionListQuery, type TActionRequest, type TActionUpdateRequest,
} from './coordination.schemas.js';
import { existingAgencies, insertAction, insertActionUpdate, selectActions, selectCall, selectDecisions, updateActionStatus, type ActionFilter } from './coordination.store.js';
import { actionOf, dayOf } from './present.js';

const ACTIVE = ['open', 'in-progress'];

async function actionIn(db: Db, scope: Scope, id: string, today: string): Promise<TAction> {
  const [row] = await selectActions(db, scope, { id });
  if (!row) throw notFound('action', id);
  return actionOf(row, today);
}

/**
 * Records an action item on a call: what, which agency owes it, by when, and its marking (the call's unless
 * given). It starts open. Requires `coordination:write`. Audited in the same transaction.
 * @throws DomainError NOT_FOUND (call or decision absent or unseen), COORDINATION_UNKNOWN_AGENCY,
 *   COORDINATION_MARKING_ABOVE_CALLER.
 */
export async function createAction(ctx: Ctx, callId: string, raw: TActionRequest): Promise<TAction> {
  requirePermission(ctx.principal, 'coordination:write');
  const input = ZActionRequest.parse(raw);
  const id = newId(ctx.clock.now().getTime());
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const call = await selectCall(trx, scope, callId);
    if (!call) throw notFound('call', callId);
    if (input.decision && (await selectDecisions(trx, scope, { callIds: [call.id], id: input.decision })).length === 0) throw notFound('decision', input.decision);
    if (!(await existingAgencies(trx, [input.owner])).has(input.owner)) throw unknownAgency('owner', input.owner);
    const marking = input.marking ?? parseMarking(call.marking_text);
    checkMarkingForAuthor(ctx.principal, marking);
    await insertAction(trx, {
      id, call_id: call.id, decision_id: input.decision ?? null, title: input.title, owner_agency_code: input.owner, due_date: input.due, status: 'open',
      marking_id: await internMarking(trx, marking, ctx.principal.country), created_by: ctx.principal.username, created_at: now, updated_at: now,
      closed_at: null, version: 1,
    });
    await insertActionUpdate(trx, { id: newId(ctx.clock.now().getTime()), action_id: id, at: now, status: 'open', note: null, recorded_by: ctx.principal.username });
    await ctx.audit.record(trx, { action: 'coordination.action.create', subjectType: 'coordination-action', subjectId: id, details: { call: call.id, owner: input.owner, due: input.due } });
  });
  return actionIn(ctx.db, await scopeFor(ctx.db, ctx.principal), id, dayOf(now));
}

/**
 * Moves an action along: open → in progress → done, or cancelled; done and cancelled are final. Requires
 * `coordination:write`. Audited in the same transaction, with the status history row.
 * @throws DomainError NOT_FOUND (absent or unseen), COORDINATION_ACTION_CLOSED, COORDINATION_STALE_ACTION.
 */
export async function updateAction(ctx: Ctx, id: string, raw: TActionUpdateRequest): Promise<TAction> {
  requirePermission(ctx.principal, 'coordination:write');
  const input = ZActionUpdateRequest.parse(raw);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const [cur] = await selectActions(trx, scope, { id });
    if (!cur) throw notFound('action', id);
    if (!ACTIVE.includes(cur.status)) {
      throw new DomainError('conflict', CoordinationErrors.COORDINATION_ACTION_CLOSED, `status: action ${id} is ${cur.status}, which is final`, { field: 'status', reason: `already ${cur.status}` });
    }
    const stale = () => new DomainError('conflict', CoordinationErrors.COORDINATION_STALE_ACTION, `version: action ${id} is at version ${cur.version}`, { field: 'version', reason: 'stale', currentVersion: cur.version });
    if (input.version !== undefined && input.version !== cur.version) throw stale();
    const closed = input.status === 'done' || input.status === 'cancelled' ? now : null;
    if (!(await updateActionStatus(trx, cur.id, { status: input.status, updated_at: now, closed_at: closed, version: cur.version + 1 }))) throw stale();
    await insertActionUpdate(trx, { id: newId(ctx.clock.now().getTime()), action_id: cur.id, at: now, status: input.status, note: input.note ?? null, recorded_by: ctx.principal.username });
    await ctx.audit.record(trx, { action: 'coordination.action.update', subjectType: 'coordination-action', subjectId: cur.id, details: { from: cur.status, to: input.status } });
  });
  return actionIn(ctx.db, await scopeFor(ctx.db, ctx.principal), id, dayOf(now));
}

/**
 * Action items the caller may see, by due date: all, or by status (`active` = open or in progress,
 * `overdue` = active and past due on `asOf`), owner or call. Requires `coordination:read`. Audited.
 */
export async function listActions(ctx: Ctx, raw: TActionListQuery = {}): Promise<TAction[]> {
  requirePermission(ctx.principal, 'coordination:read');
  const q = ZActionListQuery.parse(raw);
  const today = q.asOf ?? dayOf(ctx.clock.now());
  const f: ActionFilter = {};
  if (q.status === 'active') f.statuses = ACTIVE;
  else if (q.status === 'overdue') Object.assign(f, { statuses: ACTIVE, dueBefore: today });
  else if (q.status) f.statuses = [q.status];
  if (q.owner) f.owner = q.owner;
  if (q.call) f.callIds = [q.call];
  const rows = await selectActions(ctx.db, await scopeFor(ctx.db, ctx.principal), f);
  await ctx.audit.record(ctx.db, { action: 'coordination.action.list', subjectType: 'coordination-action', details: { ids: rows.map((r) => r.id) } });
  return rows.map((r) => actionOf(r, today));
}
