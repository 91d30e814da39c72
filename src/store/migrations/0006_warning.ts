import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

const ORIGINS = sql`origin in ('import','manual','scenario')`;

/**
 * Early warning (conflict events, facility indicators, breaches, alerts) and transfer agreements with their
 * append-only history. Every row is marked.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('conflict_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text')
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('sub_event_type', 'text', (c) => c.notNull())
    .addColumn('actor1', 'text', (c) => c.notNull())
    .addColumn('actor2', 'text')
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1', 'text')
    .addColumn('admin2', 'text')
    .addColumn('admin3', 'text')
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull().check(sql`lat between -90 and 90`))
    .addColumn('lon', 'double precision', (c) => c.notNull().check(sql`lon between -180 and 180`))
    .addColumn('fatalities', 'integer', (c) => c.notNull().check(sql`fatalities >= 0`))
    .addColumn('notes', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().check(ORIGINS))
    .addColumn('import_id', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('conflict_events_date_idx').on('conflict_events').columns(['event_date', 'marking_id']).execute();
  // An import checks each batch of ACLED ids against those stored.
  await db.schema.createIndex('conflict_events_source_idx').on('conflict_events').column('source_id').execute();

  await db.schema
    .createTable('facility_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('guard_strength', 'integer', (c) => c.check(sql`guard_strength >= 0`))
    .addColumn('population', 'integer', (c) => c.check(sql`population >= 0`))
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity > 0`))
    .addColumn('days_since_resupply', 'integer', (c) => c.check(sql`days_since_resupply >= 0`))
    .addColumn('riots', 'integer', (c) => c.check(sql`riots >= 0`))
    .addColumn('escape_attempts', 'integer', (c) => c.check(sql`escape_attempts >= 0`))
    .addColumn('guard_desertions', 'integer', (c) => c.check(sql`guard_desertions >= 0`))
    .addColumn('area_control', 'text', (c) => c.check(sql`area_control in ('holding-force','contested','hostile')`))
    .addColumn('note', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().check(ORIGINS))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('facility_indicators_site_idx').on('facility_indicators').columns(['facility_id', 'observed_at']).execute();

  await db.schema
    .createTable('warning_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().check(ORIGINS))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('warning_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('warning','critical')`))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('p7', 'double precision', (c) => c.notNull())
    .addColumn('p30', 'double precision', (c) => c.notNull())
    .addColumn('hazard_per_hour', 'double precision', (c) => c.notNull())
    .addColumn('threshold', 'double precision', (c) => c.notNull())
    .addColumn('factors', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','acknowledged')`))
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('ack_note', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addCheckConstraint('warning_alerts_ack_ck', sql`(status = 'open' and acknowledged_by is null) or (status = 'acknowledged' and acknowledged_by is not null and acknowledged_at is not null)`)
    .execute();
  await db.schema.createIndex('warning_alerts_site_idx').on('warning_alerts').columns(['facility_id', 'status', 'level']).execute();
  await db.schema.createIndex('warning_alerts_as_of_idx').on('warning_alerts').columns(['as_of']).execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('holding_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('receiving_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('airlift_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('destination', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('per_day', 'integer', (c) => c.check(sql`per_day >= 0`))
    .addColumn('nationality_quotas', 'text', (c) => c.notNull())
    .addColumn('assurances', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','negotiating','signed','suspended')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('agreements_dates_ck', sql`valid_to is null or valid_to >= valid_from`)
    .execute();

  await db.schema
    .createTable('agreement_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('agreements.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('agreement_events_at_idx').on('agreement_events').columns(['at']).execute();
  await appendOnlyGuard(db, dialect, 'agreement_events');
}
