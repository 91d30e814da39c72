/**
 * A seeded pseudo-random number generator for the scenario: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, 128-bit state, passes PractRand to 2^40+ bytes), seeded from a string by cyrb128. The same seed
 * gives the same sequence on every platform, because every step is 32-bit integer arithmetic.
 */

/** The four 32-bit words of a 128-bit hash of `text` (cyrb128). */
export function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A sampler over fixed weights, built once and drawn from in O(log n). */
export interface WeightedPicker<T> {
  /** Draws one item with probability proportional to its weight. */
  draw(rng: Prng): T;
}

/** A seeded generator with the helpers the scenario needs. Never consults Math.random or the clock. */
export class Prng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;
  readonly #seed: string;

  /** A generator seeded from `seed` (any string; numbers are stringified). */
  constructor(seed: string | number) {
    this.#seed = String(seed);
    [this.#a, this.#b, this.#c, this.#d] = hash128(this.#seed);
    // Discard the first outputs: sfc32's early words still echo the seed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** An independent generator for a named sub-stream: `fork('households/HOL/17')`. Same seed, same fork. */
  fork(label: string | number): Prng {
    return new Prng(`${this.#seed}\u0000${label}`);
  }

  /** The next 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.#a + this.#b) | 0) + this.#d) | 0;
    this.#d = (this.#d + 1) | 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) | 0;
    this.#c = (this.#c << 21) | (this.#c >>> 11);
    this.#c = (this.#c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** The generator as a `() => number` in [0, 1), for APIs that take one (ULID factories). */
  readonly random = (): number => this.next();

  /** An integer in [min, max], both inclusive. @throws RangeError when max < min. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int: max ${max} < min ${min}`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element. @throws RangeError on an empty list. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One item drawn with probability proportional to its weight (one-off; use `weightedPicker` in loops). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    return weightedPicker(items, weights).draw(this);
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]: log(0) never happens
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A normal draw rounded and clamped into [min, max]. */
  normalInt(mean: number, sd: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, Math.round(this.normal(mean, sd))));
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }
}

/**
 * A reusable weighted sampler (cumulative table, binary search).
 * @throws RangeError when the lists differ in length, a weight is negative, or all weights are zero.
 */
export function weightedPicker<T>(items: readonly T[], weights: readonly number[]): WeightedPicker<T> {
  if (items.length !== weights.length) throw new RangeError('weightedPicker: items and weights differ in length');
  const cum: number[] = [];
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0)) throw new RangeError(`weightedPicker: bad weight ${w}`);
    total += w;
    cum.push(total);
  }
  if (total <= 0) throw new RangeError('weightedPicker: all weights are zero');
  return {
    draw(rng: Prng): T {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cum[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return items[lo] as T;
    },
  };
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder, ties to the lower index),
 * so the parts always sum to `total` exactly.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}

/**
 * An urn of labelled counts drawn without replacement: each draw takes one ball with probability proportional
 * to what is left, so the totals come out exactly as apportioned however the stream is cut.
 */
export class Urn<T> {
  readonly #items: readonly T[];
  readonly #left: number[];
  #total: number;

  /** An urn holding `counts[i]` balls labelled `items[i]`. */
  constructor(items: readonly T[], counts: readonly number[]) {
    this.#items = items;
    this.#left = [...counts];
    this.#total = counts.reduce((s, c) => s + c, 0);
  }

  /** Balls still in the urn. */
  get size(): number {
    return this.#total;
  }

  /** Balls labelled `items[i]` still in the urn. */
  left(i: number): number {
    return this.#left[i] ?? 0;
  }

  /** Draws one ball. @throws RangeError when the urn is empty. */
  draw(rng: Prng): T {
    return this.#items[this.drawIndex(rng)] as T;
  }

  /** Draws one ball and returns its label's index. @throws RangeError when the urn is empty. */
  drawIndex(rng: Prng): number {
    if (this.#total <= 0) throw new RangeError('draw from an empty urn');
    let x = Math.floor(rng.next() * this.#total);
    for (let i = 0; i < this.#left.length; i++) {
      const c = this.#left[i] as number;
      if (x < c) return this.take(i);
      x -= c;
    }
    throw new RangeError('urn counts are inconsistent');
  }

  /** Takes one ball labelled `items[i]`; returns i. @throws RangeError when none is left. */
  take(i: number): number {
    const c = this.#left[i] ?? 0;
    if (c <= 0) throw new RangeError(`no ball ${i} left in the urn`);
    this.#left[i] = c - 1;
    this.#total--;
    return i;
  }
}
