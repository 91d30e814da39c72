import type { TAirliftPlan, TLeg } from '../airlift.schemas.js';

/**
 * The sorties of a plan, for execution: the legs of one aircraft from the first boarding until everyone who
 * boarded has alighted, with the manifest of who boards where and alights where. The planner labels its legs
 * (`sortie`); a plan from elsewhere is cut where the aircraft is empty again.
 */

export interface PlannedManifestEntry {
  isn: string;
  board: string;
  alight: string;
}

export interface PlannedSortie {
  label: string;
  aircraft: string;
  from: string;
  to: string;
  depart: string;
  arrive: string;
  legs: number;
  manifest: PlannedManifestEntry[];
}

function byDepart(a: TLeg, b: TLeg): number {
  return a.depart < b.depart ? -1 : a.depart > b.depart ? 1 : 0;
}

/** Groups one aircraft's legs (in departure order) into sorties: a sortie closes when nobody is aboard. */
function cutSorties(aircraft: string, legs: TLeg[]): PlannedSortie[] {
  const out: PlannedSortie[] = [];
  let current: { legs: TLeg[]; manifest: PlannedManifestEntry[] } | null = null;
  const aboard = new Map<string, PlannedManifestEntry>();
  let n = 0;
  for (const leg of legs) {
    if (leg.board.length === 0 && aboard.size === 0) continue; // positioning flight: nobody to manifest
    if (!current) current = { legs: [], manifest: [] };
    current.legs.push(leg);
    for (const isn of leg.board) {
      const entry = { isn, board: leg.from, alight: leg.to };
      aboard.set(isn, entry);
      current.manifest.push(entry);
    }
    for (const isn of leg.alight) {
      const entry = aboard.get(isn);
      if (entry) entry.alight = leg.to;
      aboard.delete(isn);
    }
    if (aboard.size === 0) {
      n += 1;
      out.push(sortieOf(current.legs[0]!.sortie ?? `${aircraft}/${n}`, aircraft, current.legs, current.manifest));
      current = null;
    }
  }
  if (current && current.legs.length > 0) {
    n += 1;
    out.push(sortieOf(current.legs[0]!.sortie ?? `${aircraft}/${n}`, aircraft, current.legs, current.manifest));
  }
  return out;
}

function sortieOf(label: string, aircraft: string, legs: TLeg[], manifest: PlannedManifestEntry[]): PlannedSortie {
  const first = legs[0]!;
  const last = legs[legs.length - 1]!;
  const boarding = legs.find((l) => l.board.length > 0) ?? first;
  return { label, aircraft, from: boarding.from, to: last.to, depart: boarding.depart, arrive: last.arrive, legs: legs.length, manifest };
}

/** Every sortie of a plan, ordered by departure then label; labels made unique when a writer repeated one. */
export function sortiesOfPlan(plan: Pick<TAirliftPlan, 'legs'>): PlannedSortie[] {
  const byAircraft = new Map<string, TLeg[]>();
  for (const leg of plan.legs) byAircraft.set(leg.aircraft, [...(byAircraft.get(leg.aircraft) ?? []), leg]);
  const all: PlannedSortie[] = [];
  for (const [aircraft, legs] of byAircraft) all.push(...cutSorties(aircraft, [...legs].sort(byDepart)));
  all.sort((a, b) => (a.depart < b.depart ? -1 : a.depart > b.depart ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const seen = new Map<string, number>();
  for (const s of all) {
    const k = seen.get(s.label) ?? 0;
    seen.set(s.label, k + 1);
    if (k > 0) s.label = `${s.label}#${k + 1}`;
  }
  return all;
}
