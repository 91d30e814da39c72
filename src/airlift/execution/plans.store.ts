import type { Scope } from '../../access/index.js';
import type { AirliftManifestsTable, AirliftPlanDetaineesTable, AirliftPlansTable, AirliftSortiesTable, Db } from '../../store/index.js';

/**
 * Stored plans, the detainees and nodes they cover, sorties and manifests. Every read filters the rows'
 * marking by the caller's scope; executor-first, the use cases own the transactions.
 */

export type PlanRow = AirliftPlansTable;
export type SortieRow = AirliftSortiesTable;
export type ManifestRow = AirliftManifestsTable;
type PlanSummaryRow = Omit<PlanRow, 'document'>;

const SUMMARY_COLUMNS = [
  'id', 'operation_id', 'name', 'status', 'nodes', 'detainees', 'sorties', 'expected_loss', 'completion_hours', 'flight_hours', 'bound_loss',
  'bound_completion', 'gap', 'parent_id', 'disruption', 'diff', 'created_by', 'created_at', 'approved_by', 'approved_at', 'marking_id',
] as const;

const CHUNK = 400;

export async function insertPlan(db: Db, row: PlanRow, detainees: AirliftPlanDetaineesTable[]): Promise<void> {
  await db.insertInto('airlift_plans').values(row).execute();
  for (let i = 0; i < detainees.length; i += CHUNK) await db.insertInto('airlift_plan_detainees').values(detainees.slice(i, i + CHUNK)).execute();
}

export async function insertSorties(db: Db, sorties: SortieRow[], manifests: ManifestRow[]): Promise<void> {
  for (let i = 0; i < sorties.length; i += CHUNK) await db.insertInto('airlift_sorties').values(sorties.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < manifests.length; i += CHUNK) await db.insertInto('airlift_manifests').values(manifests.slice(i, i + CHUNK)).execute();
}

export async function listPlanRows(db: Db, scope: Scope): Promise<PlanSummaryRow[]> {
  return db.selectFrom('airlift_plans').select(SUMMARY_COLUMNS).where('marking_id', 'in', scope.markingIds).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export async function planSummaryRow(db: Db, scope: Scope, id: string): Promise<PlanSummaryRow | undefined> {
  return db.selectFrom('airlift_plans').select(SUMMARY_COLUMNS).where('id', '=', id).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
}

export async function planDocument(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('airlift_plans').select('document').where('id', '=', id).executeTakeFirstOrThrow();
  return row.document;
}

export async function setPlanStatus(db: Db, id: string, set: Partial<Pick<PlanRow, 'status' | 'approved_by' | 'approved_at'>>, from: string): Promise<boolean> {
  const r = await db.updateTable('airlift_plans').set(set).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The plan's detainees (isn, home site), in scope. */
export async function planDetainees(db: Db, scope: Scope, planId: string): Promise<AirliftPlanDetaineesTable[]> {
  return db.selectFrom('airlift_plan_detainees').selectAll().where('plan_id', '=', planId).where('marking_id', 'in', scope.markingIds).execute();
}

export async function planDetainee(db: Db, planId: string, isn: string): Promise<AirliftPlanDetaineesTable | undefined> {
  return db.selectFrom('airlift_plan_detainees').selectAll().where('plan_id', '=', planId).where('isn', '=', isn).executeTakeFirst();
}

/** The approved (else newest) plan of an operation: the one whose sorties fly. */
export async function currentPlanOf(db: Db, operationId: string): Promise<PlanSummaryRow | undefined> {
  return db.selectFrom('airlift_plans').select(SUMMARY_COLUMNS).where('operation_id', '=', operationId).where('status', '=', 'approved').executeTakeFirst();
}

export async function sortieRow(db: Db, scope: Scope, id: string): Promise<SortieRow | undefined> {
  return db.selectFrom('airlift_sorties').selectAll().where('id', '=', id).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
}

export async function sortieRows(db: Db, scope: Scope, planId: string): Promise<SortieRow[]> {
  return db.selectFrom('airlift_sorties').selectAll().where('plan_id', '=', planId).where('marking_id', 'in', scope.markingIds).orderBy('depart').orderBy('label').execute();
}

export async function operationSorties(db: Db, scope: Scope, operationId: string): Promise<SortieRow[]> {
  return db.selectFrom('airlift_sorties').selectAll().where('operation_id', '=', operationId).where('marking_id', 'in', scope.markingIds).execute();
}

/** Sorties of any plan in scope whose status changed in a window (the agenda). */
export async function sortiesChanged(db: Db, scope: Scope, window: { since: string; until: string }, statuses: readonly string[]): Promise<SortieRow[]> {
  return db.selectFrom('airlift_sorties').selectAll().where('marking_id', 'in', scope.markingIds).where('status', 'in', [...statuses])
    .where('status_at', '>', window.since).where('status_at', '<=', window.until).orderBy('status_at').execute();
}

/** Moves a sortie to a status if it is still at `version` (optimistic: two people pressing at once). */
export async function updateSortie(db: Db, id: string, version: number, set: Partial<Pick<SortieRow, 'status' | 'status_at' | 'plan_id'>>): Promise<boolean> {
  const r = await db.updateTable('airlift_sorties').set({ ...set, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteSortie(db: Db, id: string): Promise<void> {
  await db.deleteFrom('airlift_manifests').where('sortie_id', '=', id).execute();
  await db.deleteFrom('airlift_sorties').where('id', '=', id).execute();
}

export async function manifestOf(db: Db, sortieId: string): Promise<ManifestRow[]> {
  return db.selectFrom('airlift_manifests').selectAll().where('sortie_id', '=', sortieId).orderBy('isn').execute();
}

export async function manifestEntry(db: Db, sortieId: string, isn: string): Promise<ManifestRow | undefined> {
  return db.selectFrom('airlift_manifests').selectAll().where('sortie_id', '=', sortieId).where('isn', '=', isn).executeTakeFirst();
}

export async function addManifestEntry(db: Db, row: ManifestRow): Promise<void> {
  await db.insertInto('airlift_manifests').values(row).onConflict((oc) => oc.columns(['sortie_id', 'isn']).doNothing()).execute();
}

/** Manifest sizes per sortie of a plan. */
export async function manifestCounts(db: Db, planId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('airlift_manifests as m').innerJoin('airlift_sorties as s', 's.id', 'm.sortie_id')
    .select(['m.sortie_id', (eb) => eb.fn.countAll<number | string>().as('n')]).where('s.plan_id', '=', planId).groupBy('m.sortie_id').execute();
  return new Map(rows.map((r) => [r.sortie_id, Number(r.n)]));
}

/** Registered detainees among `isns` that the caller may see: isn → marking id, tier and medical tags. */
export async function visibleDetainees(db: Db, scope: Scope, isns: readonly string[]): Promise<Map<string, { markingId: number }>> {
  const out = new Map<string, { markingId: number }>();
  for (let i = 0; i < isns.length; i += CHUNK) {
    const rows = await db.selectFrom('detainees').select(['isn', 'marking_id']).where('isn', 'in', isns.slice(i, i + CHUNK)).where('marking_id', 'in', scope.markingIds).execute();
    for (const r of rows) out.set(r.isn, { markingId: r.marking_id });
  }
  return out;
}

/** Names for labels: latin name and facility code of visible detainees at a facility (or every one of a plan). */
export async function wristbandRows(db: Db, scope: Scope, filter: { facility?: string; isns?: readonly string[] }): Promise<{ isn: string; name: string; nameAr: string; facility: string | null; tier: string; markingId: number }[]> {
  let q = db.selectFrom('detainees as d').leftJoin('facilities as f', 'f.id', 'd.facility_id')
    .select(['d.isn', 'd.name_latin', 'd.name_ar', 'f.code', 'd.risk_tier', 'd.marking_id']).where('d.marking_id', 'in', scope.markingIds);
  if (filter.facility !== undefined) q = q.where('f.code', '=', filter.facility).where('f.marking_id', 'in', scope.markingIds);
  if (filter.isns !== undefined) q = q.where('d.isn', 'in', filter.isns.length > 0 ? [...filter.isns] : ['']);
  const rows = await q.orderBy('d.isn').execute();
  return rows.map((r) => ({ isn: r.isn, name: r.name_latin, nameAr: r.name_ar, facility: r.code, tier: r.risk_tier, markingId: r.marking_id }));
}

/** The agency code operating an aircraft (who takes custody aboard). */
export async function aircraftOperator(db: Db, tail: string): Promise<string | undefined> {
  const row = await db.selectFrom('aircraft as a').innerJoin('agencies as g', 'g.id', 'a.operator_agency_id').select('g.code').where('a.tail', '=', tail).executeTakeFirst();
  return row?.code;
}

/** The nodes of a plan (id → kind, name). Unscoped: read only for a sortie already found in the caller's scope. */
export async function planNodes(db: Db, planId: string): Promise<Record<string, { kind: string; name: string }>> {
  const row = await db.selectFrom('airlift_plans').select('nodes').where('id', '=', planId).executeTakeFirstOrThrow();
  return JSON.parse(row.nodes) as Record<string, { kind: string; name: string }>;
}

/** Markings by id: their text and originator country. */
export async function markingRows(db: Db, ids: readonly number[]): Promise<Map<number, { text: string; originator: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('markings').select(['id', 'text', 'originator']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { text: r.text, originator: r.originator }]));
}

/** Sets a sortie's marking (a person added to its manifest may raise its banner). */
export async function setSortieMarking(db: Db, id: string, markingId: number): Promise<void> {
  await db.updateTable('airlift_sorties').set({ marking_id: markingId }).where('id', '=', id).execute();
}

/**
 * Approved plans of other operations (not in `planId`'s parent chain) that are still running — a sortie neither
 * closed nor cancelled — and cover some of `planId`'s detainees: per plan, its id, name and marking, and the
 * overlapping ISNs (all of them: the use case filters what it shows).
 */
export async function overlappingPlans(db: Db, planId: string, operationId: string): Promise<{ id: string; name: string; markingId: number; isns: string[] }[]> {
  const rows = await db.selectFrom('airlift_plan_detainees as mine')
    .innerJoin('airlift_plan_detainees as theirs', 'theirs.isn', 'mine.isn')
    .innerJoin('airlift_plans as o', 'o.id', 'theirs.plan_id')
    .select(['o.id', 'o.name', 'o.marking_id', 'mine.isn'])
    .where('mine.plan_id', '=', planId).where('o.status', '=', 'approved').where('o.operation_id', '!=', operationId)
    .where((eb) => eb.exists(eb.selectFrom('airlift_sorties as s').select('s.id').whereRef('s.plan_id', '=', 'o.id').where('s.status', 'not in', ['closed', 'cancelled'])))
    .orderBy('o.id').orderBy('mine.isn').execute();
  const out = new Map<string, { id: string; name: string; markingId: number; isns: string[] }>();
  for (const r of rows) {
    const p = out.get(r.id) ?? { id: r.id, name: r.name, markingId: r.marking_id, isns: [] };
    p.isns.push(r.isn);
    out.set(r.id, p);
  }
  return [...out.values()];
}

/** Sortie statuses the board counts as in progress. */
const IN_PROGRESS = ['boarding', 'airborne', 'landed'] as const;

/**
 * One page of a plan's sorties in scope, in order of departure then id, after `after` (keyset), and how many
 * match in all. `active`: in progress or with an open discrepancy.
 */
export async function sortiePage(db: Db, scope: Scope, planId: string, opts: { active: boolean; after?: { depart: string; id: string }; limit: number }): Promise<{ rows: SortieRow[]; total: number }> {
  const base = () => {
    let q = db.selectFrom('airlift_sorties as s').where('s.plan_id', '=', planId).where('s.marking_id', 'in', scope.markingIds);
    if (opts.active) {
      q = q.where((eb) => eb.or([
        eb('s.status', 'in', [...IN_PROGRESS]),
        eb.exists(eb.selectFrom('airlift_discrepancies as d').select('d.id').whereRef('d.sortie_id', '=', 's.id').where('d.status', '=', 'open')),
      ]));
    }
    return q;
  };
  const total = await base().select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  let page = base().selectAll('s');
  const after = opts.after;
  if (after) page = page.where((eb) => eb.or([eb('s.depart', '>', after.depart), eb.and([eb('s.depart', '=', after.depart), eb('s.id', '>', after.id)])]));
  const rows = await page.orderBy('s.depart').orderBy('s.id').limit(opts.limit).execute();
  return { rows, total: Number(total.n) };
}

/** Manifest sizes of some sorties. */
export async function manifestCountsOf(db: Db, sortieIds: readonly string[]): Promise<Map<string, number>> {
  if (sortieIds.length === 0) return new Map();
  const rows = await db.selectFrom('airlift_manifests').select(['sortie_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('sortie_id', 'in', [...sortieIds]).groupBy('sortie_id').execute();
  return new Map(rows.map((r) => [r.sortie_id, Number(r.n)]));
}
