import type { Db } from '../store/index.js';
import type { MatchRecord } from './fuse.js';
import { namesOf, qualitiesOf } from './present.js';
import { PACKED_DIM, biometricSimilarity, fromBlob, searchVector } from './templates.js';

/**
 * The gallery in memory: every enrollment's search vector in one Float32Array (row i at i × PACKED_DIM), its
 * packed templates and qualities for 1:1 comparison, and its descriptive data as a match record. Matching runs
 * over the whole gallery (a duplicate hidden from one analyst is still a duplicate); what a caller sees of the
 * results is filtered by their scope when the queue is read.
 */
export interface Gallery {
  ids: string[];
  detaineeIds: string[];
  markingIds: number[];
  vectors: Float32Array;
  packed: Float32Array[];
  qualities: (number | null)[][];
  records: MatchRecord[];
}

/** A gallery built from rows (the store's, or a probe's). */
export function galleryOf(rows: readonly { id: string; detainee_id: string; marking_id: number; templates: Uint8Array; qualities: string; name_ar: string | null; name_latin: string | null; aliases: string; birth_date: string | null; birth_year: number | null; birth_place: string | null; nationality: string | null }[]): Gallery {
  const g: Gallery = { ids: [], detaineeIds: [], markingIds: [], vectors: new Float32Array(rows.length * PACKED_DIM), packed: [], qualities: [], records: [] };
  rows.forEach((r, i) => {
    const packed = fromBlob(r.templates);
    const q = qualitiesOf(r);
    g.ids.push(r.id);
    g.detaineeIds.push(r.detainee_id);
    g.markingIds.push(r.marking_id);
    g.packed.push(packed);
    g.qualities.push(q);
    g.vectors.set(searchVector(packed, q.filter((x) => x !== null).length), i * PACKED_DIM);
    g.records.push({ names: namesOf(r), birthDate: r.birth_date, birthYear: r.birth_year, birthPlace: r.birth_place, nationality: r.nationality });
  });
  return g;
}

const GALLERY_COLUMNS = ['id', 'detainee_id', 'marking_id', 'templates', 'qualities', 'name_ar', 'name_latin', 'aliases', 'birth_date', 'birth_year', 'birth_place', 'nationality'] as const;

/** The whole gallery from the store, in id order. */
export async function loadGallery(db: Db): Promise<Gallery> {
  const rows = await db.selectFrom('identity_enrollments').select([...GALLERY_COLUMNS]).orderBy('id').execute();
  return galleryOf(rows);
}

/** Some enrollments as a small gallery (the hits of an index search), in id order. */
export async function loadGalleryRows(db: Db, ids: readonly string[]): Promise<Gallery> {
  const rows: Parameters<typeof galleryOf>[0][number][] = [];
  const list = [...new Set(ids)];
  for (let i = 0; i < list.length; i += 500) {
    rows.push(...(await db.selectFrom('identity_enrollments').select([...GALLERY_COLUMNS]).where('id', 'in', list.slice(i, i + 500)).execute()));
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return galleryOf(rows);
}

/** Every enrollment id of the store. */
export async function galleryIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('identity_enrollments').select('id').execute()).map((r) => r.id);
}

/** How many enrollments the store holds (all of them: the index covers the whole gallery). */
export async function galleryCount(db: Db): Promise<number> {
  const r = await db.selectFrom('identity_enrollments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** A hit of a 1:N search: the gallery row and its inner product with the probe (a mean cosine). */
export interface Hit {
  index: number;
  similarity: number;
}

/**
 * Exact 1:N search: the inner product of the probe with every gallery row, keeping the best `k` — the
 * reference the index is measured against. One pass over the gallery's bytes.
 * @example exactSearch(g.vectors, probe, 10) // rows are probe.length wide
 */
export function exactSearch(vectors: Float32Array, probe: Float32Array, k: number, skip = -1): Hit[] {
  const dim = probe.length;
  const n = Math.floor(vectors.length / dim);
  const topS = new Float32Array(k).fill(-Infinity);
  const topI = new Int32Array(k).fill(-1);
  let worst = -Infinity;
  for (let i = 0; i < n; i++) {
    if (i === skip) continue;
    const base = i * dim;
    // Four independent sums, so the additions do not wait on each other.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let j = 0;
    for (; j + 3 < dim; j += 4) {
      s0 += (vectors[base + j] as number) * (probe[j] as number);
      s1 += (vectors[base + j + 1] as number) * (probe[j + 1] as number);
      s2 += (vectors[base + j + 2] as number) * (probe[j + 2] as number);
      s3 += (vectors[base + j + 3] as number) * (probe[j + 3] as number);
    }
    for (; j < dim; j++) s0 += (vectors[base + j] as number) * (probe[j] as number);
    const s = s0 + s1 + s2 + s3;
    if (s <= worst) continue;
    let at = k - 1;
    while (at > 0 && (topS[at - 1] as number) < s) {
      topS[at] = topS[at - 1] as number;
      topI[at] = topI[at - 1] as number;
      at--;
    }
    topS[at] = s;
    topI[at] = i;
    worst = topS[k - 1] as number;
  }
  const out: Hit[] = [];
  for (let i = 0; i < k; i++) if ((topI[i] as number) >= 0) out.push({ index: topI[i] as number, similarity: topS[i] as number });
  return out;
}

/** The 1:1 biometric similarity of two gallery rows (mean cosine over shared modalities). */
export function pairBiometric(g: Gallery, a: number, b: number): number | null {
  const qa = g.qualities[a] ?? [];
  const qb = g.qualities[b] ?? [];
  if (!qa.some((q, i) => q !== null && qb[i] !== null)) return null;
  return biometricSimilarity(g.packed[a] as Float32Array, qa, g.packed[b] as Float32Array, qb);
}
