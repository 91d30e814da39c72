import type { Scope } from '../access/index.js';
import type { Db, WarningBreachesTable } from '../store/index.js';

/** Sites the model forecasts for (prisons and camps), their breaches. */

export interface SiteRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  population: number;
  capacity: number;
  guard_force: number;
  marking_id: number;
  marking_text: string;
  originator: string;
}

function sites(db: Db) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('markings as m', 'm.id', 'f.marking_id')
    .select(['f.id', 'f.code', 'f.name', 'f.kind', 'f.lat', 'f.lon', 'f.population', 'f.capacity', 'f.guard_force', 'f.marking_id', 'm.text as marking_text', 'm.originator'])
    .where('f.kind', 'in', ['prison', 'camp']);
}

/** Prisons and camps in scope (`null`: every one, for the system's own alert evaluation), by code. */
export async function selectSites(db: Db, scope: Scope | null): Promise<SiteRow[]> {
  let q = sites(db).orderBy('f.code');
  if (scope) q = q.where('f.marking_id', 'in', scope.markingIds);
  return q.execute();
}

/** One site by code or id, in scope. */
export async function selectSite(db: Db, scope: Scope, idOrCode: string): Promise<SiteRow | undefined> {
  return sites(db)
    .where('f.marking_id', 'in', scope.markingIds)
    .where((eb) => eb.or([eb('f.code', '=', idOrCode), eb('f.id', '=', idOrCode)]))
    .executeTakeFirst();
}

/** Breaches in scope (`null`: all), oldest first. */
export async function selectBreaches(db: Db, scope: Scope | null): Promise<(WarningBreachesTable & { marking_text: string })[]> {
  let q = db.selectFrom('warning_breaches as b').innerJoin('markings as m', 'm.id', 'b.marking_id').selectAll('b').select('m.text as marking_text').orderBy('b.at');
  if (scope) q = q.where('b.marking_id', 'in', scope.markingIds);
  return q.execute();
}

export async function insertBreaches(db: Db, rows: WarningBreachesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('warning_breaches').values(rows.slice(i, i + 500)).execute();
}

/** Any facility in scope by code or id, with its kind (to tell "not a site" from "not found"). */
export async function selectFacilityKind(db: Db, scope: Scope, idOrCode: string): Promise<{ id: string; kind: string } | undefined> {
  return db
    .selectFrom('facilities')
    .select(['id', 'kind'])
    .where('marking_id', 'in', scope.markingIds)
    .where((eb) => eb.or([eb('code', '=', idOrCode), eb('id', '=', idOrCode)]))
    .executeTakeFirst();
}
