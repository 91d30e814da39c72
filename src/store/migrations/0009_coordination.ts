import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Coordination: the daily calls, their attendance, decisions and action items, and the append-only history
 * of each action's status.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('coordination_calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('call_date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('agencies', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coordination_calls_starts_idx').on('coordination_calls').column('starts_at').execute();

  await db.schema
    .createTable('coordination_attendance')
    .addColumn('call_id', 'text', (c) => c.notNull().references('coordination_calls.id'))
    .addColumn('agency_code', 'text', (c) => c.notNull())
    .addColumn('person', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull().check(sql`present in (0, 1)`))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coordination_attendance_pk', ['call_id', 'agency_code', 'person'])
    .execute();

  await db.schema
    .createTable('coordination_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('coordination_calls.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coordination_decisions_call_idx').on('coordination_decisions').column('call_id').execute();

  await db.schema
    .createTable('coordination_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_id', 'text', (c) => c.notNull().references('coordination_calls.id'))
    .addColumn('decision_id', 'text', (c) => c.references('coordination_decisions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_agency_code', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','in-progress','done','cancelled')`))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coordination_actions_due_idx').on('coordination_actions').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('coordination_actions_call_idx').on('coordination_actions').column('call_id').execute();

  await db.schema
    .createTable('coordination_action_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('coordination_actions.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coordination_action_updates_action_idx').on('coordination_action_updates').columns(['action_id', 'at']).execute();
  await appendOnlyGuard(db, dialect, 'coordination_action_updates');
}
