import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleKm } from '../kernel/index.js';
import { boxAround } from './event.store.js';

describe('the box cut before distances', () => {
  it('holds every point within the radius of a site, wherever the sites are', () => {
    const point = fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(fc.property(fc.array(point, { minLength: 1, maxLength: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), (sites, f, bearing) => {
      const km = 150;
      const s = sites[0]!;
      // A point at f × 150 km from the first site, on `bearing` (spherical destination formula).
      const d = (f * km) / 6371.0088;
      const la = (s.lat * Math.PI) / 180;
      const lo = (s.lon * Math.PI) / 180;
      const lat2 = Math.asin(Math.sin(la) * Math.cos(d) + Math.cos(la) * Math.sin(d) * Math.cos(bearing));
      const lon2 = lo + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(la), Math.cos(d) - Math.sin(la) * Math.sin(lat2));
      const p = { lat: (lat2 * 180) / Math.PI, lon: ((((lon2 * 180) / Math.PI + 540) % 360) - 180) };
      if (greatCircleKm(s, p) > km) return;
      const b = boxAround(sites, km);
      expect(p.lat).toBeGreaterThanOrEqual(b.minLat);
      expect(p.lat).toBeLessThanOrEqual(b.maxLat);
      expect(p.lon).toBeGreaterThanOrEqual(b.minLon - 1e-9);
      expect(p.lon).toBeLessThanOrEqual(b.maxLon + 1e-9);
    }));
  });
});
