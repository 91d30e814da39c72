import { describe, expect, it } from 'vitest';
import { Frontier } from './frontier.js';
import { foldPieces, leafHash, rootOf } from './merkle.js';
import { checkTile, tilePieces } from './tile-check.js';
import { entryData, entrySpan, TileBuilder, TILE_HASH_BYTES, TILE_SIZE, tileSlot } from './tiles.js';

function buildTiles(count: number) {
  const frontier = Frontier.empty();
  const leaves: Buffer[] = [];
  const datas: Buffer[] = [];
  const tiles = [];
  let b = new TileBuilder(0);
  for (let i = 0; i < count * TILE_SIZE; i += 1) {
    const data = Buffer.from(`{"entry":${i},"pad":"${'x'.repeat(i % 37)}"}`);
    const leaf = leafHash(data);
    datas.push(data);
    leaves.push(leaf);
    b.add(data, leaf, frontier.push(leaf));
    if (b.count === TILE_SIZE) {
      tiles.push(b.finish());
      b = new TileBuilder(tiles.length);
    }
  }
  return { tiles, leaves, datas, frontier };
}

describe('tiles: the packed storage of the custody log', () => {
  const { tiles, leaves, datas, frontier } = buildTiles(4);

  it('packs leaf hashes, subtree hashes, entries and the larger subtrees of the last leaf where tiles.ts says', () => {
    const t = tiles[1]!;
    expect(t.hashes.length).toBe(TILE_HASH_BYTES);
    for (let k = 0; k < TILE_SIZE; k += 1) {
      expect(t.hashes.subarray(tileSlot(0, k) * 32, tileSlot(0, k) * 32 + 32)).toEqual(leaves[TILE_SIZE + k]);
      expect(entryData(t.entries, k)).toEqual(datas[TILE_SIZE + k]);
    }
    // Level 3, node 5 of tile 1 covers entries 256 + 40 .. 256 + 47.
    expect(t.hashes.subarray(tileSlot(3, 5) * 32, tileSlot(3, 5) * 32 + 32)).toEqual(rootOf(leaves.slice(TILE_SIZE + 40, TILE_SIZE + 48)));
    // Tile 1's last leaf (511) completes levels 1..9: its nodes hold level 8 (its root) and level 9 (tiles 0 and 1).
    expect(t.nodes).toEqual(Buffer.concat([rootOf(leaves.slice(256, 512)), rootOf(leaves.slice(0, 512))]));
    expect(tiles[3]!.nodes.length).toBe(3 * 32);
    expect(foldPieces(frontier.pieces())).toEqual(rootOf(leaves));
  });

  it('a checked tile recomputes its root and the pieces of any prefix', () => {
    const t = tiles[2]!;
    const r = checkTile(2 * TILE_SIZE, { hashes: t.hashes, entries: t.entries, upper: t.nodes });
    expect(r.bad).toBeNull();
    expect(r.root).toEqual(rootOf(leaves.slice(512, 768)));
    for (const m of [1, 2, 3, 100, 255, 256]) expect(foldPieces(tilePieces(r.computed, r.root, m))).toEqual(rootOf(leaves.slice(512, 512 + m)));
  });

  it('finds the lowest fault: a leaf before the subtree it spoils, an offset table out of order', () => {
    const t = tiles[0]!;
    const hashes = Buffer.from(t.hashes);
    hashes[tileSlot(2, 3) * 32]! ^= 1;
    hashes[tileSlot(0, 20) * 32 + 7]! ^= 1;
    expect(checkTile(0, { hashes, entries: t.entries, upper: t.nodes }).bad).toMatchObject({ index: 15, what: 'node' });
    const entries = Buffer.from(t.entries);
    entries.writeUInt32BE(entries.readUInt32BE(4 * 9) - 1, 4 * 10);
    expect(typeof entrySpan(entries, 9)).toBe('string');
    expect(checkTile(0, { hashes: t.hashes, entries, upper: t.nodes }).bad).toMatchObject({ index: 9, what: 'entry' });
    expect(checkTile(0, { hashes: t.hashes, entries: t.entries, upper: null }).bad).toMatchObject({ index: 255, what: 'node' });
  });

  it('refuses a 257th entry and an unfinished tile', () => {
    const b = new TileBuilder(9);
    expect(() => b.finish()).toThrow(/has 0 entries/);
    for (let k = 0; k < TILE_SIZE; k += 1) b.add(Buffer.from('{}'), leafHash(Buffer.from('{}')), []);
    expect(() => b.add(Buffer.from('{}'), Buffer.alloc(32), [])).toThrow(/full/);
  });
});
