import { contextFor, operatorPrincipal, type Ctx, type Principal, type Role } from '../../src/access/index.js';
import { FixedClock, type Level } from '../../src/kernel/index.js';
import type { DialectName } from '../../src/store/index.js';
import { buildAgency, buildFacility } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/stores.js';

/**
 * A warning world on one dialect: two prisons near Hasakah (GHW, PAN), one far east (DRK), the receiving
 * facility (BIAP), and the agencies of the three parties to a transfer agreement.
 */
export interface WarningWorld {
  store: TestStore;
  clock: FixedClock;
  /** A principal of `country` with roles; clearance S and no groups unless told otherwise. */
  as(country: string, roles: Role[], over?: Partial<Principal> & { clearance?: Level }): Ctx;
  close(): Promise<void>;
}

export const NOW = '2026-01-10T08:00:00.000Z';

export async function openWarningWorld(dialect: DialectName): Promise<WarningWorld> {
  const store = await openTestStore(dialect);
  const clock = new FixedClock(NOW);
  await buildAgency(store, clock, { code: 'HF', country: 'SYR', kind: 'holding-force' });
  await buildAgency(store, clock, { code: 'IRQ-CTS', country: 'IRQ', kind: 'counter-terrorism' });
  await buildAgency(store, clock, { code: 'JTF', country: 'USA', kind: 'military' });
  await buildAgency(store, clock, { code: 'DIPLO', country: 'USA', kind: 'diplomatic' });
  const admin = contextFor(store.db, { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] }, clock);
  await buildFacility(admin, { code: 'GHW', name: "Ghwayran (al-Sina'a) prison", lat: 36.472, lon: 40.727, capacity: 5000, population: 4000, guardForce: 600, guardAgency: 'HF', marking: 'C//REL TO IRQ, SYR, USA' });
  await buildFacility(admin, { code: 'PAN', name: 'Panorama prison', lat: 36.505, lon: 40.745, capacity: 1200, population: 1000, guardForce: 150, guardAgency: 'HF', marking: 'C//REL TO IRQ, SYR, USA' });
  await buildFacility(admin, { code: 'DRK', name: 'Derik prison', lat: 37.083, lon: 42.139, capacity: 600, population: 500, guardForce: 70, guardAgency: 'HF', marking: 'C//REL TO IRQ, SYR, USA' });
  await buildFacility(admin, { code: 'BIAP', name: 'Receiving facility', kind: 'destination', country: 'IRQ', lat: 33.26, lon: 44.23, capacity: 8000, population: 0, marking: 'C//REL TO IRQ, USA' });
  return {
    store, clock,
    as: (country, roles, over = {}) => contextFor(store.db, {
      userId: null, username: `${country.toLowerCase()}.${roles[0] ?? 'user'}`, agencyId: null, agencyCode: `T-${country}`, country, clearance: 'S', roles, groups: [], ...over,
    }, clock),
    close: () => store.drop(),
  };
}

/** ACLED header and rows (column → value; missing columns blank). */
export const HEADER = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'fatalities', 'notes'];

export function acledCsv(rows: Record<string, string>[], header = HEADER): string {
  const cell = (v: string | undefined) => (v === undefined ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header.join(','), ...rows.map((r) => header.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** A battle near Ghwayran on `date` with `n` fatalities. */
export function battle(id: string, date: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    event_id_cnty: id, event_date: date, event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Unidentified Armed Group (Syria)', actor2: 'SDF',
    country: 'Syria', admin1: 'Al-Hasakeh', admin2: 'Al-Hasakeh', location: 'Ghuwayran - غويران', latitude: '36.48', longitude: '40.73', fatalities: '4', notes: 'attack near the prison',
    ...over,
  };
}
