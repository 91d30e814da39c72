import { HASH_SIZE } from './merkle.js';

/**
 * How the custody log is stored (not a format anyone else reads: ../shared/formats/custody.md fixes only the
 * hashing, checkpoints and proofs). Entries are packed 256 to a tile, as in C2SP tlog-tiles and Tessera, once
 * their tile is full:
 *
 * - `custody_tiles.hashes`: the tile's 510 hashes below its root, level by level: the 256 leaf hashes, then the
 *   128 level-1 subtree hashes, …, the 2 level-7 ones (node (l, j) of the tile at hash slot 512 − 512/2^l + j).
 * - `custody_tiles.entries`: 257 big-endian u32 offsets into the blob itself, then each entry's `0x00 ‖ leaf
 *   data` (entry k is bytes [offset k, offset k+1)); the leaf prefix is stored so that a leaf hashes straight
 *   from the blob, without a copy.
 * - `custody_tile_nodes.nodes`: the hashes of the subtrees of level ≥ 8 that the tile's last leaf completes,
 *   level 8 (the tile's root) first.
 *
 * The entries of the unfinished last tile are rows of `custody_tail` (leaf data, leaf hash, the subtree hashes
 * the leaf completes), packed and deleted in the transaction whose append fills the tile. So a full verification
 * reads a few large blobs, and a proof reads one tile's hashes and a few small rows.
 */

/** log2 of the entries per tile. */
export const TILE_LEVEL = 8;
/** Entries per tile. */
export const TILE_SIZE = 256;
/** Hashes in a tile's `hashes` blob: levels 0..7. */
export const TILE_HASHES = 2 * TILE_SIZE - 2;
/** Bytes of a tile's `hashes` blob. */
export const TILE_HASH_BYTES = TILE_HASHES * HASH_SIZE;
/** Bytes of a tile's entry offset table. */
export const TILE_HEADER_BYTES = (TILE_SIZE + 1) * 4;

/** The hash slot of node (level, j) inside a tile (level 0..7, j counted from the tile's start). */
export function tileSlot(level: number, j: number): number {
  return 2 * TILE_SIZE - (2 * TILE_SIZE) / 2 ** level + j;
}

/** A full tile ready to store. */
export interface PackedTile {
  tile: number;
  hashes: Buffer;
  entries: Buffer;
  /** Level 8 up: the subtree hashes the tile's last leaf completes. */
  nodes: Buffer;
}

/**
 * Builds one tile from its 256 entries in order, each with its leaf hash and the subtree hashes its leaf
 * completes (level 1 first, as `Frontier.push` returns them).
 */
export class TileBuilder {
  readonly tile: number;
  readonly #datas: Uint8Array[] = [];
  readonly #hashes = Buffer.alloc(TILE_HASH_BYTES);
  #nodes: Buffer = Buffer.alloc(0);
  #bytes = 0;

  constructor(tile: number) {
    this.tile = tile;
  }

  get count(): number {
    return this.#datas.length;
  }

  /** Adds the next entry. @throws Error when the tile is full or a hash has the wrong size. */
  add(data: Uint8Array, leaf: Uint8Array, completed: readonly Uint8Array[]): void {
    const k = this.#datas.length;
    if (k >= TILE_SIZE) throw new Error(`tile ${this.tile} is full`);
    if (leaf.length !== HASH_SIZE) throw new Error(`tile ${this.tile}: leaf hash of entry ${k} has ${leaf.length} bytes`);
    this.#hashes.set(leaf, tileSlot(0, k) * HASH_SIZE);
    for (let l = 1; l <= completed.length; l += 1) {
      const h = completed[l - 1]!;
      if (h.length !== HASH_SIZE) throw new Error(`tile ${this.tile}: subtree hash of entry ${k} has ${h.length} bytes`);
      if (l < TILE_LEVEL) this.#hashes.set(h, tileSlot(l, (k + 1) / 2 ** l - 1) * HASH_SIZE);
    }
    if (k === TILE_SIZE - 1) this.#nodes = Buffer.concat(completed.slice(TILE_LEVEL - 1));
    this.#datas.push(data);
    this.#bytes += data.length + 1;
  }

  /** The packed tile. @throws Error before all 256 entries are in. */
  finish(): PackedTile {
    if (this.#datas.length !== TILE_SIZE) throw new Error(`tile ${this.tile} has ${this.#datas.length} entries, not ${TILE_SIZE}`);
    return { tile: this.tile, hashes: this.#hashes, entries: packEntries(this.#datas, this.#bytes), nodes: this.#nodes };
  }
}

function packEntries(datas: readonly Uint8Array[], bytes: number): Buffer {
  const out = Buffer.allocUnsafe(TILE_HEADER_BYTES + bytes);
  let at = TILE_HEADER_BYTES;
  for (let k = 0; k < datas.length; k += 1) {
    out.writeUInt32BE(at, 4 * k);
    out[at] = 0x00;
    out.set(datas[k]!, at + 1);
    at += datas[k]!.length + 1;
  }
  out.writeUInt32BE(at, 4 * datas.length);
  return out;
}

/**
 * Where entry k's `0x00 ‖ leaf data` lies in a tile's `entries` blob, or why it cannot be found (a damaged
 * offset table: out of order, out of bounds, or without the leaf prefix).
 */
export function entrySpan(entries: Buffer, k: number): [start: number, end: number] | string {
  if (entries.length < TILE_HEADER_BYTES) return `the tile's entries blob has ${entries.length} bytes, shorter than its offset table`;
  const start = entries.readUInt32BE(4 * k);
  const end = entries.readUInt32BE(4 * (k + 1));
  if (start < TILE_HEADER_BYTES || end <= start || end > entries.length) return `the tile's offsets place entry ${k} at bytes ${start}..${end} of ${entries.length}`;
  if (entries[start] !== 0x00) return `entry ${k} in the tile lacks its 0x00 leaf prefix`;
  return [start, end];
}

/** Entry k's leaf data in a tile's `entries` blob (a view, without the 0x00 prefix). @throws Error when damaged. */
export function entryData(entries: Buffer, k: number): Buffer {
  const span = entrySpan(entries, k);
  if (typeof span === 'string') throw new Error(span);
  return entries.subarray(span[0] + 1, span[1]);
}
