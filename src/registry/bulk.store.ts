import type { Db, DetaineesTable, FacilitiesTable, HouseholdsTable, LandingZonesTable, ResidentsTable, AircraftTable, AircraftTypesTable } from '../store/index.js';
import { requirePermission, type Ctx } from '../access/index.js';

/** Rows of one registry table, already validated and resolved, for a bulk load. */
export type BulkRows =
  | { table: 'facilities'; rows: FacilitiesTable[] }
  | { table: 'landing_zones'; rows: LandingZonesTable[] }
  | { table: 'detainees'; rows: DetaineesTable[] }
  | { table: 'households'; rows: HouseholdsTable[] }
  | { table: 'residents'; rows: ResidentsTable[] }
  | { table: 'aircraft_types'; rows: AircraftTypesTable[] }
  | { table: 'aircraft'; rows: AircraftTable[] };

// Rows per INSERT: keeps the widest table (23 columns) under SQLite's and PostgreSQL's parameter limits.
const CHUNK = 400;

async function insertChunks<R>(db: Db, rows: R[], insert: (chunk: R[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Inserts pre-validated rows in multi-row statements, on the caller's transaction. Only the scenario
 * loader (permission `scenario:load`) uses it; it bypasses per-record use cases for speed, so the caller
 * must validate every row first and audit the load.
 */
export async function bulkInsert(ctx: Ctx, db: Db, batch: BulkRows): Promise<void> {
  requirePermission(ctx.principal, 'scenario:load');
  switch (batch.table) {
    case 'facilities':
      return insertChunks(db, batch.rows, (c) => db.insertInto('facilities').values(c).execute());
    case 'landing_zones':
      return insertChunks(db, batch.rows, (c) => db.insertInto('landing_zones').values(c).execute());
    case 'detainees':
      return insertChunks(db, batch.rows, (c) => db.insertInto('detainees').values(c).execute());
    case 'households':
      return insertChunks(db, batch.rows, (c) => db.insertInto('households').values(c).execute());
    case 'residents':
      return insertChunks(db, batch.rows, (c) => db.insertInto('residents').values(c).execute());
    case 'aircraft_types':
      return insertChunks(db, batch.rows, (c) => db.insertInto('aircraft_types').values(c).execute());
    case 'aircraft':
      return insertChunks(db, batch.rows, (c) => db.insertInto('aircraft').values(c).execute());
  }
}
