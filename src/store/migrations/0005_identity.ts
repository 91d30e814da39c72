import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

// NOTE: templates are bytes (packed Float32, little-endian): SQLite `blob`, PostgreSQL `bytea`; both drivers hand back a Buffer.
function bytes(dialect: DialectName) {
  return dialect === 'sqlite' ? sql`blob` : sql`bytea`;
}

/**
 * Identity: enrollments (templates and descriptive data per encounter), candidate pairs for adjudication, the
 * append-only decisions on them, and which identity each detainee record belongs to.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('identity_enrollments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('detainee_id', 'text', (c) => c.notNull().references('detainees.id'))
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('officer', 'text', (c) => c.notNull())
    .addColumn('station', 'text', (c) => c.notNull())
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('templates', bytes(dialect), (c) => c.notNull())
    .addColumn('qualities', 'text', (c) => c.notNull())
    .addColumn('name_ar', 'text')
    .addColumn('name_latin', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('birth_place', 'text')
    .addColumn('nationality', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('scenario','capture','import')`))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_enrollments_detainee_idx').on('identity_enrollments').column('detainee_id').execute();
  await db.schema.createIndex('identity_enrollments_marking_idx').on('identity_enrollments').column('marking_id').execute();

  await db.schema
    .createTable('identity_candidates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('left_id', 'text', (c) => c.notNull().references('identity_enrollments.id'))
    .addColumn('right_id', 'text', (c) => c.notNull().references('identity_enrollments.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('biometric', 'double precision')
    .addColumn('components', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('arrival','dedup')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','same','different','unsure')`))
    .addColumn('reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('identity_candidates_pair_uq', ['left_id', 'right_id'])
    .addCheckConstraint('identity_candidates_order_ck', sql`left_id < right_id`)
    .execute();
  await db.schema.createIndex('identity_candidates_status_idx').on('identity_candidates').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('identity_candidates_right_idx').on('identity_candidates').column('right_id').execute();

  await db.schema
    .createTable('identity_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidate_id', 'text', (c) => c.notNull().references('identity_candidates.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('same','different','unsure','undo')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('moved', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_decisions_candidate_idx').on('identity_decisions').column('candidate_id').execute();
  await appendOnlyGuard(db, dialect, 'identity_decisions');

  await db.schema
    .createTable('identity_members')
    .addColumn('detainee_id', 'text', (c) => c.primaryKey().references('detainees.id'))
    .addColumn('identity_id', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_members_identity_idx').on('identity_members').column('identity_id').execute();
}
