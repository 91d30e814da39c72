import { sql, type Kysely } from 'kysely';
import { autoIdColumn, appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/** Markings, agencies, users, sessions, audit, idempotency, the registry, the fleet and scenario truth. */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('markings')
    .addColumn('id', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('originator', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull().check(sql`level between 0 and 3`))
    .addColumn('rel_kind', 'text', (c) => c.notNull().check(sql`rel_kind in ('all','rel','noforn')`))
    .addColumn('rel_countries', 'text', (c) => c.notNull())
    .addColumn('caveats', 'text', (c) => c.notNull())
    .addUniqueConstraint('markings_text_originator_uq', ['text', 'originator'])
    .execute();

  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('clearance', 'text', (c) => c.notNull().check(sql`clearance in ('U','C','S','TS')`))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('groups', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session','token')`))
    .addColumn('name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('revoked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_at_idx').on('audit_events').column('at').execute();
  await db.schema.createIndex('audit_subject_idx').on('audit_events').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('audit_user_idx').on('audit_events').column('user_id').execute();
  await appendOnlyGuard(db, dialect, 'audit_events');

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
    .execute();

  await db.schema
    .createTable('facilities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('prison','camp','staging','destination','refuel')`))
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population >= 0`))
    .addColumn('guard_force', 'integer', (c) => c.notNull().check(sql`guard_force >= 0`))
    .addColumn('guard_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('collapse_risk', 'double precision', (c) => c.notNull().check(sql`collapse_risk >= 0 and collapse_risk <= 1`))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('landing_zones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('slots', 'integer', (c) => c.notNull().check(sql`slots >= 1`))
    .addColumn('max_category', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('landing_zones_facility_idx').on('landing_zones').column('facility_id').execute();

  await db.schema
    .createTable('detainees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('isn', 'text', (c) => c.notNull().unique())
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('birth_place', 'text')
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('risk_tier', 'text', (c) => c.notNull().check(sql`risk_tier in ('low','medium','high','critical')`))
    .addColumn('keep_apart', 'text', (c) => c.notNull())
    .addColumn('medical', 'text', (c) => c.notNull())
    .addColumn('legal_status', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.references('facilities.id'))
    .addColumn('custodian_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('search_keys', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  for (const col of ['facility_id', 'nationality', 'status', 'risk_tier', 'marking_id'] as const) {
    await db.schema.createIndex(`detainees_${col}_idx`).on('detainees').column(col).execute();
  }

  await db.schema
    .createTable('registration_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','accepted','rejected')`))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('existing_id', 'text', (c) => c.notNull().references('detainees.id'))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('created_detainee_id', 'text')
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('head_name', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_facility_idx').on('households').column('facility_id').execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('name_ar', 'text', (c) => c.notNull())
    .addColumn('name_latin', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('related_detainee_id', 'text', (c) => c.references('detainees.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('search_keys', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_household_idx').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_facility_idx').on('residents').column('facility_id').execute();

  await db.schema
    .createTable('aircraft_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('speed_kmh', 'double precision', (c) => c.notNull())
    .addColumn('range_km', 'double precision', (c) => c.notNull())
    .addColumn('load_min', 'integer', (c) => c.notNull())
    .addColumn('unload_min', 'integer', (c) => c.notNull())
    .addColumn('refuel_min', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('aircraft')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tail', 'text', (c) => c.notNull().unique())
    .addColumn('type_code', 'text', (c) => c.notNull().references('aircraft_types.code'))
    .addColumn('operator_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('base_facility_id', 'text', (c) => c.references('facilities.id'))
    .addColumn('available_from', 'text', (c) => c.notNull())
    .addColumn('available_to', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scenario_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('knobs', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('scenario_truth')
    .addColumn('id', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('a', 'text', (c) => c.notNull())
    .addColumn('b', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
}
