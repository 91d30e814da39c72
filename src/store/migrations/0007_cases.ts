import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, autoIdColumn, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

/**
 * Case files: cases and their detainees, evidence items, their contents (by SHA-256), their versions (each
 * with its own marking; append-only), each item's own chain of custody (append-only), and declassification
 * requests with their signed decisions.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_kind', 'text', (c) => c.notNull().check(sql`jurisdiction_kind in ('receiving','origin','international')`))
    .addColumn('jurisdiction_country', 'text', (c) => c.notNull())
    .addColumn('jurisdiction_name', 'text')
    .addColumn('charges', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open','referred','charged','tried','closed')`))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_detainees')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('detainee_id', 'text', (c) => c.notNull().references('detainees.id'))
    .addPrimaryKeyConstraint('case_detainees_pk', ['case_id', 'detainee_id'])
    .execute();
  await db.schema.createIndex('case_detainees_detainee_idx').on('case_detainees').column('detainee_id').execute();

  await db.schema
    .createTable('evidence_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('battlefield-document','digital-media','witness-statement','intelligence-report','biometric-match','custody-record')`))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('dated', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_items_case_idx').on('evidence_items').column('case_id').execute();

  // NOTE: file bytes are a BLOB in SQLite and a bytea in PostgreSQL; both drivers hand back a Buffer.
  await db.schema
    .createTable('evidence_contents')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size >= 0`))
    .addColumn('data', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await appendOnlyGuard(db, dialect, 'evidence_contents');

  await db.schema
    .createTable('evidence_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 1`))
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('original','release','redaction','downgrade')`))
    .addColumn('parent_id', 'text', (c) => c.references('evidence_versions.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('provenance', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('content_sha256', 'text', (c) => c.notNull().references('evidence_contents.sha256'))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('request_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('evidence_versions_number_uq', ['item_id', 'number'])
    .execute();
  await db.schema.createIndex('evidence_versions_marking_idx').on('evidence_versions').columns(['marking_id', 'item_id']).execute();
  await appendOnlyGuard(db, dialect, 'evidence_versions');

  await db.schema
    .createTable('evidence_custody')
    .addColumn('seq', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('collected','received','transferred','examined','stored','copied','released','redacted','downgraded')`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_custody_item_idx').on('evidence_custody').columns(['item_id', 'seq']).execute();
  await appendOnlyGuard(db, dialect, 'evidence_custody');

  await db.schema
    .createTable('declass_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('evidence_items.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('evidence_versions.id'))
    .addColumn('audience_kind', 'text', (c) => c.notNull().check(sql`audience_kind in ('prosecutor','court')`))
    .addColumn('audience_country', 'text', (c) => c.notNull())
    .addColumn('audience_name', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','awaiting-confirmation','released','denied','expired')`))
    .addColumn('marking_id', 'integer', (c) => c.notNull().references('markings.id'))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('release','redact','downgrade','deny')`))
    .addColumn('proposed_marking_id', 'integer', (c) => c.references('markings.id'))
    .addColumn('proposed_by', 'text')
    .addColumn('proposed_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('result_version_id', 'text', (c) => c.references('evidence_versions.id'))
    .addColumn('decision', 'text')
    .addColumn('signature', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('declass_requests_status_idx').on('declass_requests').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('declass_requests_item_idx').on('declass_requests').column('item_id').execute();
}
