import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contextFor } from '../../src/access/index.js';
import {
  checkBundle, exportBundle, Frontier, inclusionProof, leafDataOf, leafHash, LOG_ORIGIN, rootOf, signCheckpoint, signEvent, verifyInclusion, verifyLog,
  type TCustodyEvent,
} from '../../src/custody/index.js';
import { newId } from '../../src/kernel/index.js';
import { migrateToLatest, openStore, type DialectName } from '../../src/store/index.js';
import * as m0001 from '../../src/store/migrations/0001_foundation.js';
import * as m0002 from '../../src/store/migrations/0002_custody.js';
import * as m0003 from '../../src/store/migrations/0003_camps.js';
import * as m0004 from '../../src/store/migrations/0004_airlift.js';
import * as m0005 from '../../src/store/migrations/0005_identity.js';
import * as m0006 from '../../src/store/migrations/0006_warning.js';
import * as m0007 from '../../src/store/migrations/0007_cases.js';
import * as m0008 from '../../src/store/migrations/0008_repatriation.js';
import * as m0009 from '../../src/store/migrations/0009_coordination.js';
import * as m0010 from '../../src/store/migrations/0010_custody_camps.js';
import * as m0011 from '../../src/store/migrations/0011_repatriation_outcomes.js';
import { buildDetainee } from '../support/factories.js';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { principal } from '../support/world.js';
import { growLog, isnOf, openCustodyWorld, signerFor, storedLeafHashes, TILE_SIZE, type CustodyWorld } from './world.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- the log is written as it was stored before 0012, not as the schema is now */

const BEFORE = { m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011 };

/** A fresh store migrated only up to 0011_repatriation_outcomes: a database in the field before the tiles. */
async function openStoreAt0011(dialect: DialectName): Promise<TestStore> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sallyport-sqlite-'));
    url = `sqlite:${join(dir, 'test.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = inject('pgAdminUrl');
    const name = `t_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    url = admin.replace(/\/[^/]*$/, `/${name}`);
    cleanup = async () => {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    };
  }
  const store = await openStore(url);
  // Named as the store names them, so that migrateToLatest later runs only 0012 on top.
  const names = ['0001_foundation', '0002_custody', '0003_camps', '0004_airlift', '0005_identity', '0006_warning', '0007_cases', '0008_repatriation', '0009_coordination', '0010_custody_camps', '0011_repatriation_outcomes'];
  const named: Record<string, Migration> = Object.fromEntries(Object.values(BEFORE).map((m, i) => [names[i]!, { up: (db: Kysely<any>) => m.up(db, dialect) }]));
  const r = await new Migrator({ db: store.db, provider: { getMigrations: async () => named } }).migrateToLatest();
  if (r.error) throw r.error as Error;
  return { ...store, url, drop: async () => { await store.close(); await cleanup(); } };
}

/**
 * Writes `count` entries the way the log stored them before 0012 (one row each with leaf data, leaf hash and the
 * subtree hashes it completes), a signed checkpoint every 100 and the head; `skip` entries are left out and
 * `flipHash` entries get a damaged leaf hash, as an attacker or a failing disk might have left them.
 */
async function writeOldLog(w: CustodyWorld, count: number, damage: { skip?: number; flipHash?: number } = {}): Promise<Buffer[]> {
  const db = w.store.db as unknown as Kysely<any>;
  const hf = await signerFor(w, 'HF');
  const log = await signerFor(w, null);
  const detainee = await db.selectFrom('detainees').select('id').where('isn', '=', isnOf(1)).executeTakeFirstOrThrow();
  const frontier = Frontier.empty();
  const leaves: Buffer[] = [];
  const rows: Record<string, unknown>[] = [];
  const at = '2026-01-10T08:00:00.000Z';
  for (let i = 0; i < count; i += 1) {
    const unsigned = i === 0
      ? { type: 'intake' as const, id: newId(), detainee: isnOf(1), time: at, custodian: { agency: 'HF', key: hf.name, place: 'PRISON-A' }, escort: { riskTier: 'low' as const, needs: [], alerts: [] } }
      : { type: 'medical-event' as const, id: newId(), detainee: isnOf(1), time: at, custodian: { agency: 'HF', key: hf.name, place: 'PRISON-A' }, condition: { status: 'fit' as const }, description: `check ${i}` };
    const event = { ...unsigned, signatures: [signEvent(unsigned, hf)] } as TCustodyEvent;
    const data = leafDataOf(event);
    const leaf = leafHash(data);
    leaves.push(leaf);
    const nodes = Buffer.concat(frontier.push(leaf));
    const stored = i === damage.flipHash ? Buffer.from(leaf.map((b, k) => (k === 5 ? b ^ 1 : b))) : leaf;
    if (i !== damage.skip) rows.push({ idx: i, event_id: event.id, type: event.type, detainee_id: detainee.id, time: at, leaf_data: data, leaf_hash: stored, nodes, created_at: at });
    if ((i + 1) % 100 === 0 || i === count - 1) {
      const root = frontier.root();
      await db.insertInto('custody_checkpoints').values({ size: i + 1, root, key_name: log.name, note: signCheckpoint({ origin: LOG_ORIGIN, size: i + 1, root, time: at }, log), created_at: at }).execute();
    }
  }
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('custody_entries').values(rows.slice(i, i + 200)).execute();
  await db.updateTable('custody_head').set({ size: count, root: frontier.root(), updated_at: at }).where('id', '=', 1).execute();
  return leaves;
}

describe.each(DIALECTS)('migration 0012_custody packs an existing log (%s)', (dialect) => {
  const worlds: CustodyWorld[] = [];
  async function oldWorld(count: number, damage?: { skip?: number; flipHash?: number }): Promise<{ w: CustodyWorld; leaves: Buffer[] }> {
    const store = await openStoreAt0011(dialect);
    const w = await openCustodyWorld(dialect, { store, detainees: 0 });
    worlds.push(w);
    const reg = contextFor(store.db, principal({ country: 'USA', roles: ['registrar'] }), w.clock, { requestId: 'migrate-test' });
    await buildDetainee(reg, 1, { marking: 'U', facility: 'PRISON-A', custodian: 'HF' });
    const leaves = await writeOldLog(w, count, damage);
    expect(await migrateToLatest(store)).toEqual(['0012_custody']);
    return { w, leaves };
  }
  let intact: { w: CustodyWorld; leaves: Buffer[] };
  beforeAll(async () => {
    intact = await oldWorld(600);
  }, 120_000);
  afterAll(async () => { for (const w of worlds) await w.close(); });

  it('moves every full tile into custody_tiles and the rest into the tail; the log verifies and proves as before', async () => {
    const { w, leaves } = intact;
    const db = w.store.db;
    expect((await db.selectFrom('custody_tiles').select('tile').orderBy('tile').execute()).map((r) => Number(r.tile))).toEqual([0, 1]);
    expect((await db.selectFrom('custody_tail').select('idx').execute()).length).toBe(600 - 2 * TILE_SIZE);
    expect(await storedLeafHashes(db)).toEqual(leaves);
    const columns = dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from pragma_table_info('custody_entries')`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_name = 'custody_entries'`.execute(db)).rows.map((r) => r.name);
    expect(columns.sort()).toEqual(['created_at', 'detainee_id', 'event_id', 'idx', 'time', 'type']);
    expect(await verifyLog(w.op)).toMatchObject({ ok: true, entries: 600, checkpoints: 7 });
    const root = rootOf(leaves);
    for (const index of [0, 255, 256, 511, 512, 599]) expect(verifyInclusion({ index, size: 600 }, leaves[index]!, await inclusionProof(db, index, 600), root)).toBeNull();
    expect(checkBundle(JSON.stringify(await exportBundle(w.cx(w.hf), isnOf(1))))).toMatchObject({ ok: true, entries: 600 });
  });

  it('the migrated log takes new appends, packing the unfinished tile when it fills', async () => {
    const { w } = intact;
    await growLog(w, { n: 1, count: 300, batches: [7, 293] });
    expect((await w.store.db.selectFrom('custody_tiles').select('tile').execute()).length).toBe(3);
    expect((await w.store.db.selectFrom('custody_tail').select('idx').execute()).length).toBe(900 - 3 * TILE_SIZE);
    expect(await verifyLog(w.op)).toMatchObject({ ok: true, entries: 900 });
  });

  it('damage is carried over, not repaired: a tile with a missing entry stays in rows, and verification still names the first fault', async () => {
    const { w } = await oldWorld(600, { flipHash: 10, skip: 300 });
    const db = w.store.db;
    expect((await db.selectFrom('custody_tiles').select('tile').execute()).map((r) => Number(r.tile))).toEqual([0]);
    expect((await db.selectFrom('custody_tail').select('idx').execute()).length).toBe(600 - TILE_SIZE - 1);
    expect((await verifyLog(w.op, { signatures: false })).firstBad).toMatchObject({ index: 10, what: 'leaf' });
  });
});
