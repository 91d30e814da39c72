import { describe, expect, it } from 'vitest';
import type { TFacility } from '../api/schemas.js';
import { computeTotals } from './totals.js';

let n = 0;
function facility(code: string, kind: TFacility['kind'], held: number, population: number): TFacility {
  n += 1;
  return {
    id: `f${n}`, code, name: `${code} site`, kind, country: 'SYR', lat: 36, lon: 40, capacity: population * 2, population, guardForce: 10,
    guardAgency: 'HF', status: 'operational', collapseRisk: 0.1, landingZones: [], marking: 'U', version: 1, detaineesHeld: held, heldMarking: 'U',
  };
}

describe('computeTotals', () => {
  const sites = [
    facility('BIAP', 'destination', 0, 0),
    facility('HOL', 'camp', 0, 35000),
    facility('PAN', 'prison', 900, 960),
    facility('GHW', 'prison', 2400, 2520),
    facility('ROJ', 'camp', 0, 2500),
  ];

  it('lists prisons first, fullest first, then camps and hubs', () => {
    expect(computeTotals(sites, {}).sites.map((s) => s.code)).toEqual(['GHW', 'PAN', 'HOL', 'ROJ', 'BIAP']);
  });

  it('adds up only the sites given: the ones the user may see', () => {
    const t = computeTotals(sites, { held: 3400, inTransit: 12, transferred: 40 });
    expect(t).toMatchObject({ held: 3400, inTransit: 12, transferred: 40, heldAtSites: 3300, campResidents: 37500 });
    const fewer = computeTotals(sites.filter((s) => s.code !== 'GHW'), { held: 1000 });
    expect(fewer.heldAtSites).toBe(900);
    expect(fewer.sites.some((s) => s.code === 'GHW')).toBe(false);
  });

  it('leaves a count unknown (null) while it loads, and is empty for a user who sees nothing', () => {
    expect(computeTotals([], {})).toEqual({ held: null, inTransit: null, transferred: null, heldAtSites: 0, campResidents: 0, sites: [] });
  });
});
