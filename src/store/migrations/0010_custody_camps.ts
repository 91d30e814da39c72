import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Custody and camps, second part: the record of every full verification of the custody log (who ran it, over
 * which size and root, and what it found — append-only), the reviews of likely duplicate camp residents that the
 * importer could not see, the end of a guardianship (why, when, by whom — append-only beside the guardianship's
 * `until`), and a covering index that lets a proof read its subtree hashes without touching the leaf data.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const bytes = dialect === 'sqlite' ? sql`blob` : sql`bytea`;
  await db.schema
    .createTable('custody_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text', (c) => c.notNull())
    .addColumn('run_by', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', bytes, (c) => c.notNull())
    .addColumn('signatures', 'integer', (c) => c.notNull().check(sql`signatures in (0, 1)`))
    .addColumn('ok', 'integer', (c) => c.notNull().check(sql`ok in (0, 1)`))
    .addColumn('entries', 'bigint', (c) => c.notNull())
    .addColumn('first_bad_index', 'bigint')
    .addColumn('first_bad_what', 'text')
    .addColumn('first_bad_reason', 'text')
    .execute();
  await db.schema.createIndex('custody_verifications_finished_idx').on('custody_verifications').column('finished_at').execute();
  await appendOnlyGuard(db, dialect, 'custody_verifications');

  await db.schema
    .createTable('camp_duplicate_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','same','different')`))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('existing_resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .addColumn('created_resident_id', 'text', (c) => c.references('residents.id'))
    .execute();
  await db.schema.createIndex('camp_duplicate_reviews_status_idx').on('camp_duplicate_reviews').columns(['status', 'requested_at']).execute();

  await db.schema
    .createTable('camp_guardianship_ends')
    .addColumn('guardianship_id', 'text', (c) => c.primaryKey().references('camp_guardianships.id'))
    .addColumn('ended_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await appendOnlyGuard(db, dialect, 'camp_guardianship_ends');
}
