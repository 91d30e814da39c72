import { conflict, invalid, newId, notFound } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import { classifyDbError, inTransaction, type CampProgrammesTable } from '../store/index.js';
import { ageOn } from './age.js';
import { CampsErrors } from './camps.errors.js';
import {
  PROGRAMME_KINDS, ZAssignRequest, ZAttendanceRequest, ZProgrammeInput, ZProgrammeListQuery,
  type TAssignRequest, type TAttendanceRequest, type TProgramme, type TProgrammeInput,
} from './cohorts.schemas.js';
import { campOf, campsView, requireField, type CampAccess, type CampsView } from './policy.js';
import { birthOf } from './present.js';
import { activeCounts, assignmentIds, insertAssignments, insertProgramme, selectProgrammeByCode, selectProgrammes, upsertAttendance } from './programme.store.js';
import { selectResidents } from './resident.store.js';
import type { z } from 'zod';

const ZKind = ZProgrammeInput.shape.kind;

function present(p: CampProgrammesTable, camp: string, active: number): TProgramme {
  return { code: p.code, camp, name: p.name, kind: ZKind.parse(p.kind), minAge: p.min_age, maxAge: p.max_age, active };
}

/** The programme with `code` in a camp the caller may see, whose records show programmes. */
async function programmeOf(ctx: Ctx, view: CampsView, code: string): Promise<{ p: CampProgrammesTable; camp: CampAccess }> {
  const p = await selectProgrammeByCode(ctx.db, code);
  const camp = p ? view.byId.get(p.facility_id) : undefined;
  if (!p || !camp) throw notFound('programme', code);
  requireField(camp, 'programmes');
  return { p, camp };
}

/**
 * Creates a programme (education, psychosocial support, rehabilitation) for an age range in a camp. Requires
 * `camps:write` and the programmes field (so `camps:children`). Audited.
 * @throws DomainError NOT_FOUND (camp), CAMPS_FIELD_WITHHELD, CAMPS_PROGRAMME_EXISTS, INVALID_INPUT.
 */
export async function createProgramme(ctx: Ctx, raw: TProgrammeInput): Promise<TProgramme> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZProgrammeInput.parse(raw);
  if (input.maxAge < input.minAge) throw invalid('maxAge', 'is below minAge');
  const view = await campsView(ctx);
  const camp = campOf(view, input.camp);
  requireField(camp, 'programmes');
  const row: CampProgrammesTable = {
    id: newId(ctx.clock.now().getTime()), facility_id: camp.id, code: input.code, name: input.name, kind: input.kind, min_age: input.minAge, max_age: input.maxAge,
    created_by: ctx.principal.username, created_at: view.now,
  };
  try {
    await inTransaction(ctx.db, async (trx) => {
      await insertProgramme(trx, row);
      await ctx.audit.record(trx, { action: 'camp-programme.create', subjectType: 'camp-programme', subjectId: row.id, details: { code: row.code } });
    });
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') throw conflict(CampsErrors.CAMPS_PROGRAMME_EXISTS, `code: programme ${input.code} exists`, { field: 'code', reason: 'already exists' });
    throw e;
  }
  return present(row, camp.code, 0);
}

/** Programmes of the camps whose records show the caller programmes, with active participants. Requires `camps:read`. */
export async function listProgrammes(ctx: Ctx, raw: z.input<typeof ZProgrammeListQuery> = {}): Promise<TProgramme[]> {
  const q = ZProgrammeListQuery.parse(raw);
  const view = await campsView(ctx);
  const camps = (q.camp ? [campOf(view, q.camp)] : view.camps).filter((c) => c.fields.has('programmes'));
  const rows = camps.length > 0 ? await selectProgrammes(ctx.db, camps.map((c) => c.id)) : [];
  const counts = await activeCounts(ctx.db, view.scope, rows.map((r) => r.id));
  return rows.map((r) => present(r, view.byId.get(r.facility_id)!.code, counts.get(r.id) ?? 0));
}

/**
 * Assigns residents to a programme: each must be present in its camp and within its age range today.
 * Requires `camps:write` and the programmes field. Audited.
 * @throws DomainError NOT_FOUND, CAMPS_FIELD_WITHHELD, CAMPS_NOT_ELIGIBLE, CONFLICT (already assigned).
 */
export async function assignToProgramme(ctx: Ctx, code: string, raw: TAssignRequest): Promise<TProgramme> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZAssignRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const { p, camp } = await programmeOf({ ...ctx, db: trx }, view, code);
    requireField(camp, 'birth');
    const rows = new Map((await selectResidents(trx, view.scope, { campIds: view.camps.map((c) => c.id), ids: input.residents })).map((r) => [r.id, r]));
    const today = view.now.slice(0, 10);
    input.residents.forEach((id, i) => {
      const r = rows.get(id);
      if (!r) throw notFound('resident', id);
      const age = ageOn(birthOf(r), today);
      if (r.status !== 'resident' || r.facility_id !== camp.id) throw conflict(CampsErrors.CAMPS_NOT_ELIGIBLE, `residents.${i}: not present in camp ${camp.code}`, { field: `residents.${i}`, reason: 'not present in the camp' });
      if (age === null || age < p.min_age || age > p.max_age) throw conflict(CampsErrors.CAMPS_NOT_ELIGIBLE, `residents.${i}: age outside ${p.min_age}–${p.max_age}`, { field: `residents.${i}`, reason: 'outside the age range' });
    });
    const taken = await assignmentIds(trx, p.id, input.residents);
    if (taken.size > 0) throw conflict(CampsErrors.CAMPS_NOT_ELIGIBLE, `residents: ${[...taken.keys()].join(', ')} already assigned to ${p.code}`, { field: 'residents', reason: 'already assigned' });
    await insertAssignments(trx, input.residents.map((id) => ({
      id: newId(ctx.clock.now().getTime()), programme_id: p.id, resident_id: id, status: 'active', assigned_by: ctx.principal.username, assigned_at: view.now, marking_id: rows.get(id)!.marking_id,
    })));
    await ctx.audit.record(trx, { action: 'camp-programme.assign', subjectType: 'camp-programme', subjectId: p.id, details: { residents: input.residents } });
    return present(p, camp.code, (await activeCounts(trx, view.scope, [p.id])).get(p.id) ?? 0);
  });
}

/**
 * Records who attended a programme session on a date (recording the same date again replaces it). Requires
 * `camps:write` and the programmes field. Audited.
 * @throws DomainError NOT_FOUND (programme, or a resident not assigned to it), INVALID_INPUT.
 */
export async function recordAttendance(ctx: Ctx, code: string, raw: TAttendanceRequest): Promise<{ recorded: number }> {
  requirePermission(ctx.principal, 'camps:write');
  const input = ZAttendanceRequest.parse(raw);
  const both = input.present.filter((id) => input.absent.includes(id));
  if (both.length > 0) throw invalid('absent', `${both[0]} is also listed as present`);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const { p } = await programmeOf({ ...ctx, db: trx }, view, code);
    const ids = [...input.present, ...input.absent];
    const visible = new Set((await selectResidents(trx, view.scope, { campIds: view.camps.map((c) => c.id), ids })).map((r) => r.id));
    const assigned = await assignmentIds(trx, p.id, ids);
    const missing = ids.find((id) => !visible.has(id) || !assigned.has(id));
    if (missing) throw notFound('assignment', `${p.code}/${missing}`);
    const now = view.now;
    await upsertAttendance(trx, ids.map((id) => ({ assignment_id: assigned.get(id)!, on_date: input.date, present: input.present.includes(id) ? 1 : 0, recorded_by: ctx.principal.username, recorded_at: now })));
    await ctx.audit.record(trx, { action: 'camp-programme.attendance', subjectType: 'camp-programme', subjectId: p.id, details: { date: input.date, present: input.present.length, absent: input.absent.length } });
    return { recorded: ids.length };
  });
}

/** Programme kinds, re-exported for forms. */
export const PROGRAMMES = PROGRAMME_KINDS;
