import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

const STATES = "('planned','awaiting-receipt','handed-over','not-handed-over')";

/**
 * Repatriation batch members that were not handed over: a fourth member state, `not-handed-over`, with the
 * custody outcome (`refused` by the receiving agency, `withdrawn` by the holder, `cancelled` in custody outside
 * the batch) and its reason. The state check is widened: PostgreSQL drops and re-adds its column check; SQLite,
 * which cannot alter a check, rebuilds the table with the same columns, keys and indexes.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table repatriation_batch_members drop constraint repatriation_batch_members_state_check`.execute(db);
    await sql.raw(`alter table repatriation_batch_members add constraint repatriation_batch_members_state_check check (state in ${STATES})`).execute(db);
    await sql`alter table repatriation_batch_members add column outcome text check (outcome in ('refused','withdrawn','cancelled'))`.execute(db);
    await sql`alter table repatriation_batch_members add column outcome_reason text`.execute(db);
    return;
  }
  await db.schema
    .createTable('repatriation_batch_members_new')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('repatriation_batches.id'))
    .addColumn('position', 'integer', (c) => c.notNull().check(sql`position >= 0`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('detainee','resident')`))
    .addColumn('detainee_id', 'text', (c) => c.references('detainees.id'))
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql.raw(`state in ${STATES}`)))
    .addColumn('handover_id', 'text', (c) => c.references('custody_handovers.id'))
    .addColumn('movement_batch', 'text')
    .addColumn('handed_over_at', 'text')
    .addColumn('open_person', 'text', (c) => c.unique())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('refused','withdrawn','cancelled')`))
    .addColumn('outcome_reason', 'text')
    .addPrimaryKeyConstraint('repatriation_batch_members_pk', ['batch_id', 'position'])
    .addCheckConstraint('repatriation_batch_members_one_person', sql`(kind = 'detainee' and detainee_id is not null and resident_id is null) or (kind = 'resident' and resident_id is not null and detainee_id is null)`)
    .execute();
  await sql`insert into repatriation_batch_members_new (batch_id, position, kind, detainee_id, resident_id, state, handover_id, movement_batch, handed_over_at, open_person)
    select batch_id, position, kind, detainee_id, resident_id, state, handover_id, movement_batch, handed_over_at, open_person from repatriation_batch_members`.execute(db);
  await sql`drop table repatriation_batch_members`.execute(db);
  await sql`alter table repatriation_batch_members_new rename to repatriation_batch_members`.execute(db);
  await db.schema.createIndex('repatriation_batch_members_detainee_idx').on('repatriation_batch_members').columns(['detainee_id']).execute();
  await db.schema.createIndex('repatriation_batch_members_resident_idx').on('repatriation_batch_members').columns(['resident_id']).execute();
}
