import { geoMercator, type GeoProjection } from 'd3-geo';

/** The map's drawing size (SVG user units); the SVG scales to its container. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 680;
const MARGIN = 24;

/** A lon/lat box: [[west, south], [east, north]]. */
export type Box = [[number, number], [number, number]];

/** The extents a user can switch between: the whole operation, and the cluster of prisons and camps. */
export const VIEWS = {
  region: { label: 'Region', box: [[35.0, 31.0], [46.8, 38.4]] as Box },
  northeast: { label: 'North-east Syria', box: [[38.2, 35.4], [42.6, 37.5]] as Box },
} as const;
export type ViewName = keyof typeof VIEWS;

/** `box` grown to hold every point (so a site added far away still shows in the region view). */
export function boxAround(box: Box, points: readonly { lon: number; lat: number }[]): Box {
  let [[w, s], [e, n]] = box;
  for (const p of points) {
    w = Math.min(w, p.lon - 0.3);
    e = Math.max(e, p.lon + 0.3);
    s = Math.min(s, p.lat - 0.3);
    n = Math.max(n, p.lat + 0.3);
  }
  return [[w, s], [e, n]];
}

/** A Mercator projection fitting `box` into the map, clipped to it. */
export function projectionFor(box: Box): GeoProjection {
  const [[w, s], [e, n]] = box;
  return geoMercator()
    .fitExtent([[MARGIN, MARGIN], [MAP_WIDTH - MARGIN, MAP_HEIGHT - MARGIN]], { type: 'MultiPoint', coordinates: [[w, s], [e, n], [w, n], [e, s]] })
    .clipExtent([[0, 0], [MAP_WIDTH, MAP_HEIGHT]]);
}

/** True when two boxes overlap. */
export function boxesMeet(a: Box, b: Box): boolean {
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0] && a[0][1] <= b[1][1] && b[0][1] <= a[1][1];
}

/** Where the map writes the names of the countries around the operation (ISO numeric id → name, lon/lat). */
export const COUNTRY_LABELS: readonly { id: string; name: string; at: [number, number] }[] = [
  { id: '760', name: 'SYRIA', at: [37.9, 34.6] },
  { id: '368', name: 'IRAQ', at: [42.6, 32.4] },
  { id: '792', name: 'TURKEY', at: [38.6, 37.95] },
  { id: '400', name: 'JORDAN', at: [37.4, 31.4] },
  { id: '364', name: 'IRAN', at: [46.5, 34.7] },
];

/** The countries the operation runs in, drawn a shade stronger than their neighbours. */
export const OPERATION_COUNTRIES: ReadonlySet<string> = new Set(['760', '368']);

/** A label to place: its anchor point in pixels and its text. */
export interface LabelCandidate {
  key: string;
  x: number;
  y: number;
  text: string;
}

/**
 * Greedy label placement: candidates in order of importance, each kept only when its box (text to the right
 * of the point) does not touch one already kept. Cheap, and keeps the prisons of Hasakah readable.
 */
export function placeLabels(candidates: readonly LabelCandidate[], charWidth = 7, height = 13): LabelCandidate[] {
  const kept: { c: LabelCandidate; x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const c of candidates) {
    const box = { c, x0: c.x, x1: c.x + c.text.length * charWidth, y0: c.y - height, y1: c.y + 2 };
    if (kept.some((k) => box.x0 < k.x1 && k.x0 < box.x1 && box.y0 < k.y1 && k.y0 < box.y1)) continue;
    kept.push(box);
  }
  return kept.map((k) => k.c);
}
