import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, autoIdColumn, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Airlift execution: stored plans (the plan document, its figures, who made and approved it, the re-plan's
 * parent, disruption and diff), the detainees and nodes each plan covers, sorties with their status, manifests,
 * the append-only scans (and corrections) that say where each person is, discrepancies and their append-only
 * resolutions. Every row carries the plan's marking. An operation is a plan and its re-plans: scans and
 * discrepancies belong to the operation (its first plan), sorties to the plan that flies them.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('airlift_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','approved','superseded')`))
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('nodes', 'text', (c) => c.notNull())
    .addColumn('detainees', 'integer', (c) => c.notNull())
    .addColumn('sorties', 'integer', (c) => c.notNull())
    .addColumn('expected_loss', 'double precision', (c) => c.notNull())
    .addColumn('completion_hours', 'double precision')
    .addColumn('flight_hours', 'double precision', (c) => c.notNull())
    .addColumn('bound_loss', 'double precision', (c) => c.notNull())
    .addColumn('bound_completion', 'double precision', (c) => c.notNull())
    .addColumn('gap', 'double precision', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('airlift_plans.id'))
    .addColumn('disruption', 'text')
    .addColumn('diff', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('airlift_plans_operation_idx').on('airlift_plans').columns(['operation_id', 'created_at']).execute();

  await db.schema
    .createTable('airlift_plan_detainees')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('airlift_plans.id'))
    .addColumn('isn', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('medical', 'integer', (c) => c.notNull().check(sql`medical in (0, 1)`))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addPrimaryKeyConstraint('airlift_plan_detainees_pk', ['plan_id', 'isn'])
    .execute();

  await db.schema
    .createTable('airlift_sorties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('airlift_plans.id'))
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('aircraft', 'text', (c) => c.notNull())
    .addColumn('from_node', 'text', (c) => c.notNull())
    .addColumn('to_node', 'text', (c) => c.notNull())
    .addColumn('depart', 'text', (c) => c.notNull())
    .addColumn('arrive', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned','boarding','airborne','landed','closed','cancelled')`))
    .addColumn('status_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addUniqueConstraint('airlift_sorties_label_uq', ['plan_id', 'label'])
    .execute();
  await db.schema.createIndex('airlift_sorties_operation_idx').on('airlift_sorties').columns(['operation_id', 'status']).execute();

  await db.schema
    .createTable('airlift_manifests')
    .addColumn('sortie_id', 'text', (c) => c.notNull().references('airlift_sorties.id'))
    .addColumn('isn', 'text', (c) => c.notNull())
    .addColumn('board_node', 'text', (c) => c.notNull())
    .addColumn('alight_node', 'text', (c) => c.notNull())
    .addColumn('amended', 'integer', (c) => c.notNull().check(sql`amended in (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addPrimaryKeyConstraint('airlift_manifests_pk', ['sortie_id', 'isn'])
    .execute();
  await db.schema.createIndex('airlift_manifests_isn_idx').on('airlift_manifests').column('isn').execute();

  // Scans and corrections: the truth of where each person is, never rewritten (a resolution voids, it never edits).
  await db.schema
    .createTable('airlift_scans')
    .addColumn('seq', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('sortie_id', 'text', (c) => c.references('airlift_sorties.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('board','arrive','place')`))
    .addColumn('isn', 'text', (c) => c.notNull())
    .addColumn('node', 'text')
    .addColumn('place_kind', 'text', (c) => c.notNull().check(sql`place_kind in ('site','aircraft','staging','destination')`))
    .addColumn('place_at', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull().check(sql`applied in (0, 1)`))
    .addColumn('discrepancy', 'text')
    .addColumn('custody', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('airlift_scans_person_idx').on('airlift_scans').columns(['operation_id', 'isn', 'seq']).execute();
  await db.schema.createIndex('airlift_scans_sortie_idx').on('airlift_scans').columns(['sortie_id', 'seq']).execute();
  await appendOnlyGuard(db, dialect, 'airlift_scans');

  await db.schema
    .createTable('airlift_discrepancies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation_id', 'text', (c) => c.notNull())
    .addColumn('sortie_id', 'text', (c) => c.notNull().references('airlift_sorties.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('wrong-sortie','unmanifested','duplicate','conflict','missing-at-arrival','custody')`))
    .addColumn('isn', 'text', (c) => c.notNull())
    .addColumn('scan_id', 'text', (c) => c.references('airlift_scans.id'))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','resolved')`))
    .addColumn('resolved_at', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('airlift_discrepancies_sortie_idx').on('airlift_discrepancies').columns(['sortie_id', 'status']).execute();
  await db.schema.createIndex('airlift_discrepancies_operation_idx').on('airlift_discrepancies').columns(['operation_id', 'status', 'raised_at']).execute();

  await db.schema
    .createTable('airlift_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('discrepancy_id', 'text', (c) => c.notNull().unique().references('airlift_discrepancies.id'))
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('accept','void','place')`))
    .addColumn('voids_scan_id', 'text', (c) => c.references('airlift_scans.id'))
    .addColumn('place', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('airlift_resolutions_void_idx').on('airlift_resolutions').column('voids_scan_id').execute();
  await appendOnlyGuard(db, dialect, 'airlift_resolutions');
}
