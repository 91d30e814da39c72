import type { TAirliftDetainee, TAirliftRules } from '../airlift.schemas.js';

/**
 * Who may sit together on one leg: seats (detainees + guards + a medic's seats), escorts by tier, the high-risk
 * cap, keep-apart groups and the medic that medical cases need (rules 9–13).
 */
export class Manifest {
  readonly people: TAirliftDetainee[] = [];
  #escort = 0;
  #high = 0;
  #medic = false;
  readonly #groups = new Set<string>();

  constructor(
    private readonly seats: number,
    private readonly rules: TAirliftRules,
  ) {}

  get guards(): number {
    return Math.max(0, Math.ceil(this.#escort - 1e-9));
  }

  get medic(): boolean {
    return this.#medic;
  }

  /** True when `d` can join without breaking a rule. */
  fits(d: TAirliftDetainee): boolean {
    if (d.tier === 'HIGH' && this.#high + 1 > this.rules.maxHighRiskPerLeg) return false;
    if (d.keepApart.some((g) => this.#groups.has(g))) return false;
    const guards = Math.max(0, Math.ceil(this.#escort + this.rules.escortPerDetainee[d.tier] - 1e-9));
    const medic = this.#medic || d.medical;
    return this.people.length + 1 + guards + (medic ? this.rules.medicSeats : 0) <= this.seats;
  }

  add(d: TAirliftDetainee): void {
    this.people.push(d);
    this.#escort += this.rules.escortPerDetainee[d.tier];
    if (d.tier === 'HIGH') this.#high++;
    if (d.medical) this.#medic = true;
    for (const g of d.keepApart) this.#groups.add(g);
  }
}

/** The detainees still at one origin, best first; taking one leaves the order of the rest. */
export class SiteQueue {
  readonly #items: TAirliftDetainee[];
  readonly #taken: boolean[];
  readonly #index: Map<string, number>;
  readonly #reserved: Uint8Array;
  reservedCount = 0;
  #head = 0;
  remaining: number;
  weightLeft: number;

  constructor(
    readonly site: string,
    items: TAirliftDetainee[],
    private readonly weight: (d: TAirliftDetainee) => number,
  ) {
    // Heavier (more critical) first; a stable sort keeps the instance's order among equals.
    this.#items = [...items].sort((a, b) => weight(b) - weight(a));
    this.#taken = this.#items.map(() => false);
    this.#index = new Map(this.#items.map((d, i) => [d.id, i]));
    this.#reserved = new Uint8Array(this.#items.length);
    this.remaining = items.length;
    this.weightLeft = items.reduce((s, d) => s + weight(d), 0);
  }

  /** Keeps `ids` out of ordinary loads (they are promised to a sortie being replayed) until released. */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i !== undefined && !this.#taken[i] && !this.#reserved[i]) {
        this.#reserved[i] = 1;
        this.reservedCount++;
      }
    }
  }

  release(ids: Iterable<string>): void {
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i !== undefined && this.#reserved[i]) {
        this.#reserved[i] = 0;
        this.reservedCount--;
      }
    }
  }

  /** True when `id` is still here (not taken). */
  has(id: string): boolean {
    const i = this.#index.get(id);
    return i !== undefined && !this.#taken[i];
  }

  /** Detainees free for an ordinary load: neither taken nor reserved. */
  get open(): number {
    return this.remaining - this.reservedCount;
  }

  /** A load of exactly these detainees (those still here, in this order, that fit together). */
  pickIds(ids: readonly string[], seats: number, rules: TAirliftRules): Manifest {
    const m = new Manifest(seats, rules);
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i === undefined || this.#taken[i]) continue;
      const d = this.#items[i]!;
      if (m.fits(d)) m.add(d);
    }
    return m;
  }

  /** The weight of the next `k` detainees, for scoring a trip. */
  topWeight(k: number): number {
    let sum = 0;
    let seen = 0;
    for (let i = this.#head; i < this.#items.length && seen < k; i++) {
      if (this.#taken[i] || this.#reserved[i]) continue;
      sum += this.weight(this.#items[i]!);
      seen++;
    }
    return sum;
  }

  /** A load for a leg with `seats` seats: the best detainees that fit together, looking at most `scan` deep. */
  pick(seats: number, rules: TAirliftRules, scan = 400): Manifest {
    const m = new Manifest(seats, rules);
    let looked = 0;
    for (let i = this.#head; i < this.#items.length && looked < scan; i++) {
      if (this.#taken[i] || this.#reserved[i]) continue;
      looked++;
      const d = this.#items[i]!;
      if (m.fits(d)) m.add(d);
    }
    return m;
  }

  take(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i === undefined || this.#taken[i]) continue;
      if (this.#reserved[i]) {
        this.#reserved[i] = 0;
        this.reservedCount--;
      }
      this.#taken[i] = true;
      this.remaining--;
      this.weightLeft -= this.weight(this.#items[i]!);
    }
    while (this.#head < this.#items.length && this.#taken[this.#head]) this.#head++;
  }

  /** Everyone not yet taken. */
  left(): TAirliftDetainee[] {
    return this.#items.filter((_, i) => !this.#taken[i]);
  }
}
