import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, autoIdColumn, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

const FAMILY_RELATIONS = "('father','mother','husband','wife','son','daughter','brother','sister','grandparent','grandchild','uncle','aunt','cousin','other')";

/**
 * Camps: sections and shelters, residents' details, guardianships, family links, the append-only movement
 * events the population is recomputed from, the control history and data-sharing agreements of each camp,
 * and programmes with their assignments and attendance.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('camp_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('phase','annex','reception','other')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('camp_sections_code_uq', ['facility_id', 'code'])
    .execute();

  await db.schema
    .createTable('camp_shelters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('section_id', 'text', (c) => c.notNull().references('camp_sections.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.references('households.id').unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('camp_shelters_code_uq', ['section_id', 'code'])
    .execute();

  await db.schema
    .createTable('camp_resident_details')
    .addColumn('resident_id', 'text', (c) => c.primaryKey().references('residents.id'))
    .addColumn('section_id', 'text', (c) => c.references('camp_sections.id'))
    .addColumn('birth_year', 'integer', (c) => c.check(sql`birth_year between 1880 and 2200`))
    .addColumn('birth_estimated', 'integer', (c) => c.notNull().check(sql`birth_estimated in (0, 1)`))
    .addColumn('birth_ref', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('vulnerabilities', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('camp_resident_details_section_idx').on('camp_resident_details').column('section_id').execute();
  await db.schema.createIndex('camp_resident_details_birth_idx').on('camp_resident_details').column('birth_ref').execute();

  await db.schema
    .createTable('camp_guardianships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('guardian_resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('guardian_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('parent','relative','caregiver','appointed')`))
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addCheckConstraint('camp_guardianships_who_ck', sql`guardian_resident_id is not null or guardian_name is not null`)
    .execute();
  await db.schema.createIndex('camp_guardianships_child_idx').on('camp_guardianships').column('child_id').execute();

  await db.schema
    .createTable('camp_family_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('resident','detainee','abroad')`))
    .addColumn('relation', 'text', (c) => c.notNull().check(sql.raw(`relation in ${FAMILY_RELATIONS}`)))
    .addColumn('related_resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('detainee_id', 'text', (c) => c.references('detainees.id'))
    .addColumn('relative_name', 'text')
    .addColumn('relative_country', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addCheckConstraint('camp_family_links_target_ck', sql`(kind = 'resident' and related_resident_id is not null)
      or (kind = 'detainee' and detainee_id is not null) or (kind = 'abroad' and relative_name is not null)`)
    .execute();
  await db.schema.createIndex('camp_family_links_resident_idx').on('camp_family_links').column('resident_id').execute();
  await db.schema.createIndex('camp_family_links_detainee_idx').on('camp_family_links').column('detainee_id').execute();

  // Camp lists page residents by id within a camp, and count them by camp, status and marking.
  await db.schema.createIndex('residents_camp_page_idx').on('residents').columns(['facility_id', 'id']).execute();
  await db.schema.createIndex('residents_camp_count_idx').on('residents').columns(['facility_id', 'status', 'marking_id']).execute();

  await createMovements(db, dialect);
  await createControl(db, dialect);
  await createProgrammes(db);
}

async function createMovements(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('camp_movements')
    .addColumn('seq', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('arrival','transfer','release','repatriation','death','unaccounted')`))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('section_id', 'text', (c) => c.references('camp_sections.id'))
    .addColumn('from_facility_id', 'text', (c) => c.references('facilities.id'))
    .addColumn('from_section_id', 'text', (c) => c.references('camp_sections.id'))
    .addColumn('authority_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('released_to', 'text')
    .addColumn('destination', 'text')
    .addColumn('destination_country', 'text')
    .addColumn('agreement_ref', 'text')
    .addColumn('guardian_resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('batch_id', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .execute();
  await db.schema.createIndex('camp_movements_resident_idx').on('camp_movements').columns(['resident_id', 'at']).execute();
  await db.schema.createIndex('camp_movements_facility_idx').on('camp_movements').columns(['facility_id', 'at']).execute();
  await appendOnlyGuard(db, dialect, 'camp_movements');
}

async function createControl(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('camp_authorities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('camp_authorities_from_uq', ['facility_id', 'from_at'])
    .execute();
  await appendOnlyGuard(db, dialect, 'camp_authorities');

  await db.schema
    .createTable('camp_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('camp_agreements_facility_idx').on('camp_agreements').columns(['facility_id', 'agency_id', 'from_at']).execute();
  await appendOnlyGuard(db, dialect, 'camp_agreements');
}

async function createProgrammes(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('camp_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('facility_id', 'text', (c) => c.notNull().references('facilities.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('education','psychosocial','rehabilitation')`))
    .addColumn('min_age', 'integer', (c) => c.notNull())
    .addColumn('max_age', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('camp_programmes_ages_ck', sql`min_age >= 0 and max_age >= min_age`)
    .execute();

  await db.schema
    .createTable('camp_programme_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('camp_programmes.id'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('residents.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active','completed','withdrawn')`))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addUniqueConstraint('camp_assignments_uq', ['programme_id', 'resident_id'])
    .execute();
  await db.schema.createIndex('camp_assignments_resident_idx').on('camp_programme_assignments').column('resident_id').execute();

  await db.schema
    .createTable('camp_attendance')
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('camp_programme_assignments.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull().check(sql`present in (0, 1)`))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('camp_attendance_pk', ['assignment_id', 'on_date'])
    .execute();
}
