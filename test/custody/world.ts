import { contextFor, type Principal } from '../../src/access/index.js';
import {
  appendEvents, createAgencyKey, custodyCtx, listKeys, memoryKeyring, publishLogKeyAndSign, recordEvent, signerOf, signEvent,
  type CustodyCtx, type Keyring, type Signer,
} from '../../src/custody/index.js';
import { newId, type FixedClock } from '../../src/kernel/index.js';
import { bulkInsert } from '../../src/registry/index.js';
import { sql } from 'kysely';
import type { Db, DialectName } from '../../src/store/index.js';
import { buildAgency, buildDetainee, buildFacility, operatorCtx, suiteClock } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { principal } from '../support/world.js';

/**
 * A custody world on one dialect: three agencies with signing keys (the holding force HF, the airlift
 * command JTF, the receiving ministry MOJ), a prison, a staging field, the destination, one aircraft, a log
 * key, and detainees taken into custody by HF at the prison (each intake a signed log entry).
 */
export interface CustodyWorld {
  store: TestStore;
  clock: FixedClock;
  keyring: Keyring;
  /** The local operator (keys, bulk loads). */
  op: CustodyCtx;
  hf: Principal;
  jtf: Principal;
  moj: Principal;
  /** The custody context of a principal on the world's store. */
  cx(p: Principal): CustodyCtx;
  close(): Promise<void>;
}

export const AIRCRAFT = 'C17-01';

/** A custodian of an agency, cleared S, who sees U and releasable records of their country. */
function custodian(code: string, id: string, country: string): Principal {
  return principal({ country, agencyId: id, agencyCode: code, username: `custodian.${code.toLowerCase()}`, clearance: 'S', roles: ['custodian'], groups: [] });
}

export async function openCustodyWorld(dialect: DialectName, opts: { detainees?: number; keyring?: Keyring; store?: TestStore } = {}): Promise<CustodyWorld> {
  const store = opts.store ?? (await openTestStore(dialect));
  const clock = suiteClock();
  const keyring = opts.keyring ?? memoryKeyring();
  const hfA = await buildAgency(store, clock, { code: 'HF', country: 'SYR', kind: 'holding-force' });
  const jtfA = await buildAgency(store, clock, { code: 'JTF', country: 'USA', kind: 'military' });
  const mojA = await buildAgency(store, clock, { code: 'MOJ', country: 'IRQ', kind: 'justice' });
  const registrar = principal({ country: 'USA', roles: ['registrar'] });
  const reg = contextFor(store.db, registrar, clock, { requestId: 'world' });
  for (const [code, kind] of [['PRISON-A', 'prison'], ['STAGE-1', 'staging'], ['BIAP', 'destination']] as const) await buildFacility(reg, { code, kind });
  const op = custodyCtx(operatorCtx(store, clock), keyring);
  await bulkInsert(op, store.db, { table: 'aircraft_types', rows: [{ code: 'C-17', category: 'fixed-wing', seats: 100, speed_kmh: 800, range_km: 4000, load_min: 30, unload_min: 30, refuel_min: 45 }] });
  await bulkInsert(op, store.db, { table: 'aircraft', rows: [{ id: '01J0000000000000000000AIRC', tail: AIRCRAFT, type_code: 'C-17', operator_agency_id: jtfA.id, base_facility_id: null, available_from: '2026-01-01T00:00:00Z', available_to: '2026-03-01T00:00:00Z' }] });
  for (const code of ['HF', 'JTF', 'MOJ']) await createAgencyKey(op, { agency: code });
  await publishLogKeyAndSign(op, { rotate: false });
  const hf = custodian('HF', hfA.id, 'SYR');
  const cx = (p: Principal) => custodyCtx(contextFor(store.db, p, clock, { requestId: 'test' }), keyring);
  for (let n = 1; n <= (opts.detainees ?? 3); n += 1) {
    await buildDetainee(reg, n, { marking: 'U', facility: 'PRISON-A', custodian: 'HF' });
    await recordEvent(cx(hf), { type: 'intake', detainee: isnOf(n), place: 'PRISON-A' });
  }
  return {
    store, clock, keyring, op, hf, cx,
    jtf: custodian('JTF', jtfA.id, 'USA'),
    moj: custodian('MOJ', mojA.id, 'IRQ'),
    close: () => store.drop(),
  };
}

/** The ISN of the world's detainee `n`. */
export function isnOf(n: number): string {
  return `SP-SY-${String(n).padStart(6, '0')}`;
}

/** The current signer of an agency (or, with `null`, of the log), from the world's keyring. */
export async function signerFor(w: CustodyWorld, agency: string | null): Promise<Signer> {
  const keys = await listKeys(w.store.db);
  const k = keys.keys.find((x) => x.current && (agency === null ? x.role === 'log' : x.agency === agency));
  const key = k ? await w.keyring.get(k.name, k.id) : undefined;
  if (!k || !key) throw new Error(`no key for ${agency ?? 'the log'}`);
  return signerOf(k.name, key);
}

/**
 * Appends `count` medical events about detainee `n` (held by HF at PRISON-A), signed by HF, straight to the log
 * in batches of the given sizes (cycled): a quick way to grow a valid log.
 */
export async function growLog(w: CustodyWorld, opts: { n: number; count: number; batches: number[] }): Promise<void> {
  const hf = await signerFor(w, 'HF');
  const detainee = await w.store.db.selectFrom('detainees').select('id').where('isn', '=', isnOf(opts.n)).executeTakeFirstOrThrow();
  let made = 0;
  for (let b = 0; made < opts.count; b += 1) {
    const size = Math.min(opts.batches[b % opts.batches.length]!, opts.count - made);
    const items = Array.from({ length: size }, (_, i) => {
      const unsigned = {
        type: 'medical-event' as const, id: newId(), detainee: isnOf(opts.n), time: `2026-01-10T08:${String((made + i) % 60).padStart(2, '0')}:00.000Z`,
        custodian: { agency: 'HF', key: hf.name, place: 'PRISON-A' }, condition: { status: 'fit' as const }, description: `check ${made + i}`,
      };
      return { event: { ...unsigned, signatures: [signEvent(unsigned, hf)] }, detaineeId: detainee.id };
    });
    await w.store.db.transaction().execute((trx) => appendEvents({ ...w.op, db: trx }, trx, items));
    made += size;
  }
}

/** Test stores only: lift the append-only guards of the custody log's tables so that a test can play the attacker. */
export async function dropLogGuards(db: Db, dialect: DialectName): Promise<void> {
  const tables = ['custody_entries', 'custody_checkpoints', 'custody_witness_heads', 'custody_tiles', 'custody_tile_nodes'];
  for (const t of tables) {
    if (dialect === 'sqlite') {
      await sql.raw(`drop trigger ${t}_no_update`).execute(db);
      await sql.raw(`drop trigger ${t}_no_delete`).execute(db);
    } else {
      await sql.raw(`drop trigger ${t}_append_only on ${t}`).execute(db);
    }
  }
  if (dialect === 'sqlite') {
    await sql.raw('drop trigger custody_tail_no_update').execute(db);
    await sql.raw('drop trigger custody_tail_no_delete').execute(db);
  } else {
    await sql.raw('drop trigger custody_tail_guard on custody_tail').execute(db);
  }
}

/** Every stored leaf hash in log order, read from the tiles and the tail as stored. */
export async function storedLeafHashes(db: Db): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (const t of await db.selectFrom('custody_tiles').select(['tile', 'hashes']).orderBy('tile').execute()) {
    for (let k = 0; k < TILE_SIZE; k += 1) out[Number(t.tile) * TILE_SIZE + k] = t.hashes.subarray(k * 32, (k + 1) * 32);
  }
  for (const r of await db.selectFrom('custody_tail').select(['idx', 'leaf_hash']).execute()) out[Number(r.idx)] = r.leaf_hash;
  return out;
}

export const TILE_SIZE = 256;
