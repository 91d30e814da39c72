import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

const STATUSES = "('not-contacted','contacted','declined','negotiating','accepted','repatriating','completed')";

/**
 * Repatriation: each country of origin's status and conditions (versioned), its status history and engagement
 * log (both append-only), and repatriation batches with their members (each member a detainee or a camp
 * resident, with the custody handover or camp movement that took them).
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('repatriation_countries')
    .addColumn('country', 'text', (c) => c.primaryKey().check(sql`length(country) = 3`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${sql.raw(STATUSES)}`))
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('repatriation_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull().references('repatriation_countries.country'))
    .addColumn('from_status', 'text', (c) => c.notNull().check(sql`from_status in ${sql.raw(STATUSES)}`))
    .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status in ${sql.raw(STATUSES)}`))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('repatriation_status_changes_country_idx').on('repatriation_status_changes').columns(['country', 'at']).execute();
  await appendOnlyGuard(db, dialect, 'repatriation_status_changes');

  await db.schema
    .createTable('repatriation_engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull().check(sql`length(country) = 3`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('meeting','note-verbale','request','answer')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('counterpart', 'text')
    .addColumn('reference', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome is null or outcome in ('accepted','accepted-with-conditions','declined','deferred','more-information')`))
    .addColumn('due_by', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('repatriation_engagements_country_idx').on('repatriation_engagements').columns(['country', 'at']).execute();
  await db.schema.createIndex('repatriation_engagements_recorded_idx').on('repatriation_engagements').columns(['recorded_at']).execute();
  await appendOnlyGuard(db, dialect, 'repatriation_engagements');

  await db.schema
    .createTable('repatriation_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull().check(sql`length(country) = 3`))
    .addColumn('receiving_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','handing-over','handed-over','cancelled')`))
    .addColumn('assurances', 'text')
    .addColumn('note', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('repatriation_batches_country_idx').on('repatriation_batches').columns(['country', 'status']).execute();

  await db.schema
    .createTable('repatriation_batch_members')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('repatriation_batches.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('detainee','resident')`))
    .addColumn('detainee_id', 'text', (c) => c.references('detainees.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('planned','awaiting-receipt','handed-over')`))
    .addColumn('handover_id', 'text', (c) => c.references('custody_handovers.id'))
    .addColumn('movement_batch', 'text')
    .addColumn('handed_over_at', 'text')
    // `d:<detainee id>` or `r:<resident id>` while the batch is open, null once it is closed: the unique index
    // keeps a person in one open batch at a time even when two batches are planned at once.
    .addColumn('open_person', 'text', (c) => c.unique())
    .addPrimaryKeyConstraint('repatriation_batch_members_pk', ['batch_id', 'position'])
    .addCheckConstraint('repatriation_batch_members_one_person', sql`(kind = 'detainee' and detainee_id is not null and resident_id is null) or (kind = 'resident' and resident_id is not null and detainee_id is null)`)
    .execute();
  await db.schema.createIndex('repatriation_batch_members_detainee_idx').on('repatriation_batch_members').columns(['detainee_id']).execute();
  await db.schema.createIndex('repatriation_batch_members_resident_idx').on('repatriation_batch_members').columns(['resident_id']).execute();
}
