import BetterSqlite3 from 'better-sqlite3';
import { Frontier, leafHash, LOG_ORIGIN, signCheckpoint, TileBuilder, TILE_SIZE, type Signer } from '../src/custody/index.js';

/**
 * Builds a custody log of any size straight into an SQLite file that the migrations created, with bare
 * prepared statements: the same rows the log writes (lookup rows, full tiles packed by the same TileBuilder, the
 * unfinished last tile as tail rows, a head and signed checkpoints), computed by the same Frontier, without
 * making (and signing) millions of events first.
 */
export interface DirectBuild {
  size: number;
  /** The leaf data of entry `i`. */
  leafOf: (i: number) => Buffer;
  /** A signed checkpoint every this many entries (and at the end). */
  checkpointEvery: number;
  logSigner: Signer;
  /** The detainee every entry names (a row the store already holds). */
  detaineeId: string;
  onProgress?: (done: number) => void;
}

const TX_ROWS = 50_000;

export function buildLogDirect(dbPath: string, b: DirectBuild): { root: Buffer; ms: number } {
  const t = performance.now();
  const db = new BetterSqlite3(dbPath);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const entry = db.prepare(`insert into custody_entries (idx, event_id, type, detainee_id, time, created_at)
    values (?, ?, 'medical-event', ?, '2026-01-10T08:00:00.000Z', '2026-01-10T08:00:00.000Z')`);
  const tile = db.prepare('insert into custody_tiles (tile, hashes, entries) values (?, ?, ?)');
  const tileNodes = db.prepare('insert into custody_tile_nodes (tile, nodes) values (?, ?)');
  const tail = db.prepare('insert into custody_tail (idx, leaf_data, leaf_hash, nodes) values (?, ?, ?, ?)');
  const packFrom = Math.floor(b.size / TILE_SIZE) * TILE_SIZE;
  let builder = new TileBuilder(0);
  const checkpoint = db.prepare(`insert into custody_checkpoints (size, root, key_name, note, created_at) values (?, ?, ?, ?, '2026-01-10T08:00:00.000Z')`);
  const frontier = Frontier.empty();
  const sign = (size: number) => {
    const root = frontier.root();
    checkpoint.run(size, root, b.logSigner.name, signCheckpoint({ origin: LOG_ORIGIN, size, root, time: '2026-01-10T08:00:00.000Z' }, b.logSigner));
  };
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 1) {
      const data = b.leafOf(i);
      const leaf = leafHash(data);
      const completed = frontier.push(leaf);
      entry.run(i, `e${i}`, b.detaineeId);
      if (i < packFrom) {
        builder.add(data, leaf, completed);
        if (builder.count === TILE_SIZE) {
          const t = builder.finish();
          tile.run(t.tile, t.hashes, t.entries);
          tileNodes.run(t.tile, t.nodes);
          builder = new TileBuilder(t.tile + 1);
        }
      } else {
        tail.run(i, data, leaf, Buffer.concat(completed));
      }
      if ((i + 1) % b.checkpointEvery === 0) sign(i + 1);
    }
  });
  for (let from = 0; from < b.size; from += TX_ROWS) {
    chunk(from, Math.min(b.size, from + TX_ROWS));
    b.onProgress?.(Math.min(b.size, from + TX_ROWS));
  }
  if (b.size % b.checkpointEvery !== 0) sign(b.size);
  const root = frontier.root();
  db.prepare(`update custody_head set size = ?, root = ?, updated_at = '2026-01-10T08:00:00.000Z' where id = 1`).run(b.size, root);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { root, ms: performance.now() - t };
}
