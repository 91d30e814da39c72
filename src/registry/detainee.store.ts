import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { queryKeys, isIsn } from '../kernel/index.js';
import type { Scope } from '../access/index.js';
import type { Db, DetaineesTable } from '../store/index.js';
import type { DetaineeJoinRow } from './detainee.js';

/** Filters of a detainee list, resolved to ids by the use case. */
export interface DetaineeFilter {
  facilityId?: string | undefined;
  nationality?: string | undefined;
  riskTier?: string | undefined;
  status?: string | undefined;
  search?: string | undefined;
}

/** Detainees in scope, joined to what presenting them needs; a facility out of scope shows as null. */
function scopedDetainees(db: Db, scope: Scope, f: DetaineeFilter) {
  return db
    .selectFrom('detainees as d')
    .innerJoin('markings as m', 'm.id', 'd.marking_id')
    .leftJoin('facilities as f', (j) => j.onRef('f.id', '=', 'd.facility_id').on('f.marking_id', 'in', scope.markingIds))
    .leftJoin('agencies as a', 'a.id', 'd.custodian_agency_id')
    .selectAll('d')
    .select(['f.code as facility_code', 'a.code as custodian_code', 'm.text as marking_text'])
    .where((eb) => matching(eb, scope, f));
}

/** Detainees in scope that match, without the joins presenting them needs: what counts read. */
function matchingDetainees(db: Db, scope: Scope, f: DetaineeFilter) {
  return db.selectFrom('detainees as d').where((eb) => matching(eb, scope, f));
}

/** In scope and matching the filter: one condition on `d` alone, so counts need no join. */
function matching(eb: ExpressionBuilder<{ d: DetaineesTable }, 'd'>, scope: Scope, f: DetaineeFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('d.marking_id', 'in', scope.markingIds)];
  if (f.facilityId) parts.push(eb('d.facility_id', '=', f.facilityId));
  if (f.nationality) parts.push(eb('d.nationality', '=', f.nationality));
  if (f.riskTier) parts.push(eb('d.risk_tier', '=', f.riskTier));
  if (f.status) parts.push(eb('d.status', '=', f.status));
  if (f.search) {
    const s = f.search.trim().toUpperCase();
    if (isIsn(s)) {
      parts.push(eb('d.isn', '=', s));
    } else {
      const keys = queryKeys(f.search);
      // Every query key must start some word of the row's keys (see kernel nameSearchKeys).
      for (const k of keys.length > 0 ? keys : ['\u0000']) parts.push(eb('d.search_keys', 'like', `% ${escapeLike(k)}%`));
    }
  }
  return eb.and(parts);
}

function escapeLike(s: string): string {
  return s.replace(/[%_\\]/g, '');
}

/** One page of detainees in scope, ordered by ISN, after `afterIsn` or from row `offset`. */
export async function selectDetaineePage(db: Db, scope: Scope, f: DetaineeFilter, page: { afterIsn?: string | undefined; offset?: number | undefined; limit: number }): Promise<DetaineeJoinRow[]> {
  let q = scopedDetainees(db, scope, f).orderBy('d.isn').limit(page.limit);
  if (page.afterIsn) q = q.where('d.isn', '>', page.afterIsn);
  if (page.offset) q = q.offset(page.offset);
  return (await q.execute());
}

/** How many detainees in scope match, and the distinct markings among them (what that count discloses): one pass. */
export async function countDetaineesByMarking(db: Db, scope: Scope, f: DetaineeFilter): Promise<{ total: number; markingIds: number[] }> {
  const rows = await matchingDetainees(db, scope, f).select(['d.marking_id', sql<number>`count(*)`.as('n')]).groupBy('d.marking_id').execute();
  return { total: rows.reduce((t, r) => t + Number(r.n), 0), markingIds: rows.map((r) => r.marking_id) };
}

/** One detainee in scope by id or ISN. */
export async function selectDetainee(db: Db, scope: Scope, idOrIsn: string): Promise<DetaineeJoinRow | undefined> {
  const col = isIsn(idOrIsn) ? 'd.isn' : 'd.id';
  return (await scopedDetainees(db, scope, {}).where(col, '=', idOrIsn).executeTakeFirst());
}

/** The id and marking of the detainee holding `isn`, in scope or not: used only to route collisions. */
export async function selectIsnHolder(db: Db, isn: string): Promise<{ id: string; marking_id: number } | undefined> {
  return db.selectFrom('detainees').select(['id', 'marking_id']).where('isn', '=', isn).executeTakeFirst();
}

export async function insertDetainees(db: Db, rows: DetaineesTable[]): Promise<void> {
  // 500 rows × 23 columns stays under both dialects' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto('detainees').values(rows.slice(i, i + 500)).execute();
  }
}

/** Updates a detainee if it is still at `version`; returns whether it was. */
export async function updateDetaineeRow(db: Db, id: string, version: number, set: Partial<DetaineesTable>): Promise<boolean> {
  const r = await db.updateTable('detainees').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Held detainees per facility, in scope, with the marking ids behind each count (for its banner). */
export async function heldByFacility(db: Db, scope: Scope): Promise<Map<string, { held: number; markingIds: number[] }>> {
  const rows = await db
    .selectFrom('detainees')
    .select(['facility_id', 'marking_id', sql<number>`count(*)`.as('n')])
    .where('marking_id', 'in', scope.markingIds)
    .where('status', '=', 'held')
    .groupBy(['facility_id', 'marking_id'])
    .execute();
  const out = new Map<string, { held: number; markingIds: number[] }>();
  for (const r of rows) {
    if (!r.facility_id) continue;
    const acc = out.get(r.facility_id) ?? { held: 0, markingIds: [] };
    acc.held += Number(r.n);
    acc.markingIds.push(r.marking_id);
    out.set(r.facility_id, acc);
  }
  return out;
}

/** Residents present (status `resident`) in each of the given camps. */
export async function residentsByCamp(db: Db, campIds: readonly string[]): Promise<Map<string, number>> {
  if (campIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('residents')
    .select(['facility_id', sql<number>`count(*)`.as('n')])
    .where('facility_id', 'in', [...campIds])
    .where('status', '=', 'resident')
    .groupBy('facility_id')
    .execute();
  return new Map(rows.map((r) => [r.facility_id, Number(r.n)]));
}
