import type { TDiscrepancyKind, TPlaceKind, TReconciliation, TScanKind } from '../execution.schemas.js';

/**
 * The rules of execution, pure: what a scan means given where its person is, where everyone is after the
 * events that took effect, and the running totals. The store keeps the events; these functions decide. The
 * same functions run in the property test, so what it proves holds for the use cases.
 *
 * A person's place is the effect of the last event that took effect for them (an applied scan not voided, or
 * a correction a person recorded), else the site the plan found them at. So every person is in exactly one
 * place, and the counts by place always sum to the number of persons tracked.
 */

/** Where a person is: a node (site, staging or destination, by the node's kind) or aboard a sortie's aircraft. */
export interface Place {
  kind: TPlaceKind;
  /** A node id, or a sortie id when `kind` is `aircraft`. */
  at: string;
}

export function samePlace(a: Place | undefined, b: Place | undefined): boolean {
  return a !== undefined && b !== undefined && a.kind === b.kind && a.at === b.at;
}

/** A place as one string: `aircraft:<sortie>` or `<kind>:<node>`. */
export function placeText(p: Place): string {
  return `${p.kind}:${p.at}`;
}

/** What a scan is judged on. */
export interface ScanFacts {
  kind: TScanKind;
  sortie: string;
  /** The node where it happened; for an arrival, its kind decides the place (staging or destination). */
  node: string;
  nodeKind: TPlaceKind;
  /** The person's place before the scan (undefined: a person the plan does not know and no scan has placed). */
  before: Place | undefined;
  /** The person is on this sortie's manifest. */
  manifested: boolean;
  /** The person is in the plan at all (on some manifest, or among its detainees). */
  planned: boolean;
}

/** What a scan decides: whether it moves the person (and where), and the discrepancy it raises. */
export interface ScanJudgement {
  applied: boolean;
  effect: Place;
  discrepancy: { kind: TDiscrepancyKind; detail: string } | null;
}

function where(p: Place): string {
  return p.kind === 'aircraft' ? `aboard sortie ${p.at}` : `at ${p.kind} ${p.at}`;
}

/**
 * Judges one scan. A scan that says the person is somewhere the records contradict (aboard another aircraft,
 * at another node) is a conflict: held, never applied over the earlier record, until a person resolves it. A
 * repeat of what is already recorded is a duplicate (held). Otherwise the scan takes effect; if the person is
 * not on this sortie's manifest it still does (the person is physically there) and raises `wrong-sortie`, or
 * `unmanifested` when the plan does not know the person at all.
 */
export function judgeScan(f: ScanFacts): ScanJudgement {
  const effect: Place = f.kind === 'board' ? { kind: 'aircraft', at: f.sortie } : { kind: f.nodeKind, at: f.node };
  const held = (kind: TDiscrepancyKind, detail: string): ScanJudgement => ({ applied: false, effect, discrepancy: { kind, detail } });
  const b = f.before;
  if (b && samePlace(b, effect)) return held('duplicate', `already recorded ${where(b)}: a second scan of the same wristband`);
  if (b && b.kind === 'aircraft') {
    if (f.kind === 'board' || b.at !== f.sortie) return held('conflict', `recorded ${where(b)}, scanned ${f.kind === 'board' ? 'boarding' : 'arriving from'} sortie ${f.sortie} at ${f.node}`);
  } else if (b && f.kind === 'board' && b.at !== f.node) {
    return held('conflict', `recorded ${where(b)}, scanned boarding sortie ${f.sortie} at ${f.node}`);
  }
  if (!f.manifested) {
    const kind = f.planned ? 'wrong-sortie' : 'unmanifested';
    const detail = f.planned ? `not on the manifest of sortie ${f.sortie}` : 'not in the plan: an unmanifested person';
    return { applied: true, effect, discrepancy: { kind, detail } };
  }
  return { applied: true, effect, discrepancy: null };
}

/** An event that took effect: a person's new place, in store order. */
export interface Effect {
  seq: number;
  isn: string;
  place: Place;
}

/** Every person's place: their home site, then each effect in order. */
export function placesOf(home: ReadonlyMap<string, Place>, effects: readonly Effect[]): Map<string, Place> {
  const places = new Map(home);
  for (const e of [...effects].sort((a, b) => a.seq - b.seq)) places.set(e.isn, e.place);
  return places;
}

/** Counts by kind and by place, kept as people move: what the execution board shows live. */
export class Tally {
  readonly byKind: Record<TPlaceKind, number> = { site: 0, aircraft: 0, staging: 0, destination: 0 };
  readonly byPlace = new Map<string, number>();
  total = 0;

  constructor(places: Iterable<Place> = []) {
    for (const p of places) this.move(undefined, p);
  }

  private add(p: Place, d: number): void {
    this.byKind[p.kind] += d;
    const k = placeText(p);
    const n = (this.byPlace.get(k) ?? 0) + d;
    if (n === 0) this.byPlace.delete(k);
    else this.byPlace.set(k, n);
  }

  /** A person moved from `from` (undefined: newly tracked) to `to`. */
  move(from: Place | undefined, to: Place): void {
    if (from) this.add(from, -1);
    else this.total += 1;
    this.add(to, 1);
  }

  /** A person no longer tracked (an unmanifested scan voided). */
  drop(from: Place): void {
    this.add(from, -1);
    this.total -= 1;
  }

  /** The counts sum to the total and none is negative. */
  balanced(): boolean {
    const sum = this.byKind.site + this.byKind.aircraft + this.byKind.staging + this.byKind.destination;
    return sum === this.total && Object.values(this.byKind).every((n) => n >= 0) && [...this.byPlace.values()].every((n) => n > 0);
  }

  /** The counts as the reconciliation shows them. */
  summary(): Pick<TReconciliation, 'total' | 'byKind' | 'byPlace' | 'balanced'> {
    const byPlace = [...this.byPlace].map(([k, count]) => {
      const i = k.indexOf(':');
      return { kind: k.slice(0, i) as TPlaceKind, at: k.slice(i + 1), count };
    }).sort((a, b) => (a.kind === b.kind ? (a.at < b.at ? -1 : 1) : a.kind < b.kind ? -1 : 1));
    return { total: this.total, byKind: { ...this.byKind }, byPlace, balanced: this.balanced() };
  }
}

/** Who is still aboard a sortie: the people a close finds missing at arrival. */
export function stillAboard(places: ReadonlyMap<string, Place>, sortie: string): string[] {
  const out: string[] = [];
  for (const [isn, p] of places) if (p.kind === 'aircraft' && p.at === sortie) out.push(isn);
  return out.sort();
}
