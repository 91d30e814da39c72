import type { MOVEMENT_KINDS, RESIDENT_STATUSES } from './camps.schemas.js';

/**
 * Where a resident is, as a pure function of their movement events. The use cases check every new movement
 * with `nextPlace` before writing it, and population accounting replays the stored events with `replay`; both
 * use these rules, which is why the replayed population always equals the registry.
 */

export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type ResidentStatus = (typeof RESIDENT_STATUSES)[number];

/** In a camp (and a section of it), or gone. `new` is someone with no movement yet. */
export type Place =
  | { present: true; campId: string; sectionId: string | null }
  | { present: false; status: Exclude<ResidentStatus, 'resident'> | 'new' };

/** What replay needs of a movement event. */
export interface MovementFact {
  residentId: string;
  kind: MovementKind;
  /** ISO-8601 instant. */
  at: string;
  /** The camp arrived in (arrival, transfer) or left (the others). */
  campId: string;
  sectionId: string | null;
}

export const NOWHERE: Place = { present: false, status: 'new' };

const GONE: Record<Exclude<MovementKind, 'arrival' | 'transfer'>, Exclude<ResidentStatus, 'resident'>> = {
  release: 'released',
  repatriation: 'repatriated',
  death: 'deceased',
  unaccounted: 'unaccounted',
};

/** The registry status of a place. */
export function statusOf(p: Place): ResidentStatus | 'new' {
  return p.present ? 'resident' : p.status;
}

/**
 * Where a movement takes a resident who is at `from`, or why it cannot happen: an arrival needs someone not
 * present (and alive); a transfer someone present, to a different camp or section; the rest someone present
 * in the camp they leave.
 */
export function nextPlace(from: Place, m: Pick<MovementFact, 'kind' | 'campId' | 'sectionId'>): { ok: true; place: Place } | { ok: false; reason: string } {
  switch (m.kind) {
    case 'arrival':
      if (from.present) return { ok: false, reason: 'is already present in a camp' };
      if (from.status === 'deceased') return { ok: false, reason: 'is recorded as deceased' };
      return { ok: true, place: { present: true, campId: m.campId, sectionId: m.sectionId } };
    case 'transfer':
      if (!from.present) return { ok: false, reason: 'is not present in a camp' };
      if (from.campId === m.campId && from.sectionId === m.sectionId) return { ok: false, reason: 'is already there' };
      return { ok: true, place: { present: true, campId: m.campId, sectionId: m.sectionId } };
    case 'release':
    case 'repatriation':
    case 'death':
    case 'unaccounted':
      if (!from.present || from.campId !== m.campId) return { ok: false, reason: 'is not present in this camp' };
      return { ok: true, place: { present: false, status: GONE[m.kind] } };
  }
}

/** Orders events as they happened: by instant, then by the order they were recorded in (`seq`). */
export function byTime<T extends { at: string; seq: number }>(a: T, b: T): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq;
}

/**
 * Replays events (in time order) up to and including `until`, giving each resident's place. An event that
 * does not follow from the place before it is reported, never silently applied.
 */
export function replay(events: Iterable<MovementFact>, until: string): { places: Map<string, Place>; faults: MovementFact[] } {
  const places = new Map<string, Place>();
  const faults: MovementFact[] = [];
  for (const e of events) {
    if (e.at > until) continue;
    const next = nextPlace(places.get(e.residentId) ?? NOWHERE, e);
    if (next.ok) places.set(e.residentId, next.place);
    else faults.push(e);
  }
  return { places, faults };
}

/** How many residents are present in `campId` (and in each of its sections) among `places`. */
export function populationOf(places: ReadonlyMap<string, Place>, campId: string): { total: number; bySection: Map<string | null, number> } {
  const bySection = new Map<string | null, number>();
  let total = 0;
  for (const p of places.values()) {
    if (!p.present || p.campId !== campId) continue;
    total += 1;
    bySection.set(p.sectionId, (bySection.get(p.sectionId) ?? 0) + 1);
  }
  return { total, bySection };
}
