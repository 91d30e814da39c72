import { describe, expect, it } from 'vitest';
import { DomainError } from '../kernel/index.js';
import { biometricSimilarity, checkTemplate, fromBlob, MODALITIES, PACKED_DIM, packTemplates, searchVector, toBlob, unpackTemplates } from './templates.js';
import { exactSearch } from './gallery.js';

function reason(f: () => void): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return `${e.details.field}: ${e.details.reason}`;
    throw e;
  }
  return undefined;
}

describe('templates', () => {
  it('checks length, finite values, zero vectors and quality', () => {
    expect(PACKED_DIM).toBe(128);
    expect(reason(() => checkTemplate('t', { modality: 'iris', quality: 50, vector: new Array<number>(15).fill(1) }))).toBe('t.vector: a iris template has 16 values, not 15');
    expect(reason(() => checkTemplate('t', { modality: 'iris', quality: 50, vector: [...new Array<number>(15).fill(1), Infinity] }))).toBe('t.vector: value 15 is Infinity, not a finite number');
    expect(reason(() => checkTemplate('t', { modality: 'iris', quality: 50, vector: new Array<number>(16).fill(0) }))).toBe('t.vector: an all-zero template carries no biometric information');
    expect(reason(() => checkTemplate('t', { modality: 'iris', quality: 101, vector: new Array<number>(16).fill(1) }))).toBe('t.quality: quality must be a number from 0 to 100');
  });

  it('packs, stores and unpacks; the search vector\'s inner product is the mean cosine', () => {
    const a = [{ modality: 'face' as const, quality: 80, vector: Float32Array.from({ length: 32 }, (_, i) => i + 1) }, { modality: 'iris' as const, quality: 70, vector: Float32Array.from({ length: 16 }, (_, i) => (i % 2 ? 1 : -1)) }];
    const packed = fromBlob(toBlob(packTemplates(a)));
    const q = MODALITIES.map((m) => (m === 'face' ? 80 : m === 'iris' ? 70 : null));
    expect(unpackTemplates(packed, q).map((t) => [t.modality, t.quality, t.vector.length])).toEqual([['face', 80, 32], ['iris', 70, 16]]);
    expect(biometricSimilarity(packed, q, packed, q)).toBeCloseTo(1, 6);
    const s = searchVector(packed, 2);
    let dot = 0;
    for (let i = 0; i < s.length; i++) dot += (s[i] ?? 0) ** 2;
    expect(dot).toBeCloseTo(1, 6);
  });

  it('exact search returns the k best rows in order, skipping the probe', () => {
    const rows = new Float32Array([1, 0, 0.8, 0.6, 0, 1, 0.6, 0.8]);
    expect(exactSearch(rows, Float32Array.from([1, 0]), 2, 0).map((h) => h.index)).toEqual([1, 3]);
    expect(exactSearch(rows, Float32Array.from([0, 1]), 10).map((h) => h.index)).toEqual([2, 3, 1, 0]);
  });
});
