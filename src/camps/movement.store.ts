import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { CampMovementsTable, Db } from '../store/index.js';

/** The append-only movement events. */

export type NewMovement = Omit<CampMovementsTable, 'seq'>;

const CHUNK = 300;

export async function insertMovements(db: Db, rows: NewMovement[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('camp_movements').values(rows.slice(i, i + CHUNK)).execute();
}

/** The instant of each resident's latest movement. */
export async function lastMovementAt(db: Db, residentIds: readonly string[]): Promise<Map<string, string>> {
  if (residentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('camp_movements')
    .select(['resident_id', sql<string>`max(at)`.as('at')])
    .where('resident_id', 'in', [...residentIds])
    .groupBy('resident_id')
    .execute();
  return new Map(rows.map((r) => [r.resident_id, r.at]));
}

/** A movement with its camp, section and authority codes. */
export interface MovementRow extends Omit<CampMovementsTable, 'seq'> {
  seq: number;
  camp_code: string;
  section_code: string | null;
  from_camp_code: string | null;
  from_section_code: string | null;
  authority_code: string | null;
}

/** The movements of residents in scope, in the order they happened. */
export async function selectMovementsOf(db: Db, scope: Scope, residentIds: readonly string[]): Promise<MovementRow[]> {
  if (residentIds.length === 0) return [];
  return db
    .selectFrom('camp_movements as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .innerJoin('facilities as f', 'f.id', 'e.facility_id')
    .leftJoin('camp_sections as s', 's.id', 'e.section_id')
    .leftJoin('facilities as ff', 'ff.id', 'e.from_facility_id')
    .leftJoin('camp_sections as fs', 'fs.id', 'e.from_section_id')
    .leftJoin('agencies as a', 'a.id', 'e.authority_agency_id')
    .selectAll('e')
    .select(['f.code as camp_code', 's.code as section_code', 'ff.code as from_camp_code', 'fs.code as from_section_code', 'a.code as authority_code'])
    .where('e.resident_id', 'in', [...residentIds])
    .where('r.marking_id', 'in', scope.markingIds)
    .orderBy('e.at')
    .orderBy('e.seq')
    .execute();
}

/** What replay needs of an event. */
export interface EventFact {
  seq: number;
  resident_id: string;
  kind: string;
  at: string;
  facility_id: string;
  section_id: string | null;
}

/**
 * Every event up to `until` of the residents in scope who were ever in the camp, in the order they
 * happened: the input of a population replay.
 */
export async function selectCampEvents(db: Db, scope: Scope, campId: string, until: string): Promise<EventFact[]> {
  const touched = db
    .selectFrom('camp_movements')
    .select('resident_id')
    .where((eb) => eb.or([eb('facility_id', '=', campId), eb('from_facility_id', '=', campId)]));
  return db
    .selectFrom('camp_movements as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .select(['e.seq', 'e.resident_id', 'e.kind', 'e.at', 'e.facility_id', 'e.section_id'])
    .where('e.resident_id', 'in', touched)
    .where('r.marking_id', 'in', scope.markingIds)
    .where('e.at', '<=', until)
    .orderBy('e.at')
    .orderBy('e.seq')
    .execute();
}

/** Movements of residents in scope per month and kind, arriving in or leaving a camp. */
export async function movementsByMonth(db: Db, scope: Scope, campId: string): Promise<{ month: string; kind: string; n: number }[]> {
  const month = sql<string>`substr(e.at, 1, 7)`;
  const rows = await db
    .selectFrom('camp_movements as e')
    .innerJoin('residents as r', 'r.id', 'e.resident_id')
    .select([month.as('month'), 'e.kind', sql<number>`count(*)`.as('n')])
    .where((eb) => eb.or([eb('e.facility_id', '=', campId), eb('e.from_facility_id', '=', campId)]))
    .where('r.marking_id', 'in', scope.markingIds)
    .groupBy([month, 'e.kind'])
    .orderBy(month)
    .execute();
  return rows.map((r) => ({ month: r.month, kind: r.kind, n: Number(r.n) }));
}
