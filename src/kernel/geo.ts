/**
 * Spherical geometry for the airlift network: great-circle distances and bearings on a sphere of the
 * mean Earth radius (IUGG R1). Good to about 0.5% against the ellipsoid, which is far inside flight-planning
 * margins.
 */

/** A point in decimal degrees (WGS 84): latitude -90..90, longitude -180..180. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** The mean Earth radius (IUGG R1), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** True when `p` has finite coordinates within latitude -90..90 and longitude -180..180. */
export function isValidLatLon(p: LatLon): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

/** The great-circle distance from `a` to `b` in kilometres (haversine formula). */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // min(1, …): rounding can push h a hair above 1 for antipodal points, and asin would return NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The initial bearing (forward azimuth) of the great circle from `a` to `b`, in degrees clockwise from true
 * north, in [0, 360). Coincident points give 0.
 */
export function initialBearingDeg(a: LatLon, b: LatLon): number {
  const phi1 = a.lat * RAD;
  const phi2 = b.lat * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const y = Math.sin(dLon) * Math.cos(phi2);
  const x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLon);
  const deg = Math.atan2(y, x) / RAD;
  return ((deg % 360) + 360) % 360;
}
