/**
 * Synthetic galleries for the identity benchmarks, at any template width.
 *
 * `captureGallery` makes templates the way the scenario does (src/scenario/identity.ts): each person has one
 * clean vector per modality; each encounter adds Gaussian capture noise whose σ grows as quality falls
 * (quality ~ N(72, 12) clamped to the modality's floor and 100; σ = 0.3 + 0.9 × (100 − quality)/100; about 1 %
 * poor captures at σ 1.8; about 1 % of fingers missing); each modality is unit-normalised and the whole
 * vector scaled by 1/√(modalities present), as `searchVector` does. People are clustered by nothing (their
 * clean vectors are independent), and each has 1–4 encounters in the gallery (40 / 30 / 20 / 10 %). A query
 * is one more capture of a gallery person, never itself in the gallery.
 *
 * `uniformGallery` is the hard case: unit vectors drawn uniformly on the sphere, with no structure at all.
 */

/** xorshift32 with a Box–Muller normal; fast enough for tens of millions of draws. */
export class FastRng {
  #s: number;
  #spare: number | null = null;
  constructor(seed: number) {
    this.#s = seed >>> 0 || 1;
  }
  uniform(): number {
    let s = this.#s;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.#s = s >>> 0;
    return (this.#s + 0.5) / 4294967296;
  }
  normal(): number {
    if (this.#spare !== null) {
      const x = this.#spare;
      this.#spare = null;
      return x;
    }
    const u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.#spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** The modality layout of a search vector `dim` wide: ten fingers, face, iris in the product's proportions (80 : 32 : 16). */
export function layoutOf(dim: number): number[] {
  if (dim % 128 !== 0) throw new Error(`template width ${dim} is not a multiple of 128`);
  const u = dim / 128;
  return [...Array.from({ length: 10 }, () => 8 * u), 32 * u, 16 * u];
}

const FINGERS = 10;

/** A gallery of captures and a way to take another capture of any gallery person. */
export interface CaptureGallery {
  dim: number;
  vectors: Float32Array;
  /** The person of each gallery row. */
  personOf: Int32Array;
  persons: number;
  /** Another capture of `person` (a probe), as a search vector. */
  capture(person: number, rng: FastRng): Float32Array;
}

function cleanOf(seed: number, person: number, dim: number): Float32Array {
  const rng = new FastRng((seed * 2654435761) ^ (person * 40503 + 12345));
  const v = new Float32Array(dim);
  for (let i = 0; i < dim; i++) v[i] = rng.normal();
  return v;
}

function captureInto(into: { out: Float32Array; at: number }, clean: Float32Array, layout: readonly number[], rng: FastRng): void {
  const { out, at } = into;
  const poor = rng.uniform() < 0.01;
  let off = 0;
  let present = 0;
  const blocks: [number, number][] = [];
  layout.forEach((len, m) => {
    const start = off;
    off += len;
    if (m < FINGERS && rng.uniform() < 0.01) {
      for (let i = 0; i < len; i++) out[at + start + i] = 0;
      return;
    }
    const floor = m < FINGERS ? 30 : 40;
    const quality = Math.round(Math.min(100, Math.max(floor, 72 + 12 * rng.normal())));
    const sigma = (poor ? 1.8 : 0.3) + ((100 - quality) / 100) * 0.9;
    let n = 0;
    for (let i = 0; i < len; i++) {
      const x = (clean[start + i] as number) + sigma * rng.normal();
      out[at + start + i] = x;
      n += x * x;
    }
    const inv = 1 / Math.sqrt(n);
    for (let i = 0; i < len; i++) out[at + start + i]! *= inv;
    present++;
    blocks.push([start, len]);
  });
  const s = 1 / Math.sqrt(present);
  for (const [start, len] of blocks) for (let i = 0; i < len; i++) out[at + start + i]! *= s;
}

/** `n` captures of about n / 2 people, `dim` wide (a multiple of 128). */
export function captureGallery(n: number, dim: number, seed: number): CaptureGallery {
  const layout = layoutOf(dim);
  const rng = new FastRng(seed);
  const vectors = new Float32Array(n * dim);
  const personOf = new Int32Array(n);
  let row = 0;
  let person = 0;
  while (row < n) {
    const u = rng.uniform();
    const encounters = Math.min(n - row, u < 0.4 ? 1 : u < 0.7 ? 2 : u < 0.9 ? 3 : 4);
    const clean = cleanOf(seed, person, dim);
    for (let e = 0; e < encounters; e++) {
      captureInto({ out: vectors, at: row * dim }, clean, layout, rng);
      personOf[row++] = person;
    }
    person++;
  }
  return {
    dim, vectors, personOf, persons: person,
    capture(p, r) {
      const out = new Float32Array(dim);
      captureInto({ out, at: 0 }, cleanOf(seed, p, dim), layout, r);
      return out;
    },
  };
}

/** `n` unit vectors uniform on the sphere in `dim` dimensions. */
export function uniformGallery(n: number, dim: number, seed: number): Float32Array {
  const rng = new FastRng(seed);
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < dim; j++) {
      const x = rng.normal();
      v[i * dim + j] = x;
      norm += x * x;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < dim; j++) v[i * dim + j]! *= inv;
  }
  return v;
}
