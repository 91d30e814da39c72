/**
 * Tables of migration 0012_custody: the custody log's entries packed 256 to a tile (see src/custody/tiles.ts for
 * the layout). `custody_entries` keeps one small row per entry (its index, event, type, detainee, time) for
 * lookups; the leaf data and the Merkle hashes live here.
 */
export interface CustodyLogTables {
  /** A full tile of 256 entries. Append-only. */
  custody_tiles: {
    /** Entry index / 256. */
    tile: number;
    /** 510 hashes: the 256 leaf hashes, then the tile's subtree hashes of levels 1 to 7. */
    hashes: Buffer;
    /** 257 big-endian u32 offsets, then each entry's 0x00 ‖ leaf data. */
    entries: Buffer;
  };
  /** The subtree hashes of level ≥ 8 that a tile's last leaf completes (level 8, the tile's root, first). Append-only. */
  custody_tile_nodes: {
    tile: number;
    nodes: Buffer;
  };
  /** An entry of the unfinished last tile; deleted only once its tile is stored. */
  custody_tail: {
    idx: number;
    leaf_data: Buffer;
    leaf_hash: Buffer;
    /** Hashes (32 bytes each, level 1 up) of the perfect subtrees whose last leaf this entry is. */
    nodes: Buffer;
  };
}
