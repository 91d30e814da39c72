import { formatMarking, newId, notFound } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction } from '../store/index.js';
import { checkMarkingForAuthor, unknownAgency } from './coordination.errors.js';
import {
  ZAttendanceRequest, ZCallListQuery, ZCreateCallRequest,
  type TAttendanceRequest, type TCall, type TCallDetail, type TCallListQuery, type TCreateCallRequest,
} from './coordination.schemas.js';
import {
  existingAgencies, insertCall, selectActions, selectAttendance, selectCall, selectCalls, selectDecisions, upsertAttendance,
} from './coordination.store.js';
import { actionOf, attendanceOf, bannerOfTexts, callOf, dayOf, decisionOf } from './present.js';

/** @throws DomainError COORDINATION_UNKNOWN_AGENCY for the first code that names no agency. */
async function checkAgencies(ctx: Ctx, codes: readonly string[], field: string): Promise<void> {
  const known = await existingAgencies(ctx.db, codes);
  codes.forEach((c, i) => {
    if (!known.has(c)) throw unknownAgency(codes.length > 1 || field === 'agencies' ? `${field}[${i}]` : field, c);
  });
}

/**
 * Creates a coordination call: its date, start, participating agencies and marking. Requires
 * `coordination:write`. Audited in the same transaction.
 * @throws DomainError INVALID_INPUT, COORDINATION_UNKNOWN_AGENCY, COORDINATION_MARKING_ABOVE_CALLER.
 */
export async function createCall(ctx: Ctx, raw: TCreateCallRequest): Promise<TCall> {
  requirePermission(ctx.principal, 'coordination:write');
  const input = ZCreateCallRequest.parse(raw);
  checkMarkingForAuthor(ctx.principal, input.marking);
  await checkAgencies(ctx, input.agencies, 'agencies');
  const now = ctx.clock.now().toISOString();
  // A call today starts now, so what is recorded during it falls to the next call's agenda.
  const startsAt = input.startsAt ? new Date(input.startsAt).toISOString() : input.date === dayOf(now) ? now : `${input.date}T07:00:00.000Z`;
  const id = newId(ctx.clock.now().getTime());
  await inTransaction(ctx.db, async (trx) => {
    await insertCall(trx, {
      id, title: input.title, call_date: input.date, starts_at: startsAt, agencies: JSON.stringify([...new Set(input.agencies)]),
      marking_id: await internMarking(trx, input.marking, ctx.principal.country), created_by: ctx.principal.username, created_at: now,
    });
    await ctx.audit.record(trx, { action: 'coordination.call.create', subjectType: 'coordination-call', subjectId: id, details: { date: input.date, marking: formatMarking(input.marking) } });
  });
  return { id, title: input.title, date: input.date, startsAt, agencies: [...new Set(input.agencies)], marking: formatMarking(input.marking), createdBy: ctx.principal.username, createdAt: now };
}

/** The calls the caller may see, newest first. Requires `coordination:read`. Audited. */
export async function listCalls(ctx: Ctx, raw: TCallListQuery = {}): Promise<TCall[]> {
  requirePermission(ctx.principal, 'coordination:read');
  const q = ZCallListQuery.parse(raw);
  const rows = await selectCalls(ctx.db, await scopeFor(ctx.db, ctx.principal), q);
  await ctx.audit.record(ctx.db, { action: 'coordination.call.list', subjectType: 'coordination-call', details: { ids: rows.map((r) => r.id) } });
  return rows.map(callOf);
}

/**
 * One call with its attendance and the decisions and actions the caller may see, and the banner of all of
 * them. Requires `coordination:read`. Audited.
 * @throws DomainError NOT_FOUND (absent or unseen).
 */
export async function showCall(ctx: Ctx, id: string): Promise<TCallDetail> {
  requirePermission(ctx.principal, 'coordination:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const row = await selectCall(ctx.db, scope, id);
  if (!row) throw notFound('call', id);
  const today = dayOf(ctx.clock.now());
  const decisions = (await selectDecisions(ctx.db, scope, { callIds: [row.id] })).map(decisionOf);
  const actions = (await selectActions(ctx.db, scope, { callIds: [row.id] })).map((a) => actionOf(a, today));
  const attendance = (await selectAttendance(ctx.db, [row.id])).map(attendanceOf);
  const { marking } = bannerOfTexts([row.marking_text, ...decisions.map((d) => d.marking), ...actions.map((a) => a.marking)]);
  await ctx.audit.record(ctx.db, { action: 'coordination.call.read', subjectType: 'coordination-call', subjectId: row.id });
  return { ...callOf(row), attendance, decisions, actions, banner: marking };
}

/**
 * Records that a person of an agency attended a call (or sent apologies); recording the same person again
 * replaces the entry. Requires `coordination:write`. Audited in the same transaction.
 * @throws DomainError NOT_FOUND (call), COORDINATION_UNKNOWN_AGENCY.
 */
export async function recordAttendance(ctx: Ctx, callId: string, raw: TAttendanceRequest): Promise<TCallDetail> {
  requirePermission(ctx.principal, 'coordination:write');
  const input = ZAttendanceRequest.parse(raw);
  await inTransaction(ctx.db, async (trx) => {
    const call = await selectCall(trx, await scopeFor(trx, ctx.principal), callId);
    if (!call) throw notFound('call', callId);
    await checkAgencies({ ...ctx, db: trx }, [input.agency], 'agency');
    await upsertAttendance(trx, {
      call_id: call.id, agency_code: input.agency, person: input.person, present: input.present ? 1 : 0,
      recorded_by: ctx.principal.username, recorded_at: ctx.clock.now().toISOString(),
    });
    await ctx.audit.record(trx, { action: 'coordination.call.attend', subjectType: 'coordination-call', subjectId: call.id, details: { agency: input.agency, present: input.present } });
  });
  return showCall(ctx, callId);
}
