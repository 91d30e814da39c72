import { canSee, conflict, DomainError, invalid, KernelErrors, invalidMany, newId, notFound, type Marking } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx, type Principal, type Scope } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import {
  ZCaseListQuery, ZCaseStatusRequest, ZCreateCaseRequest, type TCaseDetail, type TCaseListQuery, type TCaseStatusRequest, type TCaseSummary,
  type TCreateCaseRequest, type TJurisdiction,
} from './cases.schemas.js';
import { CasesErrors } from './cases.errors.js';
import {
  evidenceCounts, insertCase, refTaken, selectCase, selectCaseDetainees, selectCases, updateCaseStatus, visibleDetainees, type CaseRow,
} from './case.store.js';
import { selectRequests } from './declass.store.js';
import { selectContents, selectCustody, selectVersions } from './evidence.store.js';
import { bannerText, presentItems } from './present.js';
import { readinessOf } from './readiness.js';
import { markingFromText } from './markings.js';

/** Case files: open, list, show (with evidence and readiness), change status. */

/** A marking its author could not see is refused: nobody writes what they could not read back. */
export function checkAuthor(p: Principal, m: Marking, originator: string, field: string): void {
  if (!canSee(p, m, originator)) {
    throw invalid(field, 'you could not see a record with this marking (clearance, country or need-to-know groups)', CasesErrors.CASES_MARKING_ABOVE_CALLER);
  }
}

function jurisdictionOf(r: CaseRow): TJurisdiction {
  return { kind: r.jurisdiction_kind as TJurisdiction['kind'], country: r.jurisdiction_country, ...(r.jurisdiction_name ? { name: r.jurisdiction_name } : {}) };
}

function summaryOf(r: CaseRow, counts: { items: number; markingIds: number[] } | undefined, texts: ReadonlyMap<number, string>): TCaseSummary {
  const counted = [...new Set(counts?.markingIds ?? [])].map((id) => markingFromText(texts.get(id) ?? 'U'));
  return {
    id: r.id, ref: r.ref, title: r.title, status: r.status as TCaseSummary['status'], jurisdiction: jurisdictionOf(r), agency: r.agency,
    evidence: counts?.items ?? 0, marking: r.marking, evidenceMarking: bannerText(counted), updatedAt: r.updated_at,
  };
}

/** The case `idOrRef` if the caller may see it. @throws NOT_FOUND. */
export async function caseIn(db: Db, scope: Scope, idOrRef: string): Promise<CaseRow> {
  const c = await selectCase(db, scope, idOrRef);
  if (!c) throw notFound('case', idOrRef);
  return c;
}

/**
 * Opens a case for the caller's agency (the prosecutor's), about detainees the caller may see. Requires
 * `cases:write`. Audited.
 * @throws DomainError INVALID_INPUT, CASES_UNKNOWN_DETAINEE, CASES_MARKING_ABOVE_CALLER, CASES_REF_TAKEN.
 */
export async function createCase(ctx: Ctx, raw: TCreateCaseRequest): Promise<TCaseDetail> {
  requirePermission(ctx.principal, 'cases:write');
  const input = ZCreateCaseRequest.parse(raw);
  const agencyId = ctx.principal.agencyId;
  if (!agencyId) throw invalid('agency', 'your account belongs to no agency; a case belongs to the prosecutor\'s agency');
  checkAuthor(ctx.principal, input.marking, ctx.principal.country, 'marking');
  const now = ctx.clock.now();
  const id = newId(now.getTime());
  const ref = input.ref ?? `CASE-${now.toISOString().slice(0, 4)}-${id.slice(-6)}`;
  const ref2 = await inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const found = await visibleDetainees(trx, scope, input.detainees);
    const issues = input.detainees.flatMap((d, i) => (found.has(d) ? [] : [{ field: `detainees.${i}`, reason: `no detainee ${d}` }]));
    if (issues.length > 0) throw invalidMany(issues, CasesErrors.CASES_UNKNOWN_DETAINEE);
    if (await refTaken(trx, ref)) throw conflict(CasesErrors.CASES_REF_TAKEN, `ref: case ${ref} exists`, { field: 'ref', reason: 'already exists' });
    const at = now.toISOString();
    await insertCase(trx, {
      id, ref, title: input.title, jurisdiction_kind: input.jurisdiction.kind, jurisdiction_country: input.jurisdiction.country,
      jurisdiction_name: input.jurisdiction.name ?? null, charges: JSON.stringify(input.charges), status: 'open', agency_id: agencyId,
      marking_id: await internMarking(trx, input.marking, ctx.principal.country), version: 1, created_by: ctx.principal.username, created_at: at, updated_at: at,
    }, [...new Set(input.detainees.map((d) => found.get(d)!))]);
    await ctx.audit.record(trx, { action: 'case.create', subjectType: 'case', subjectId: id, details: { ref, detainees: input.detainees.length } });
    return ref;
  });
  return showCase(ctx, ref2);
}

/** Cases the caller may see, with the number of evidence items they may see in each. Requires `cases:read`. */
export async function listCases(ctx: Ctx, raw: TCaseListQuery = {}): Promise<{ items: TCaseSummary[]; marking: string }> {
  requirePermission(ctx.principal, 'cases:read');
  const q = ZCaseListQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const rows = await selectCases(ctx.db, scope, q);
  const counts = await evidenceCounts(ctx.db, scope, rows.map((r) => r.id));
  const texts = await markingTextsOf(ctx.db, [...counts.values()].flatMap((c) => c.markingIds));
  const items = rows.map((r) => summaryOf(r, counts.get(r.id), texts));
  await ctx.audit.record(ctx.db, { action: 'case.list', subjectType: 'case', details: { count: items.length } });
  return { items, marking: bannerText([...items.map((i) => markingFromText(i.marking)), ...items.map((i) => markingFromText(i.evidenceMarking))]) };
}

async function markingTextsOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('markings').select(['id', 'text']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.text]));
}

/** The case file as the caller may see it, without auditing (for other use cases). */
export async function caseFile(ctx: Ctx, scope: Scope, c: CaseRow): Promise<TCaseDetail> {
  const [detainees, versions] = await Promise.all([selectCaseDetainees(ctx.db, scope, [c.id]), selectVersions(ctx.db, scope, { caseIds: [c.id] })]);
  const itemIds = [...new Set(versions.map((v) => v.item_id))];
  const [custody, requests, contents] = await Promise.all([
    selectCustody(ctx.db, scope, itemIds),
    selectRequests(ctx.db, scope, { itemIds }),
    selectContents(ctx.db, versions.filter((v) => v.content_type.startsWith('text/')).map((v) => v.content_sha256)),
  ]);
  const items = presentItems(versions, custody, contents, () => c.ref);
  const readiness = readinessOf({ ref: c.ref, country: c.jurisdiction_country }, versions, requests, ctx.clock.now().toISOString());
  const counted = versions.map((v) => v.marking_id);
  const summary = summaryOf(c, { items: items.length, markingIds: counted }, new Map(versions.map((v) => [v.marking_id, v.marking])));
  return {
    ...summary, charges: JSON.parse(c.charges) as string[], version: c.version,
    detainees: detainees.map((d) => ({ id: d.id, isn: d.isn, name: d.name_latin, nationality: d.nationality, marking: d.marking })),
    items, readiness,
  };
}

/**
 * A case file: the case, its detainees, evidence items (each with the versions and custody entries the caller
 * may see; an item with none is left out entirely) and readiness. Requires `cases:read`. Audited.
 * @throws DomainError NOT_FOUND (also for a case the caller may not see).
 */
export async function showCase(ctx: Ctx, idOrRef: string): Promise<TCaseDetail> {
  requirePermission(ctx.principal, 'cases:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const c = await caseIn(ctx.db, scope, idOrRef);
  const file = await caseFile(ctx, scope, c);
  await ctx.audit.record(ctx.db, { action: 'case.read', subjectType: 'case', subjectId: c.id, details: { ref: c.ref, versions: file.items.flatMap((i) => i.versions.map((v) => v.id)) } });
  return file;
}

/**
 * Moves a case to another status; only users of the prosecutor's agency may. Forward only (open → referred →
 * charged → tried → closed); closing before trial and reopening (closed → open only) need a reason, which is
 * audited. Optimistic: `version` must be the case's current version. Requires `cases:write`. Audited.
 * @throws DomainError NOT_FOUND, CASES_NOT_CASE_AGENCY, STALE_VERSION, CASES_BAD_TRANSITION.
 */
export async function setCaseStatus(ctx: Ctx, idOrRef: string, raw: TCaseStatusRequest): Promise<TCaseDetail> {
  requirePermission(ctx.principal, 'cases:write');
  const input = ZCaseStatusRequest.parse(raw);
  await inTransaction(ctx.db, async (trx) => {
    const c = await caseIn(trx, await scopeFor(trx, ctx.principal), idOrRef);
    if (c.agency_id !== ctx.principal.agencyId) {
      throw new DomainError('forbidden', CasesErrors.CASES_NOT_CASE_AGENCY, `case ${c.ref} belongs to ${c.agency}`, { reason: 'not your agency\'s case' });
    }
    if (input.version !== c.version) throw new DomainError('conflict', KernelErrors.STALE_VERSION, `version: case ${c.ref} is at version ${c.version}`, { field: 'version', reason: 'stale', current: c.version });
    const n = await updateCaseStatus(trx, c.id, input.version, { from: c.status, status: input.status, reason: input.reason ?? null, now: ctx.clock.now().toISOString() });
    if (n === 0) throw new DomainError('conflict', KernelErrors.STALE_VERSION, `version: case ${c.ref} is at version ${c.version}`, { field: 'version', reason: 'stale', current: c.version });
    await ctx.audit.record(trx, { action: 'case.status', subjectType: 'case', subjectId: c.id, details: { from: c.status, to: input.status, reason: input.reason ?? null } });
  });
  return showCase(ctx, idOrRef);
}
