import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM, greatCircleKm, initialBearingDeg, isValidLatLon, type LatLon } from './geo.js';

const BIAP: LatLon = { lat: 33.2625, lon: 44.2346 }; // Baghdad International Airport
const HASAKAH: LatLon = { lat: 36.5, lon: 40.75 };

describe('greatCircleKm', () => {
  it('measures Baghdad International Airport to Hasakah', () => {
    const d = greatCircleKm(BIAP, HASAKAH);
    expect(d).toBeGreaterThan(470);
    expect(d).toBeLessThan(490);
    expect(d).toBeCloseTo(480.16, 1);
  });

  it('is zero for one point and half the circumference for antipodes', () => {
    expect(greatCircleKm(BIAP, BIAP)).toBe(0);
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm({ lat: 90, lon: 0 }, { lat: -90, lon: 0 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm(BIAP, { lat: -BIAP.lat, lon: BIAP.lon - 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 3);
  });

  it('is symmetric and never exceeds half the circumference', () => {
    const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lon: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = greatCircleKm(a, b);
        expect(d).toBeCloseTo(greatCircleKm(b, a), 6);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(Math.PI * EARTH_RADIUS_KM + 1e-6);
      }),
    );
  });
});

describe('initialBearingDeg', () => {
  it('points along the cardinal directions', () => {
    expect(initialBearingDeg({ lat: 0, lon: 0 }, { lat: 10, lon: 0 })).toBeCloseTo(0, 9);
    expect(initialBearingDeg({ lat: 0, lon: 0 }, { lat: 0, lon: 10 })).toBeCloseTo(90, 9);
    expect(initialBearingDeg({ lat: 10, lon: 0 }, { lat: 0, lon: 0 })).toBeCloseTo(180, 9);
    expect(initialBearingDeg({ lat: 0, lon: 0 }, { lat: 0, lon: -10 })).toBeCloseTo(270, 9);
  });

  it('heads north-west from Baghdad to Hasakah', () => {
    expect(initialBearingDeg(BIAP, HASAKAH)).toBeCloseTo(319.54, 1);
  });
});

describe('isValidLatLon', () => {
  it('accepts the globe and rejects the rest', () => {
    expect(isValidLatLon(BIAP)).toBe(true);
    expect(isValidLatLon({ lat: 90, lon: -180 })).toBe(true);
    expect(isValidLatLon({ lat: 90.1, lon: 0 })).toBe(false);
    expect(isValidLatLon({ lat: 0, lon: 180.5 })).toBe(false);
    expect(isValidLatLon({ lat: NaN, lon: 0 })).toBe(false);
    expect(isValidLatLon({ lat: 0, lon: Infinity })).toBe(false);
  });
});
