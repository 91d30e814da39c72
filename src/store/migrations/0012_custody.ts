import { sql, type Kysely } from 'kysely';
import { appendOnlyGuard, type DialectName } from '../dialects/ddl.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as it is */

// NOTE: this migration packs the log as src/custody/tiles.ts lays tiles out; it keeps its own copy of the layout
// (a migration is frozen: the module may move on, the databases it migrated may not).
const TILE = 256;
const HASH = 32;
const HEADER = (TILE + 1) * 4;
// Tiles read per query while packing.
const PAGE_TILES = 64;

interface OldRow {
  idx: number | string;
  leaf_data: Buffer;
  leaf_hash: Buffer;
  nodes: Buffer;
}

function trailingOnes(idx: number): number {
  let v = idx + 1;
  let t = 0;
  while (v % 2 === 0) {
    v /= 2;
    t += 1;
  }
  return t;
}

/** A tile from 256 stored rows, or null when the rows do not fit the layout (damaged storage stays in rows). */
function packTile(tile: number, rows: readonly OldRow[]): { tile: number; hashes: Buffer; entries: Buffer; nodes: Buffer } | null {
  if (rows.length !== TILE) return null;
  const hashes = Buffer.alloc((2 * TILE - 2) * HASH);
  let bytes = HEADER;
  for (let k = 0; k < TILE; k += 1) {
    const r = rows[k]!;
    const idx = tile * TILE + k;
    if (Number(r.idx) !== idx || r.leaf_hash.length !== HASH || r.nodes.length !== trailingOnes(idx) * HASH) return null;
    hashes.set(r.leaf_hash, k * HASH);
    for (let l = 1; l < 8 && l * HASH <= r.nodes.length; l += 1) {
      const slot = 2 * TILE - (2 * TILE) / 2 ** l + (k + 1) / 2 ** l - 1;
      r.nodes.copy(hashes, slot * HASH, (l - 1) * HASH, l * HASH);
    }
    bytes += r.leaf_data.length + 1;
  }
  const entries = Buffer.alloc(bytes);
  let at = HEADER;
  rows.forEach((r, k) => {
    entries.writeUInt32BE(at, 4 * k);
    r.leaf_data.copy(entries, at + 1);
    at += r.leaf_data.length + 1;
  });
  entries.writeUInt32BE(at, 4 * TILE);
  return { tile, hashes, entries, nodes: Buffer.from(rows[TILE - 1]!.nodes.subarray(7 * HASH)) };
}

/**
 * Custody log storage, second form: entries packed 256 to a tile (`custody_tiles`: the tile's leaf and subtree
 * hashes, and its entries' leaf data in one blob each; `custody_tile_nodes`: the larger subtree hashes each
 * tile's last leaf completes), the unfinished last tile's entries in `custody_tail`, and `custody_entries` kept
 * as a lookup of index, event, type, detainee and time. Existing logs are packed here: every full tile whose rows
 * fit the layout (256 rows in order, hashes of the right sizes) becomes a tile; anything else stays, byte for
 * byte, in `custody_tail`, where a full verification still finds and names its damage. Tiles and tile nodes are
 * append-only; a tail row may be deleted only once its tile is stored.
 */
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  const bytes = dialect === 'sqlite' ? sql`blob` : sql`bytea`;
  const bigint = dialect === 'sqlite' ? 'integer' : 'bigint';
  await db.schema
    .createTable('custody_tiles')
    .addColumn('tile', bigint, (c) => c.primaryKey().check(sql`tile >= 0`))
    .addColumn('hashes', bytes, (c) => c.notNull())
    .addColumn('entries', bytes, (c) => c.notNull())
    .execute();
  await appendOnlyGuard(db, dialect, 'custody_tiles');
  await db.schema
    .createTable('custody_tile_nodes')
    .addColumn('tile', bigint, (c) => c.primaryKey().check(sql`tile >= 0`))
    .addColumn('nodes', bytes, (c) => c.notNull())
    .execute();
  await appendOnlyGuard(db, dialect, 'custody_tile_nodes');
  await db.schema
    .createTable('custody_tail')
    .addColumn('idx', bigint, (c) => c.primaryKey().check(sql`idx >= 0`))
    .addColumn('leaf_data', bytes, (c) => c.notNull())
    .addColumn('leaf_hash', bytes, (c) => c.notNull())
    .addColumn('nodes', bytes, (c) => c.notNull())
    .execute();
  if (dialect === 'sqlite') {
    await sql`create trigger custody_tail_no_update before update on custody_tail
      begin select raise(abort, 'custody_tail is append-only'); end`.execute(db);
    await sql`create trigger custody_tail_no_delete before delete on custody_tail
      when not exists (select 1 from custody_tiles where tile = old.idx / 256)
      begin select raise(abort, 'custody_tail: a row leaves only once its tile is stored'); end`.execute(db);
  } else {
    // Hashes and leaf data do not compress: store them out of line uncompressed, and read them without inflating.
    for (const [t, c] of [['custody_tiles', 'hashes'], ['custody_tiles', 'entries'], ['custody_tile_nodes', 'nodes']] as const) {
      await sql`alter table ${sql.raw(t)} alter column ${sql.raw(c)} set storage external`.execute(db);
    }
    await sql`create or replace function sallyport_custody_tail_guard() returns trigger language plpgsql as $$
      begin
        if TG_OP = 'DELETE' and exists (select 1 from custody_tiles where tile = old.idx / 256) then return old; end if;
        raise exception 'custody_tail: a row leaves only once its tile is stored' using errcode = 'P0001';
      end $$`.execute(db);
    await sql`create trigger custody_tail_guard before update or delete on custody_tail
      for each row execute function sallyport_custody_tail_guard()`.execute(db);
    await sql`create trigger custody_tail_no_truncate before truncate on custody_tail
      for each statement execute function sallyport_refuse_change()`.execute(db);
  }

  const last = await db.selectFrom('custody_entries').select((eb) => eb.fn.max('idx').as('m')).executeTakeFirst();
  const end = last?.m === null || last?.m === undefined ? 0 : Number(last.m) + 1;
  for (let t0 = 0; t0 * TILE < end; t0 += PAGE_TILES) {
    const rows = (await db.selectFrom('custody_entries').select(['idx', 'leaf_data', 'leaf_hash', 'nodes'])
      .where('idx', '>=', t0 * TILE).where('idx', '<', (t0 + PAGE_TILES) * TILE).orderBy('idx').execute()) as OldRow[];
    const tiles = [];
    const loose: OldRow[] = [];
    for (let t = t0, i = 0; t < t0 + PAGE_TILES; t += 1) {
      const mine: OldRow[] = [];
      for (; i < rows.length && Number(rows[i]!.idx) < (t + 1) * TILE; i += 1) mine.push(rows[i]!);
      const packed = (t + 1) * TILE <= end ? packTile(t, mine) : null;
      if (packed) tiles.push(packed);
      else loose.push(...mine);
    }
    for (let i = 0; i < tiles.length; i += 16) {
      const some = tiles.slice(i, i + 16);
      await db.insertInto('custody_tiles').values(some.map(({ tile, hashes, entries }) => ({ tile, hashes, entries }))).execute();
      await db.insertInto('custody_tile_nodes').values(some.map(({ tile, nodes }) => ({ tile, nodes }))).execute();
    }
    for (let i = 0; i < loose.length; i += 500) {
      await db.insertInto('custody_tail').values(loose.slice(i, i + 500).map((r) => ({ idx: Number(r.idx), leaf_data: r.leaf_data, leaf_hash: r.leaf_hash, nodes: r.nodes }))).execute();
    }
  }
  for (const c of ['leaf_data', 'leaf_hash', 'nodes']) await db.schema.alterTable('custody_entries').dropColumn(c).execute();
}
