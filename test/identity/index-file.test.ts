import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exactSearch, openGalleryIndex, PACKED_DIM, type Gallery } from '../../src/identity/index.js';
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

  it('is built when missing, loaded when current, rebuilt when the gallery changed; it finds what exact search finds', () => {
    const path = join(dir, 'identity.usearch');
    const g = gallery(2000, 'a');
    const first = openGalleryIndex(g, path);
    expect(first.rebuilt).toBe(true);
    const second = openGalleryIndex(g, path);
    expect(second.rebuilt).toBe(false);
    let agree = 0;
    for (let q = 0; q < 50; q++) {
      const probe = g.vectors.subarray(q * PACKED_DIM, (q + 1) * PACKED_DIM);
      const exact = exactSearch(g.vectors, probe, 10).map((h) => h.index);
      const approx = second.search(probe, 10).map((h) => h.index);
      agree += approx.filter((x) => exact.includes(x)).length;
      expect(approx[0]).toBe(q);
    }
    expect(agree / 500).toBeGreaterThanOrEqual(0.95);
    const grown = gallery(2001, 'a');
    expect(openGalleryIndex(grown, path).rebuilt).toBe(true);
    expect(openGalleryIndex(grown, path).rebuilt).toBe(false);
  });
});
