import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { CampProgrammeAssignmentsTable, CampProgrammesTable, Db } from '../store/index.js';

/** Programmes, assignments and attendance. */

export async function insertProgramme(db: Db, row: CampProgrammesTable): Promise<void> {
  await db.insertInto('camp_programmes').values(row).execute();
}

/** Programmes of these camps, by code. */
export async function selectProgrammes(db: Db, campIds: readonly string[]): Promise<CampProgrammesTable[]> {
  return db.selectFrom('camp_programmes').selectAll().where('facility_id', 'in', [...campIds]).orderBy('code').execute();
}

export async function selectProgrammeByCode(db: Db, code: string): Promise<CampProgrammesTable | undefined> {
  return db.selectFrom('camp_programmes').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Active participants per programme, in scope. */
export async function activeCounts(db: Db, scope: Scope, programmeIds: readonly string[]): Promise<Map<string, number>> {
  if (programmeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('camp_programme_assignments')
    .select(['programme_id', sql<number>`count(*)`.as('n')])
    .where('programme_id', 'in', [...programmeIds])
    .where('status', '=', 'active')
    .where('marking_id', 'in', scope.markingIds)
    .groupBy('programme_id')
    .execute();
  return new Map(rows.map((r) => [r.programme_id, Number(r.n)]));
}

/** Assignment of a resident, with its programme and attendance counts. */
export interface AssignmentRow {
  id: string;
  resident_id: string;
  status: string;
  code: string;
  name: string;
  kind: string;
  sessions: number;
  attended: number;
}

/** The assignments of these residents, in scope, with sessions recorded and attended. */
export async function selectAssignments(db: Db, scope: Scope, residentIds: readonly string[]): Promise<AssignmentRow[]> {
  if (residentIds.length === 0) return [];
  const rows = await db
    .selectFrom('camp_programme_assignments as a')
    .innerJoin('camp_programmes as p', 'p.id', 'a.programme_id')
    .leftJoin('camp_attendance as t', 't.assignment_id', 'a.id')
    .select(['a.id', 'a.resident_id', 'a.status', 'p.code', 'p.name', 'p.kind', sql<number>`count(t.on_date)`.as('sessions'), sql<number>`coalesce(sum(t.present), 0)`.as('attended')])
    .where('a.resident_id', 'in', [...residentIds])
    .where('a.marking_id', 'in', scope.markingIds)
    .groupBy(['a.id', 'a.resident_id', 'a.status', 'p.code', 'p.name', 'p.kind'])
    .orderBy('p.code')
    .execute();
  return rows.map((r) => ({ ...r, sessions: Number(r.sessions), attended: Number(r.attended) }));
}

export async function insertAssignments(db: Db, rows: CampProgrammeAssignmentsTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('camp_programme_assignments').values(rows).execute();
}

/** The assignment ids of these residents in a programme. */
export async function assignmentIds(db: Db, programmeId: string, residentIds: readonly string[]): Promise<Map<string, string>> {
  if (residentIds.length === 0) return new Map();
  const rows = await db.selectFrom('camp_programme_assignments').select(['id', 'resident_id']).where('programme_id', '=', programmeId).where('resident_id', 'in', [...residentIds]).execute();
  return new Map(rows.map((r) => [r.resident_id, r.id]));
}

/** Records attendance on a date; a second record for the same date replaces the first. */
export async function upsertAttendance(db: Db, rows: { assignment_id: string; on_date: string; present: number; recorded_by: string; recorded_at: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('camp_attendance')
    .values(rows)
    .onConflict((oc) => oc.columns(['assignment_id', 'on_date']).doUpdateSet((eb) => ({ present: eb.ref('excluded.present'), recorded_by: eb.ref('excluded.recorded_by'), recorded_at: eb.ref('excluded.recorded_at') })))
    .execute();
}
