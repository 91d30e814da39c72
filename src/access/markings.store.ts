import { canSee, formatMarking, normalizeMarking, type Level, type Marking } from '../kernel/index.js';
import type { Db } from '../store/index.js';
import type { Principal } from './principal.js';

const LEVEL_BY_RANK: Level[] = ['U', 'C', 'S', 'TS'];
const NONE = -1;

function rankOf(level: Level): number {
  return LEVEL_BY_RANK.indexOf(level);
}

/**
 * The id of a marking (with its originator country), inserting it the first time it is used. Markings are
 * interned so that the access filter is an `IN` over a handful of ids rather than string logic in SQL.
 * Not cached across calls: a cached id from a rolled-back transaction would point at the wrong row.
 */
export async function internMarking(db: Db, marking: Marking, originator: string): Promise<number> {
  const m = normalizeMarking(marking);
  const text = formatMarking(m);
  const found = await db.selectFrom('markings').select('id').where('text', '=', text).where('originator', '=', originator).executeTakeFirst();
  if (found) return found.id;
  await db
    .insertInto('markings')
    .values({
      text,
      originator,
      level: rankOf(m.level),
      rel_kind: m.rel.kind,
      rel_countries: JSON.stringify(m.rel.kind === 'rel' ? m.rel.countries : []),
      caveats: JSON.stringify(m.caveats),
    })
    .onConflict((oc) => oc.columns(['text', 'originator']).doNothing())
    .execute();
  const row = await db.selectFrom('markings').select('id').where('text', '=', text).where('originator', '=', originator).executeTakeFirstOrThrow();
  return row.id;
}

/** A stored marking row turned back into a Marking. */
export function markingFromRow(row: { level: number; rel_kind: string; rel_countries: string; caveats: string }): Marking {
  const level = LEVEL_BY_RANK[row.level] ?? 'TS';
  const countries = JSON.parse(row.rel_countries) as string[];
  const caveats = JSON.parse(row.caveats) as string[];
  const rel = row.rel_kind === 'rel' ? { kind: 'rel' as const, countries } : row.rel_kind === 'noforn' ? { kind: 'noforn' as const } : { kind: 'all' as const };
  return { level, rel, caveats };
}

/** The marking (and its originator) stored under `id`. */
export async function loadMarking(db: Db, id: number): Promise<{ marking: Marking; originator: string; text: string }> {
  const row = await db.selectFrom('markings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return { marking: markingFromRow(row), originator: row.originator, text: row.text };
}

/** Every marking by id, for presenting records (portion marks) without a join per row. */
export async function markingTexts(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('markings').select(['id', 'text']).where('id', 'in', [...new Set(ids)]).execute();
  for (const r of rows) out.set(r.id, r.text);
  return out;
}

/**
 * The access scope of a principal: the ids of every marking it may see. Queries filter with
 * `marking_id IN scope.markingIds`, so the policy is applied inside the query, for lists, counts,
 * aggregates and exports alike. The list is never empty (an impossible id stands in), so `IN ()` never
 * reaches the database.
 */
export interface Scope {
  markingIds: number[];
}

export async function scopeFor(db: Db, principal: Principal): Promise<Scope> {
  const rows = await db
    .selectFrom('markings')
    .select(['id', 'level', 'rel_kind', 'rel_countries', 'caveats', 'originator'])
    .where('level', '<=', rankOf(principal.clearance))
    .execute();
  const viewer = { clearance: principal.clearance, country: principal.country, groups: principal.groups };
  const ids = rows.filter((r) => canSee(viewer, markingFromRow(r), r.originator)).map((r) => r.id);
  return { markingIds: ids.length > 0 ? ids : [NONE] };
}

/** True when the principal may see a record stored with marking `markingId`. */
export function inScope(scope: Scope, markingId: number): boolean {
  return scope.markingIds.includes(markingId);
}
