import { formatMarking, parseMarking, type IdGenerator } from '../kernel/index.js';
import { apportion, type Prng } from './prng.js';
import {
  AGENCIES, AIRCRAFT_TYPES, CAMPS, EXTRA_SITES, GROUPS_BY_KIND, HOLDING_FORCE_CODE, HUBS, MILITARY_CODE, PRISONS, ROLES_BY_KIND,
  type SiteSeed,
} from './reference.data.js';
import type {
  TScenarioAgency, TScenarioAircraft, TScenarioAircraftType, TScenarioFacility, TScenarioKnobs, TScenarioLandingZone, TScenarioUser,
} from './scenario.schemas.js';

/**
 * The cast and the stage: agencies, their demo users, aircraft types, facilities (with populations fixed in
 * advance so the facility lines can precede the people in them) and the fleet.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A marking string in canonical form (lists sorted), so that it reads back unchanged. */
export function mark(text: string): string {
  return formatMarking(parseMarking(text));
}

/** The agency records. */
export function agencyRecords(ids: IdGenerator, epochMs: number): TScenarioAgency[] {
  return AGENCIES.map((a) => ({ type: 'agency', id: ids(epochMs), code: a.code, name: a.name, country: a.country, kind: a.kind }));
}

const CLEARANCES = ['U', 'C', 'S', 'TS'] as const;

/** One demo user per agency and clearance, then the auditor and the declassification reviewer. */
export function userRecords(): TScenarioUser[] {
  const users: TScenarioUser[] = [];
  for (const a of AGENCIES) {
    for (const clearance of CLEARANCES) {
      const groups = GROUPS_BY_KIND[a.kind].filter((g) => g !== 'HCS' || clearance === 'S' || clearance === 'TS');
      users.push({
        type: 'user',
        username: `${a.code.toLowerCase()}.${clearance.toLowerCase()}`,
        displayName: `${a.code} demo user (${clearance})`,
        agency: a.code,
        clearance,
        roles: [...ROLES_BY_KIND[a.kind]],
        groups,
      });
    }
  }
  users.push(
    { type: 'user', username: 'audit.ts', displayName: 'Auditor (TS)', agency: MILITARY_CODE, clearance: 'TS', roles: ['auditor', 'viewer'], groups: [] },
    {
      type: 'user', username: 'review.ts', displayName: 'Declassification reviewer (TS)', agency: MILITARY_CODE, clearance: 'TS',
      roles: ['reviewer', 'viewer', 'registrar'], groups: ['LES', 'HCS', 'CHILD'],
    },
  );
  return users;
}

/** The aircraft type records. */
export function aircraftTypeRecords(): TScenarioAircraftType[] {
  return AIRCRAFT_TYPES.map(({ code, category, seats, speedKmh, rangeKm, loadMin, unloadMin, refuelMin }) => ({
    type: 'aircraftType', code, category, seats, speedKmh, rangeKm, loadMin, unloadMin, refuelMin,
  }));
}

/** A prison with the number of detainees it will hold. */
export interface PrisonPlan {
  code: string;
  name: string;
  lat: number;
  lon: number;
  risk: number;
  population: number;
}

/** Prisons and camps with their populations, decided before any person is written. */
export interface FacilityPlan {
  prisons: PrisonPlan[];
  camps: { seed: SiteSeed; population: number }[];
}

const round = (x: number, places: number): number => Number(x.toFixed(places));

/**
 * Chooses the prisons (the reference seven, the first `facilities` of them when fewer, synthetic ones spread over
 * north-east Syria when more) and shares out detainees and camp residents.
 */
export function planFacilities(rng: Prng, knobs: TScenarioKnobs): FacilityPlan {
  const seeds = PRISONS.slice(0, knobs.facilities).map((p) => ({ ...p }));
  for (let i = seeds.length; i < knobs.facilities; i++) {
    const site = EXTRA_SITES[(i - PRISONS.length) % EXTRA_SITES.length];
    const round2 = Math.floor((i - PRISONS.length) / EXTRA_SITES.length);
    const near = site ?? { name: 'Hasakah', lat: 36.5, lon: 40.75 };
    seeds.push({
      code: `P${String(i + 1).padStart(2, '0')}`,
      name: `Detention site ${near.name}${round2 > 0 ? ` ${round2 + 1}` : ''}`,
      lat: round(near.lat + rng.normal(0, 0.03), 4),
      lon: round(near.lon + rng.normal(0, 0.03), 4),
      weight: 0.03 + rng.next() * 0.06,
      risk: round(0.08 + rng.next() * 0.32, 2),
    });
  }
  const populations = apportion(knobs.detainees, seeds.map((s) => s.weight));
  const prisons = seeds.map((s, i) => ({ code: s.code, name: s.name, lat: s.lat, lon: s.lon, risk: s.risk, population: populations[i] ?? 0 }));
  const campPops = apportion(knobs.campResidents, CAMPS.map((c) => c.share));
  return { prisons, camps: CAMPS.map((seed, i) => ({ seed, population: campPops[i] ?? 0 })) };
}

function zones(rng: Prng, code: string, at: { lat: number; lon: number }, specs: readonly [string, number, TScenarioLandingZone['maxCategory']][]): TScenarioLandingZone[] {
  return specs.map(([label, slots, maxCategory]) => ({
    name: `${code} ${label}`,
    lat: round(at.lat + rng.normal(0, 0.004), 5),
    lon: round(at.lon + rng.normal(0, 0.004), 5),
    slots,
    maxCategory,
  }));
}

const roundUp = (x: number, step: number): number => Math.ceil(x / step) * step;

/** The facility records: prisons, camps, then the staging airfield, the destination and the refuel point. */
export function facilityRecords(env: { rng: Prng; ids: IdGenerator; epochMs: number }, plan: FacilityPlan, detainees: number): TScenarioFacility[] {
  const { rng, ids, epochMs } = env;
  const out: TScenarioFacility[] = [];
  const prisonMark = mark('C//REL TO USA, IRQ, SYR');
  for (const p of plan.prisons) {
    const risk = round(Math.min(0.95, Math.max(0.02, p.risk + rng.normal(0, 0.02))), 2);
    const lzCount = p.population > 1500 ? 3 : p.population > 300 ? 2 : 1;
    out.push({
      type: 'facility', id: ids(epochMs), code: p.code, name: p.name, kind: 'prison', country: 'SYR', lat: p.lat, lon: p.lon,
      capacity: Math.max(50, roundUp(p.population * (1.1 + rng.next() * 0.3), 50)),
      population: p.population,
      guardForce: Math.max(12, Math.round(p.population / rng.int(6, 10))),
      guardAgency: HOLDING_FORCE_CODE,
      status: risk >= 0.3 ? 'at-risk' : 'operational',
      collapseRisk: risk,
      marking: prisonMark,
      originator: 'USA',
      landingZones: zones(rng, p.code, p, ['LZ A', 'LZ B', 'LZ C'].slice(0, lzCount).map((l) => [l, rng.int(1, 3), 'helicopter'] as const)),
    });
  }
  for (const { seed, population } of plan.camps) {
    out.push(site(rng, ids(epochMs), seed, { population, capacity: Math.max(seed.capacity, roundUp(population * 1.1, 500)) }));
  }
  for (const hub of HUBS) {
    const capacity = hub.kind === 'destination' ? Math.max(hub.capacity, roundUp(detainees * 1.3, 1000)) : hub.capacity;
    out.push(site(rng, ids(epochMs), hub, { population: 0, capacity }));
  }
  return out;
}

function site(rng: Prng, id: string, s: SiteSeed, size: { population: number; capacity: number }): TScenarioFacility {
  const { population, capacity } = size;
  const lz: Record<SiteSeed['kind'], [string, number, TScenarioLandingZone['maxCategory']][]> = {
    camp: [['LZ North', 2, 'helicopter'], ['LZ South', 2, 'helicopter']],
    staging: [['runway', 4, 'fixed-wing'], ['helipad', 6, 'helicopter']],
    destination: [['apron', 6, 'fixed-wing'], ['helipad', 4, 'helicopter']],
    refuel: [['FARP', 4, 'helicopter']],
  };
  return {
    type: 'facility', id, code: s.code, name: s.name, kind: s.kind, country: s.country, lat: s.lat, lon: s.lon,
    capacity,
    population,
    guardForce: s.guardForce,
    guardAgency: s.guardAgency,
    status: s.risk >= 0.3 ? 'at-risk' : 'operational',
    collapseRisk: s.risk,
    marking: s.kind === 'camp' ? 'U' : mark('C//REL TO USA, IRQ'),
    originator: s.kind === 'destination' ? 'IRQ' : 'USA',
    landingZones: zones(rng, s.code, s, lz[s.kind]),
  };
}

/**
 * The fleet: types in fixed shares, helicopters based at the staging airfield and fixed-wing at the destination.
 * Most airframes are available from the start of the airlift (about ten weeks after the epoch, when fighting
 * spreads); a fifth arrive as reinforcements a week or two later.
 */
export function aircraftRecords(rng: Prng, ids: IdGenerator, epochMs: number, count: number): TScenarioAircraft[] {
  const counts = apportion(count, AIRCRAFT_TYPES.map((t) => t.share));
  const airliftStart = epochMs + 70 * DAY_MS + 6 * HOUR_MS;
  const out: TScenarioAircraft[] = [];
  AIRCRAFT_TYPES.forEach((t, ti) => {
    for (let n = 1; n <= (counts[ti] ?? 0); n++) {
      const from = airliftStart + (rng.chance(0.2) ? rng.int(5, 12) * DAY_MS : 0) + rng.int(0, 48) * HOUR_MS;
      const to = airliftStart + rng.int(35, 49) * DAY_MS;
      out.push({
        type: 'aircraft', id: ids(epochMs), tail: `${t.tailPrefix}-${String(n).padStart(3, '0')}`, aircraftType: t.code,
        operator: MILITARY_CODE, base: t.category === 'helicopter' ? 'STG-RML' : 'BIAP',
        availableFrom: new Date(from).toISOString(), availableTo: new Date(to).toISOString(),
      });
    }
  });
  return out;
}
