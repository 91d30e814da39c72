import type { TFacility } from '../api/schemas.js';

/** Marker fill by facility status: calm to alarming, distinct for colour-blind readers by lightness too. */
export const STATUS_COLOURS: Readonly<Record<TFacility['status'], string>> = {
  operational: '#2f9e44',
  'at-risk': '#f08c00',
  breached: '#c92a2a',
  evacuated: '#1c7ed6',
  closed: '#868e96',
};

/** What each kind of site is called on the map and in tables. */
export const KIND_LABELS: Readonly<Record<TFacility['kind'], string>> = {
  prison: 'Prison',
  camp: 'Displacement camp',
  staging: 'Staging airfield',
  destination: 'Receiving facility',
  refuel: 'Refuel point',
};

/** The order sites are listed in: where people are, then the airlift's hubs. */
export const KIND_ORDER: readonly TFacility['kind'][] = ['prison', 'camp', 'staging', 'destination', 'refuel'];

const MIN_RADIUS = 5;
const MAX_RADIUS = 30;

/**
 * A marker's radius in pixels for a population: area proportional to the number of people (so al-Hol's
 * 35,000 reads as fourteen times a prison of 2,500), never smaller than a clickable dot nor larger than 30 px.
 */
export function markerRadius(population: number): number {
  return Math.min(MAX_RADIUS, MIN_RADIUS + Math.sqrt(Math.max(0, population)) * 0.13);
}

/**
 * The SVG path of a marker's shape, centred on (0, 0): a circle for a prison, a square for a camp, a triangle
 * for the staging airfield, a diamond for the receiving facility and a small inverted triangle for a refuel
 * point. Shape tells the kind apart where colour tells the status.
 */
export function symbolPath(kind: TFacility['kind'], r: number): string {
  const f = (n: number) => Number(n.toFixed(2));
  switch (kind) {
    case 'prison':
      return `M${f(-r)},0a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'camp': {
      const s = r * 0.886; // a square of the circle's area
      return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
    }
    case 'staging':
      return `M0,${f(-r * 1.2)}L${f(r * 1.1)},${f(r * 0.8)}H${f(-r * 1.1)}Z`;
    case 'destination':
      return `M0,${f(-r * 1.3)}L${f(r * 1.1)},0L0,${f(r * 1.3)}L${f(-r * 1.1)},0Z`;
    case 'refuel':
      return `M0,${f(r * 1.1)}L${f(r)},${f(-r * 0.7)}H${f(-r)}Z`;
  }
}

/** What a screen reader says of a marker: `Ghwayran prison, prison, at risk: 2,520 detainees held`. */
export function markerLabel(f: TFacility, formatCount: (n: number) => string): string {
  const people = f.kind === 'camp' ? `${formatCount(f.population)} residents` : `${formatCount(f.detaineesHeld)} detainees held`;
  return `${f.name}, ${KIND_LABELS[f.kind].toLowerCase()}, ${f.status.replace(/-/g, ' ')}: ${people}`;
}
