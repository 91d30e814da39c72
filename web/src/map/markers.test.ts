import { describe, expect, it } from 'vitest';
import type { TFacility } from '../api/schemas.js';
import { boxAround, placeLabels } from './geometry.js';
import { KIND_ORDER, markerLabel, markerRadius, STATUS_COLOURS, symbolPath } from './markers.js';

describe('map markers', () => {
  it('grow with population by area, from a clickable dot to a cap', () => {
    expect(markerRadius(0)).toBe(5);
    expect(markerRadius(2500)).toBeGreaterThan(markerRadius(960));
    expect(markerRadius(35000)).toBeGreaterThan(markerRadius(2500));
    expect(markerRadius(10_000_000)).toBe(30);
    expect(markerRadius(-5)).toBe(5);
  });

  it('have one shape per kind and one colour per status', () => {
    const paths = KIND_ORDER.map((k) => symbolPath(k, 10));
    expect(new Set(paths).size).toBe(KIND_ORDER.length);
    for (const p of paths) expect(p).toMatch(/^M[-\d.,]+.*Z$/);
    expect(new Set(Object.values(STATUS_COLOURS)).size).toBe(Object.keys(STATUS_COLOURS).length);
  });

  it('are named for screen readers by site, kind, status and people', () => {
    const f = { name: 'Roj camp', kind: 'camp', status: 'at-risk', population: 2500, detaineesHeld: 0 } as TFacility;
    expect(markerLabel(f, String)).toBe('Roj camp, displacement camp, at risk: 2500 residents');
    expect(markerLabel({ ...f, name: 'Shaddadi prison', kind: 'prison', detaineesHeld: 600 }, String)).toBe('Shaddadi prison, prison, at risk: 600 detainees held');
  });
});

describe('map geometry', () => {
  it('grows the region to hold a site outside it', () => {
    expect(boxAround([[35, 31], [46, 38]], [{ lon: 48, lat: 30 }])).toEqual([[35, 29.7], [48.3, 38]]);
    expect(boxAround([[35, 31], [46, 38]], [{ lon: 40, lat: 36 }])).toEqual([[35, 31], [46, 38]]);
  });

  it('keeps a label only where it does not cover one already placed', () => {
    const kept = placeLabels([
      { key: 'GHW', x: 100, y: 100, text: 'GHW' },
      { key: 'PAN', x: 104, y: 96, text: 'PAN' },
      { key: 'BIAP', x: 300, y: 400, text: 'BIAP' },
    ]);
    expect(kept.map((l) => l.key)).toEqual(['GHW', 'BIAP']);
  });
});
