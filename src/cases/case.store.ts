import { sql, type SqlBool } from 'kysely';
import type { Scope } from '../access/index.js';
import { DomainError } from '../kernel/index.js';
import type { CasesTable, Db } from '../store/index.js';
import { CasesErrors } from './cases.errors.js';
import type { CASE_STATUSES } from './cases.schemas.js';
import { caseTransitionFault } from './status.js';

type CaseStatus = (typeof CASE_STATUSES)[number];

/** Case rows, their detainees and evidence counts: every select filtered by the caller's scope. */

export interface CaseRow extends CasesTable {
  agency: string;
  marking: string;
}

export async function insertCase(db: Db, row: CasesTable, detaineeIds: readonly string[]): Promise<void> {
  await db.insertInto('cases').values(row).execute();
  await db.insertInto('case_detainees').values(detaineeIds.map((d) => ({ case_id: row.id, detainee_id: d }))).execute();
}

function casesQuery(db: Db, scope: Scope) {
  return db
    .selectFrom('cases as c')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .innerJoin('markings as m', 'm.id', 'c.marking_id')
    .selectAll('c')
    .select(['a.code as agency', 'm.text as marking'])
    .where('c.marking_id', 'in', scope.markingIds);
}

/** Escapes LIKE wildcards in a search word: `%word%`. */
export function likePattern(word: string): string {
  return `%${word.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

// NOTE: SQLite's LIKE has no escape character unless told; PostgreSQL's is backslash. Saying it works on both.
export function likeOf(column: string, pattern: string) {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Cases in scope, newest first, by status and words of the reference or title. */
export async function selectCases(db: Db, scope: Scope, f: { status?: string; q?: string }): Promise<CaseRow[]> {
  let q = casesQuery(db, scope);
  if (f.status) q = q.where('c.status', '=', f.status);
  for (const word of (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = likePattern(word);
    q = q.where((eb) => eb.or([likeOf('c.title', like), likeOf('c.ref', like)]));
  }
  return q.orderBy('c.updated_at', 'desc').orderBy('c.ref').execute();
}

/** One case in scope, by id or reference. */
export async function selectCase(db: Db, scope: Scope, idOrRef: string): Promise<CaseRow | undefined> {
  return casesQuery(db, scope).where((eb) => eb.or([eb('c.id', '=', idOrRef), eb('c.ref', '=', idOrRef)])).executeTakeFirst();
}

export async function refTaken(db: Db, ref: string): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').where('ref', '=', ref).executeTakeFirst()) !== undefined;
}

export async function caseCount(db: Db): Promise<number> {
  const r = await db.selectFrom('cases').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Sets a case's status when its version is still `version` and its status still `from`; the number of rows
 * changed (0 or 1). The transition rule is enforced here, whoever calls.
 * @throws DomainError CASES_BAD_TRANSITION naming the field (status or reason).
 */
export async function updateCaseStatus(db: Db, id: string, version: number, change: { from: string; status: string; reason: string | null; now: string }): Promise<number> {
  const fault = caseTransitionFault(change.from as CaseStatus, change.status as CaseStatus, change.reason);
  if (fault) throw new DomainError('conflict', CasesErrors.CASES_BAD_TRANSITION, `${fault.field}: ${fault.reason}`, { field: fault.field, reason: fault.reason, from: change.from, to: change.status });
  const r = await db.updateTable('cases').set({ status: change.status, version: version + 1, updated_at: change.now })
    .where('id', '=', id).where('version', '=', version).where('status', '=', change.from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function touchCase(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('cases').set({ updated_at: now }).where('id', '=', id).execute();
}

/** The detainees of these cases that the caller may see. */
export async function selectCaseDetainees(db: Db, scope: Scope, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_detainees as cd')
    .innerJoin('detainees as d', 'd.id', 'cd.detainee_id')
    .innerJoin('markings as m', 'm.id', 'd.marking_id')
    .select(['cd.case_id', 'd.id', 'd.isn', 'd.name_latin', 'd.nationality', 'm.text as marking'])
    .where('cd.case_id', 'in', [...caseIds])
    .where('d.marking_id', 'in', scope.markingIds)
    .orderBy('d.isn')
    .execute();
}

/** Ids of the detainees named (by id or ISN) that the caller may see. */
export async function visibleDetainees(db: Db, scope: Scope, refs: readonly string[]): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('detainees')
    .select(['id', 'isn'])
    .where((eb) => eb.or([eb('id', 'in', [...refs]), eb('isn', 'in', [...refs])]))
    .where('marking_id', 'in', scope.markingIds)
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    out.set(r.id, r.id);
    out.set(r.isn, r.id);
  }
  return out;
}

/** Per case: items with at least one version in scope, and the marking ids of those versions. */
export async function evidenceCounts(db: Db, scope: Scope, caseIds: readonly string[]): Promise<Map<string, { items: number; markingIds: number[] }>> {
  const out = new Map<string, { items: number; markingIds: number[] }>();
  if (caseIds.length === 0) return out;
  const rows = await db
    .selectFrom('evidence_versions as v')
    .innerJoin('evidence_items as i', 'i.id', 'v.item_id')
    .select(['i.case_id', 'i.id as item_id', 'v.marking_id'])
    .where('i.case_id', 'in', [...caseIds])
    .where('v.marking_id', 'in', scope.markingIds)
    .execute();
  const items = new Map<string, Set<string>>();
  for (const r of rows) {
    const e = out.get(r.case_id) ?? { items: 0, markingIds: [] };
    e.markingIds.push(r.marking_id);
    out.set(r.case_id, e);
    items.set(r.case_id, (items.get(r.case_id) ?? new Set()).add(r.item_id));
  }
  for (const [c, s] of items) out.get(c)!.items = s.size;
  return out;
}
