import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exactSearch, exactSearchNative, openGalleryIndex, PACKED_DIM, type Gallery } from '../../src/identity/index.js';
import { Prng } from '../../src/scenario/index.js';

function gallery(n: number, seed: string): Gallery {
  const rng = new Prng(seed);
  const vectors = new Float32Array(n * PACKED_DIM);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < PACKED_DIM; j++) s += (vectors[i * PACKED_DIM + j] = rng.normal()) ** 2;
    for (let j = 0; j < PACKED_DIM; j++) vectors[i * PACKED_DIM + j]! /= Math.sqrt(s);
  }
  const ids = Array.from({ length: n }, (_, i) => `E${String(i).padStart(6, '0')}`);
  return { ids, detaineeIds: ids, markingIds: ids.map(() => 1), vectors, packed: [], qualities: [], records: [] };
}

describe('the HNSW index file beside the store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-index-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is built when missing, loaded when current, caught up when the gallery grew, rebuilt when it holds a stranger; it finds what exact search finds', () => {
    const path = join(dir, 'identity.usearch');
    const g = gallery(2000, 'a');
    const first = openGalleryIndex(g, path);
    expect(first.rebuilt).toBe(true);
    const second = openGalleryIndex(g, path);
    expect([second.rebuilt, second.caughtUp]).toEqual([false, 0]);
    let agree = 0;
    for (let q = 0; q < 50; q++) {
      const probe = g.vectors.subarray(q * PACKED_DIM, (q + 1) * PACKED_DIM);
      const exact = exactSearch(g.vectors, probe, 10).map((h) => h.index);
      const approx = second.search(probe, 10).map((h) => h.index);
      agree += approx.filter((x) => exact.includes(x)).length;
      expect(approx[0]).toBe(q);
      expect(second.searchIds(probe, 1)[0]?.id).toBe(g.ids[q]);
    }
    expect(agree / 500).toBeGreaterThanOrEqual(0.95);
    // Two more enrollments: added to the file, not rebuilt; then current again.
    const grown = gallery(2002, 'a');
    const third = openGalleryIndex(grown, path);
    expect([third.rebuilt, third.caughtUp]).toEqual([false, 2]);
    expect(third.search(grown.vectors.subarray(2001 * PACKED_DIM, 2002 * PACKED_DIM), 1)[0]?.index).toBe(2001);
    expect([openGalleryIndex(grown, path).rebuilt, openGalleryIndex(grown, path).caughtUp]).toEqual([false, 0]);
    // A gallery without some enrollment the file holds (another store): rebuilt from the gallery.
    expect(openGalleryIndex(gallery(1999, 'a'), path).rebuilt).toBe(true);
  });

  it('adds enrollments one at a time and finds them at once; the native exact scan agrees with the reference loop', () => {
    const g = gallery(500, 'b');
    const index = openGalleryIndex({ ...g, ids: g.ids.slice(0, 400), vectors: g.vectors.slice(0, 400 * PACKED_DIM) }, null);
    for (let i = 400; i < 500; i++) expect(index.add([g.ids[i]!], g.vectors.subarray(i * PACKED_DIM, (i + 1) * PACKED_DIM))).toBe(1);
    expect(index.add([g.ids[450]!], g.vectors.subarray(450 * PACKED_DIM, 451 * PACKED_DIM))).toBe(0);
    expect(index.ids).toHaveLength(500);
    for (const q of [0, 399, 400, 499]) {
      const probe = g.vectors.subarray(q * PACKED_DIM, (q + 1) * PACKED_DIM);
      expect(index.searchIds(probe, 3)[0]).toMatchObject({ id: g.ids[q] });
      expect(index.search(probe, 3, g)[0]?.index).toBe(q);
      const ref = exactSearch(g.vectors, probe, 10, q);
      const nat = exactSearchNative(g.vectors, probe, 10, q);
      expect(nat.map((h) => h.index)).toEqual(ref.map((h) => h.index));
      nat.forEach((h, i) => expect(h.similarity).toBeCloseTo(ref[i]!.similarity, 5));
    }
  });
});
