import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { autoIdColumn, appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

// NOTE: hashes and leaf data are bytes: SQLite `blob`, PostgreSQL `bytea`; both drivers hand back a Buffer.
function bytes(dialect: DialectName) {
  return dialect === 'sqlite' ? sql`blob` : sql`bytea`;
}

/**
 * The custody log: signing keys (public halves only), the Merkle log's entries (each row also stores the
 * hashes of the perfect subtrees its leaf completes, so any proof reads about 2·log2(n) rows by primary key),
 * the head (a one-row lock and cache), signed checkpoints, pending handovers, witnessed heads and alerts.
 * Keys, entries, checkpoints, witnessed heads and alerts are append-only.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('custody_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('verifier', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('log','agency')`))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('generation', 'integer', (c) => c.notNull().check(sql`generation >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('custody_keys_owner_generation_uq', ['role', 'agency_id', 'generation'])
    .execute();
  await appendOnlyGuard(db, dialect, 'custody_keys');

  await db.schema
    .createTable('custody_entries')
    // NOTE: SQLite's `integer primary key` is the rowid itself, the fastest lookup it has; PostgreSQL gets bigint.
    .addColumn('idx', dialect === 'sqlite' ? 'integer' : 'bigint', (c) => c.primaryKey().check(sql`idx >= 0`))
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('detainee_id', 'text', (c) => c.notNull().references('detainees.id'))
    .addColumn('time', 'text', (c) => c.notNull())
    .addColumn('leaf_data', bytes(dialect), (c) => c.notNull())
    .addColumn('leaf_hash', bytes(dialect), (c) => c.notNull())
    .addColumn('nodes', bytes(dialect), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('custody_entries_detainee_idx').on('custody_entries').columns(['detainee_id', 'idx']).execute();
  await appendOnlyGuard(db, dialect, 'custody_entries');

  await db.schema
    .createTable('custody_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', bytes(dialect), (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('custody_head').values({ id: 1, size: 0, root: createHash('sha256').digest(), updated_at: '1970-01-01T00:00:00.000Z' }).execute();

  await db.schema
    .createTable('custody_checkpoints')
    .addColumn('id', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', bytes(dialect), (c) => c.notNull())
    .addColumn('key_name', 'text', (c) => c.notNull().references('custody_keys.name'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('custody_checkpoints_size_idx').on('custody_checkpoints').column('size').execute();
  await appendOnlyGuard(db, dialect, 'custody_checkpoints');

  await db.schema
    .createTable('custody_handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('detainee_id', 'text', (c) => c.notNull().references('detainees.id'))
    .addColumn('from_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('to_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','completed','cancelled')`))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('log_index', 'bigint')
    .execute();
  await db.schema.createIndex('custody_handovers_detainee_idx').on('custody_handovers').columns(['detainee_id', 'status']).execute();
  await db.schema.createIndex('custody_handovers_status_idx').on('custody_handovers').column('status').execute();

  await db.schema
    .createTable('custody_witness_heads')
    .addColumn('id', autoIdColumn(dialect), (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('root', bytes(dialect), (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('consistent', 'integer', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('custody_witness_agency_idx').on('custody_witness_heads').columns(['agency_id', 'size']).execute();
  await appendOnlyGuard(db, dialect, 'custody_witness_heads');

  await db.schema
    .createTable('custody_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await appendOnlyGuard(db, dialect, 'custody_alerts');
}
