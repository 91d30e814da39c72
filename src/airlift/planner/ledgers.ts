/**
 * The shared resources a plan books as it grows: landing slots at origins, holding at staging nodes, intake
 * and quotas at destinations. Each check is a little stricter than the checker (a margin of a minute and a
 * half) so that times rounded to the second never break a rule.
 */

/** Hours added around every booking so that rounding to whole seconds never breaks a rule. */
export const MARGIN_H = 1.5 / 60;

/** Intervals `[start, end)` with a count each; answers the most open at once over a window. */
export class IntervalLedger {
  readonly #items: { s: number; e: number; n: number }[] = [];

  /** The most units open at once anywhere in `[s, e)`. */
  peak(s: number, e: number): number {
    const events: [number, number][] = [];
    let open = 0;
    for (const it of this.#items) {
      if (it.e <= s || it.s >= e) continue;
      if (it.s <= s) open += it.n;
      else events.push([it.s, it.n]);
      if (it.e < e) events.push([it.e, -it.n]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let best = open;
    for (const [, d] of events) {
      open += d;
      best = Math.max(best, open);
    }
    return best;
  }

  add(s: number, e: number, n = 1): void {
    this.#items.push({ s, e, n });
  }

  /**
   * Drops the intervals that ended before `before`: no later question can be about them (the scheduler asks
   * about times from the earliest free aircraft on, and that only moves forward). Keeps look-ups short.
   */
  forget(before: number): void {
    let kept = 0;
    for (const it of this.#items) if (it.e >= before) this.#items[kept++] = it;
    this.#items.length = kept;
  }

  /** The earliest start ≥ `t` at which `[start, start + dur)` finds fewer than `limit` open. */
  earliestFit(t: number, dur: number, limit: number): number {
    let start = t;
    for (let guard = 0; guard < 10_000; guard++) {
      const blocking = this.#items.filter((it) => it.s < start + dur + MARGIN_H && it.e + MARGIN_H > start);
      if (this.peak(start - MARGIN_H, start + dur + MARGIN_H) < limit) return start;
      const ends = blocking.map((it) => it.e + MARGIN_H).filter((x) => x > start);
      if (ends.length === 0) return start;
      start = Math.min(...ends) + 1e-6;
    }
    return Infinity;
  }
}

/** The index of the first element of sorted `xs` that is ≥ `x`. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first element of sorted `xs` that is > `x`. */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Arrivals at a destination, for the hourly intake (rule 15), the daily quota (rule 16) and the daily quotas
 * per nationality (extension rule x-1, `perNationality`: nationality → per day).
 */
export class ArrivalLedger {
  /** One entry per detainee, sorted. */
  readonly #times: number[] = [];
  readonly #perDay = new Map<number, number>();
  /** Arrivals per `day\nnationality`, for capped nationalities only. */
  readonly #perNat = new Map<string, number>();

  constructor(
    private readonly perHour: number,
    private readonly perDay: number,
    private readonly perNationality: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** True when this destination caps some nationality (x-1). */
  get capsNationality(): boolean {
    return this.perNationality.size > 0;
  }

  /** True when this destination caps nationality `nat` per day (x-1). */
  caps(nat: string): boolean {
    return this.perNationality.has(nat);
  }

  /** How many more of nationality `nat` may arrive on UTC day `day` (Infinity when uncapped or unknown). */
  natRoom(day: number, nat: string | undefined): number {
    if (nat === undefined) return Infinity;
    const cap = this.perNationality.get(nat);
    return cap === undefined ? Infinity : Math.max(0, cap - (this.#perNat.get(`${day}\n${nat}`) ?? 0));
  }

  /** Books arrivals of these nationalities on `day` (the count, intake and quota are booked by `add`). */
  addNationalities(day: number, nats: readonly (string | undefined)[]): void {
    for (const nat of nats) {
      if (nat === undefined || !this.perNationality.has(nat)) continue;
      const key = `${day}\n${nat}`;
      this.#perNat.set(key, (this.#perNat.get(key) ?? 0) + 1);
    }
  }

  #count(from: number, to: number): number {
    return lowerBound(this.#times, to) - lowerBound(this.#times, from);
  }

  /** How many of `n` arrivals at `t` (on UTC day `day`) fit. */
  room(t: number, day: number, n: number): number {
    let room = Math.min(n, this.perDay - (this.#perDay.get(day) ?? 0), this.perHour - this.#count(t - MARGIN_H, t + 1 + MARGIN_H));
    // Every hour-long window that starts at an earlier arrival and would contain t (each distinct time once:
    // the next index is the first past all arrivals at the same time).
    const times = this.#times;
    for (let i = lowerBound(times, t - 1 - MARGIN_H); i < times.length && times[i]! <= t; i = upperBound(times, times[i]!)) {
      const w = times[i]!;
      room = Math.min(room, this.perHour - this.#count(w - MARGIN_H, w + 1 + MARGIN_H));
    }
    return Math.max(0, room);
  }

  add(t: number, day: number, n: number): void {
    const at = lowerBound(this.#times, t);
    this.#times.splice(at, 0, ...new Array<number>(n).fill(t));
    this.#perDay.set(day, (this.#perDay.get(day) ?? 0) + n);
  }
}

/**
 * Units held at once, counted per minute in a segment tree (range add, range max): `peak` and `add` take
 * O(log n) whatever the number of bookings. An interval counts in every minute it touches, so the peak is
 * never below the exact one (bookings stay valid); times outside the horizon clamp to its ends.
 */
export class MinuteLedger {
  readonly #size: number;
  readonly #max: Float64Array;
  readonly #lazy: Float64Array;

  constructor(
    private readonly t0: number,
    horizonHours: number,
  ) {
    let size = 1;
    while (size < Math.ceil((horizonHours - t0) * 60) + 2) size *= 2;
    this.#size = size;
    this.#max = new Float64Array(2 * size);
    this.#lazy = new Float64Array(2 * size);
  }

  #slot(t: number): number {
    return Math.min(this.#size - 1, Math.max(0, Math.floor((t - this.t0) * 60)));
  }

  // The range of the current update or query, and the amount an update adds.
  #a = 0;
  #b = 0;
  #n = 0;

  #update(node: number, lo: number, hi: number): void {
    if (this.#b < lo || hi < this.#a) return;
    if (this.#a <= lo && hi <= this.#b) {
      this.#max[node]! += this.#n;
      this.#lazy[node]! += this.#n;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.#update(2 * node, lo, mid);
    this.#update(2 * node + 1, mid + 1, hi);
    this.#max[node] = Math.max(this.#max[2 * node]!, this.#max[2 * node + 1]!) + this.#lazy[node]!;
  }

  #query(node: number, lo: number, hi: number): number {
    if (this.#b < lo || hi < this.#a) return -Infinity;
    if (this.#a <= lo && hi <= this.#b) return this.#max[node]!;
    const mid = (lo + hi) >> 1;
    return Math.max(this.#query(2 * node, lo, mid), this.#query(2 * node + 1, mid + 1, hi)) + this.#lazy[node]!;
  }

  /** The most units held at once anywhere in `[s, e)` (minute resolution, rounded outwards). */
  peak(s: number, e: number): number {
    this.#a = this.#slot(s);
    this.#b = this.#slot(Math.max(s, e));
    return Math.max(0, this.#query(1, 0, this.#size - 1));
  }

  add(s: number, e: number, n = 1): void {
    this.#a = this.#slot(s);
    this.#b = this.#slot(Math.max(s, e));
    this.#n = n;
    this.#update(1, 0, this.#size - 1);
  }
}
