import type { TAirliftDetainee, TAirliftRules, TTier } from '../airlift.schemas.js';

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

  /** True when no detainee of `d`'s tier can join any more, whoever it is (seats or the high-risk cap). */
  full(d: TAirliftDetainee): boolean {
    if (d.tier === 'HIGH' && this.#high + 1 > this.rules.maxHighRiskPerLeg) return true;
    const guards = Math.max(0, Math.ceil(this.#escort + this.rules.escortPerDetainee[d.tier] - 1e-9));
    return this.people.length + 1 + guards + (this.#medic ? this.rules.medicSeats : 0) > this.seats;
  }

  add(d: TAirliftDetainee): void {
    this.people.push(d);
    this.#escort += this.rules.escortPerDetainee[d.tier];
    if (d.tier === 'HIGH') this.#high++;
    if (d.medical) this.#medic = true;
    for (const g of d.keepApart) this.#groups.add(g);
  }
}

/**
 * The detainees still at one origin, in one queue per tier (instance order within a tier). Loads take the tiers
 * in order of loss weight per seat (a detainee and its escort share), the high-risk tier up to its cap, and fill
 * the seats left with the next tier: a load is never cut short by the high-risk cap.
 */
export class SiteQueue {
  readonly #items: TAirliftDetainee[];
  readonly #taken: Uint8Array;
  readonly #reserved: Uint8Array;
  readonly #index: Map<string, number>;
  /** Per tier, in order of weight per seat: item indexes and a head cursor past the taken ones. */
  readonly #tiers: { tier: TTier; weight: number; items: number[]; head: number; open: number }[];
  reservedCount = 0;
  remaining: number;
  weightLeft: number;

  constructor(
    readonly site: string,
    items: TAirliftDetainee[],
    private readonly weight: (d: TAirliftDetainee) => number,
    rules?: TAirliftRules,
  ) {
    this.#items = items;
    this.#taken = new Uint8Array(items.length);
    this.#reserved = new Uint8Array(items.length);
    this.#index = new Map(items.map((d, i) => [d.id, i]));
    const byTier = new Map<TTier, number[]>();
    items.forEach((d, i) => {
      const list = byTier.get(d.tier);
      if (list) list.push(i);
      else byTier.set(d.tier, [i]);
    });
    const perSeat = (t: TTier, w: number) => w / (1 + (rules?.escortPerDetainee[t] ?? 0));
    this.#tiers = [...byTier].map(([tier, list]) => ({ tier, weight: weight(items[list[0]!]!), items: list, head: 0, open: list.length }));
    this.#tiers.sort((a, b) => perSeat(b.tier, b.weight) - perSeat(a.tier, a.weight));
    this.remaining = items.length;
    this.weightLeft = items.reduce((s, d) => s + weight(d), 0);
  }

  #tierOf(i: number) {
    const tier = this.#items[i]!.tier;
    return this.#tiers.find((t) => t.tier === tier)!;
  }

  /** Keeps `ids` out of ordinary loads (they are promised to a sortie being replayed) until released. */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i !== undefined && !this.#taken[i] && !this.#reserved[i]) {
        this.#reserved[i] = 1;
        this.reservedCount++;
        this.#tierOf(i).open--;
      }
    }
  }

  release(ids: Iterable<string>): void {
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i !== undefined && this.#reserved[i] && !this.#taken[i]) {
        this.#reserved[i] = 0;
        this.reservedCount--;
        this.#tierOf(i).open++;
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

  /** The weight of the next load of about `k` detainees (at most `highCap` of them high-risk), for scoring a trip. */
  topWeight(k: number, highCap = Infinity): number {
    let sum = 0;
    let left = k;
    for (const t of this.#tiers) {
      const n = Math.min(left, t.open, t.tier === 'HIGH' ? highCap : Infinity);
      sum += n * t.weight;
      left -= n;
      if (left <= 0) break;
    }
    return sum;
  }

  /**
   * A load for a leg with `seats` seats: the best detainees that fit together, looking at most `scan` deep per
   * tier. `admit`, when given, is asked about each detainee that fits (and counts it when it says yes).
   */
  pick(seats: number, rules: TAirliftRules, scan = 200, admit?: (d: TAirliftDetainee) => boolean): Manifest {
    const m = new Manifest(seats, rules);
    for (const t of this.#tiers) {
      let looked = 0;
      for (let j = t.head; j < t.items.length && looked < scan; j++) {
        const i = t.items[j]!;
        if (this.#taken[i] || this.#reserved[i]) continue;
        looked++;
        const d = this.#items[i]!;
        if (m.fits(d)) {
          if (!admit || admit(d)) m.add(d);
        } else if (m.full(d)) break;
      }
    }
    return m;
  }

  take(ids: ReadonlySet<string>): void {
    for (const id of ids) {
      const i = this.#index.get(id);
      if (i === undefined || this.#taken[i]) continue;
      const t = this.#tierOf(i);
      if (this.#reserved[i]) {
        this.#reserved[i] = 0;
        this.reservedCount--;
      } else t.open--;
      this.#taken[i] = 1;
      this.remaining--;
      this.weightLeft -= this.weight(this.#items[i]!);
    }
    for (const t of this.#tiers) while (t.head < t.items.length && this.#taken[t.items[t.head]!]) t.head++;
  }

  /** Everyone not yet taken. */
  left(): TAirliftDetainee[] {
    return this.#items.filter((_, i) => !this.#taken[i]);
  }
}
