import { conflict, DomainError, newId } from '../kernel/index.js';
import { findAgencyByCode, requirePermission, type Ctx } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { insertAgreements, insertControl, selectAgreements, selectControl } from './camp.store.js';
import { CampsErrors } from './camps.errors.js';
import {
  CAMP_FIELDS, ZAgreementRequest, ZHandoverRequest, type CampField, type TAgreementRequest, type TCampAuthority, type THandoverRequest,
} from './camps.schemas.js';
import { authorityAt } from './fields.js';
import { instantOf } from './movements.js';
import { campOf, campsView, parseFields, type CampAccess } from './policy.js';

async function agencyIdOf(db: Db, code: string, field: string): Promise<string> {
  const a = await findAgencyByCode(db, code);
  if (!a) throw new DomainError('invalid', CampsErrors.CAMPS_UNKNOWN_AGENCY, `${field}: no agency with code ${code}`, { field, reason: 'unknown agency code' });
  return a.id;
}

/**
 * Only the camp's controlling authority (its custodians) or an admin records who controls a camp and who may
 * see its records; a camp nobody controls yet may be placed under its first authority by either.
 */
function requireAuthority(ctx: Ctx, camp: CampAccess): void {
  requirePermission(ctx.principal, 'camps:admin');
  if (ctx.principal.roles.includes('admin') || camp.authorityId === null || camp.authorityId === ctx.principal.agencyId) return;
  throw new DomainError('forbidden', CampsErrors.CAMPS_NOT_AUTHORITY, `not allowed: ${ctx.principal.agencyCode} does not control camp ${camp.code}`, {
    reason: 'only the controlling authority or an admin records control and agreements',
  });
}

function agreementRow(ctx: Ctx, camp: CampAccess, a: { agencyId: string; fields: readonly CampField[]; fromAt: string; reference: string }) {
  return {
    id: newId(ctx.clock.now().getTime()), facility_id: camp.id, agency_id: a.agencyId, fields: JSON.stringify([...a.fields]), from_at: a.fromAt,
    reference: a.reference, recorded_by: ctx.principal.username, recorded_at: ctx.clock.now().toISOString(),
  };
}

/**
 * Hands a camp's control to another agency from a date, with the data-sharing agreement it takes over under
 * (which fields of the records it may see) and what the previous authority keeps. Records stay as they are;
 * movements before the date stay attributed to the previous authority. Requires `camps:admin`, by the current
 * authority or an admin. Audited.
 * @throws DomainError NOT_FOUND (camp), CAMPS_NOT_AUTHORITY, CAMPS_UNKNOWN_AGENCY, CAMPS_HANDOVER_INVALID.
 */
export async function handoverCamp(ctx: Ctx, campCode: string, raw: THandoverRequest): Promise<TCampAuthority> {
  const input = ZHandoverRequest.parse(raw);
  await inTransaction(ctx.db, async (trx) => {
    const camp = campOf(await campsView(ctx, trx), campCode);
    requireAuthority(ctx, camp);
    const to = await agencyIdOf(trx, input.to, 'to');
    const at = instantOf(input.at, ctx.clock.now().toISOString());
    const last = camp.policy.control.reduce<string | null>((m, c) => (m === null || c.fromAt > m ? c.fromAt : m), null);
    if (last !== null && at <= last) throw conflict(CampsErrors.CAMPS_HANDOVER_INVALID, `at: control of ${camp.code} last changed at ${last}`, { field: 'at', reason: 'not after the last change of control' });
    const previous = last === null ? undefined : authorityAt(camp.policy.control, last);
    if (previous === to) throw conflict(CampsErrors.CAMPS_HANDOVER_INVALID, `to: ${input.to} already controls ${camp.code}`, { field: 'to', reason: 'already the authority' });
    const recorded = { recorded_by: ctx.principal.username, recorded_at: ctx.clock.now().toISOString() };
    await insertControl(trx, [{ id: newId(ctx.clock.now().getTime()), facility_id: camp.id, agency_id: to, from_at: at, reference: input.reference, ...recorded }]);
    const rows = [agreementRow(ctx, camp, { agencyId: to, fields: input.fields, fromAt: at, reference: input.reference })];
    if (previous !== undefined) rows.push(agreementRow(ctx, camp, { agencyId: previous, fields: input.previousFields, fromAt: at, reference: input.reference }));
    await insertAgreements(trx, rows);
    await ctx.audit.record(trx, { action: 'camp.handover', subjectType: 'camp', subjectId: camp.id, details: { to: input.to, at, fields: input.fields, previousFields: input.previousFields } });
  });
  return campAuthority(ctx, campCode);
}

/**
 * Records a data-sharing agreement: from a date, `agency` sees these fields of the camp's records (an empty
 * list ends its access). Agreements are never edited; a later one supersedes. Requires `camps:admin`, by the
 * current authority or an admin. Audited.
 * @throws DomainError NOT_FOUND (camp), CAMPS_NOT_AUTHORITY, CAMPS_UNKNOWN_AGENCY.
 */
export async function recordAgreement(ctx: Ctx, campCode: string, raw: TAgreementRequest): Promise<TCampAuthority> {
  const input = ZAgreementRequest.parse(raw);
  await inTransaction(ctx.db, async (trx) => {
    const camp = campOf(await campsView(ctx, trx), campCode);
    requireAuthority(ctx, camp);
    const agencyId = await agencyIdOf(trx, input.agency, 'agency');
    const fromAt = instantOf(input.from, ctx.clock.now().toISOString());
    const row = agreementRow(ctx, camp, { agencyId, fields: input.fields, fromAt, reference: input.reference });
    await insertAgreements(trx, [row]);
    await ctx.audit.record(trx, { action: 'camp.agreement', subjectType: 'camp', subjectId: camp.id, details: { agency: input.agency, fields: input.fields, from: fromAt } });
  });
  return campAuthority(ctx, campCode);
}

/**
 * Who controls a camp (the whole history) and every data-sharing agreement on it, with the fields the caller
 * may see now. Visible to every reader of the camp: who may see what is never secret. Requires `camps:read`.
 * @throws DomainError NOT_FOUND (camp absent or unseen).
 */
export async function campAuthority(ctx: Ctx, campCode: string): Promise<TCampAuthority> {
  const view = await campsView(ctx);
  const camp = campOf(view, campCode);
  const control = await selectControl(ctx.db, [camp.id]);
  const agreements = await selectAgreements(ctx.db, [camp.id]);
  return {
    camp: camp.code,
    current: camp.authorityCode,
    control: control.map((c, i) => ({ agency: c.agency_code, from: c.from_at, until: control[i + 1]?.from_at ?? null, reference: c.reference })),
    agreements: agreements.map((a) => ({ id: a.id, agency: a.agency_code, fields: parseFields(a.fields), from: a.from_at, reference: a.reference })),
    yourFields: CAMP_FIELDS.filter((f) => camp.fields.has(f)),
  };
}
