import type { TScenarioAgency, TScenarioAircraftType } from './scenario.schemas.js';

/**
 * The fixed cast of the reference operation: agencies (fictional but plausible names), the roles and caveat
 * groups their users get, aircraft types, and the places — prisons, camps, the forward staging airfield, the
 * receiving facility near Baghdad International Airport and a refuel point — at approximate public coordinates.
 */

/** An agency before it gets its id. */
export type AgencySeed = Omit<TScenarioAgency, 'type' | 'id'>;

/** The agencies, in the order they are written. */
export const AGENCIES: readonly AgencySeed[] = [
  { code: 'DIPLO', name: 'Bureau of Detention and Transfer Diplomacy', country: 'USA', kind: 'diplomatic' },
  { code: 'INTEL', name: 'Joint Intelligence Liaison Service', country: 'USA', kind: 'intelligence' },
  { code: 'JTF', name: 'Joint Task Force Sallyport', country: 'USA', kind: 'military' },
  { code: 'EMB-BGD', name: 'Embassy Baghdad, Detention Affairs Section', country: 'USA', kind: 'embassy' },
  { code: 'LE-ID', name: 'Federal Identification Response Team', country: 'USA', kind: 'law-enforcement' },
  { code: 'HF', name: 'North-East Security Forces, Detention Directorate', country: 'SYR', kind: 'holding-force' },
  { code: 'IRQ-MOJ', name: 'Ministry of Justice, Directorate of Correctional Affairs', country: 'IRQ', kind: 'justice' },
  { code: 'IRQ-CTS', name: 'Counter-Terrorism Service, Detention Command', country: 'IRQ', kind: 'counter-terrorism' },
  { code: 'HUM-OBS', name: 'Independent Humanitarian Observer Mission', country: 'CHE', kind: 'humanitarian' },
  { code: 'CPA', name: 'Alliance for the Protection of Children in Conflict', country: 'CHE', kind: 'child-protection' },
];

/** The code of the military command that runs the airlift. */
export const MILITARY_CODE = 'JTF';
/** The code of the holding force, custodian of every detainee at the start. */
export const HOLDING_FORCE_CODE = 'HF';
/** The code of the receiving government's service that guards the destination. */
export const RECEIVER_CODE = 'IRQ-CTS';

type Role = 'viewer' | 'registrar' | 'planner' | 'custodian' | 'identity' | 'prosecutor' | 'diplomat' | 'humanitarian' | 'child-protection';

/** The roles each kind of agency's users hold. */
export const ROLES_BY_KIND: Readonly<Record<AgencySeed['kind'], readonly Role[]>> = {
  diplomatic: ['viewer', 'diplomat'],
  intelligence: ['viewer', 'identity'],
  military: ['viewer', 'planner', 'custodian', 'registrar'],
  embassy: ['viewer', 'diplomat'],
  'law-enforcement': ['viewer', 'identity', 'registrar'],
  'holding-force': ['viewer', 'custodian', 'registrar'],
  justice: ['viewer', 'prosecutor'],
  'counter-terrorism': ['viewer', 'custodian', 'identity', 'registrar'],
  humanitarian: ['viewer', 'humanitarian'],
  'child-protection': ['viewer', 'child-protection'],
};

/**
 * The need-to-know groups each kind of agency's users hold. Human-source reporting (HCS) goes only to users
 * cleared SECRET or above; the generator applies that cut.
 */
export const GROUPS_BY_KIND: Readonly<Record<AgencySeed['kind'], readonly ('LES' | 'HCS' | 'CHILD')[]>> = {
  diplomatic: [],
  intelligence: ['LES', 'HCS'],
  military: [],
  embassy: [],
  'law-enforcement': ['LES'],
  'holding-force': [],
  justice: ['LES'],
  'counter-terrorism': ['LES'],
  humanitarian: ['CHILD'],
  'child-protection': ['CHILD'],
};

/** Aircraft types and their share of the fleet. */
export const AIRCRAFT_TYPES: readonly (Omit<TScenarioAircraftType, 'type'> & { share: number; tailPrefix: string })[] = [
  { code: 'CH-47F', category: 'helicopter', seats: 33, speedKmh: 290, rangeKm: 740, loadMin: 20, unloadMin: 15, refuelMin: 25, share: 0.35, tailPrefix: 'H47' },
  { code: 'UH-60M', category: 'helicopter', seats: 11, speedKmh: 280, rangeKm: 590, loadMin: 10, unloadMin: 8, refuelMin: 20, share: 0.3, tailPrefix: 'H60' },
  { code: 'C-130J', category: 'fixed-wing', seats: 90, speedKmh: 600, rangeKm: 3300, loadMin: 40, unloadMin: 30, refuelMin: 45, share: 0.25, tailPrefix: 'C130' },
  { code: 'C-17', category: 'fixed-wing', seats: 100, speedKmh: 830, rangeKm: 4400, loadMin: 45, unloadMin: 35, refuelMin: 60, share: 0.1, tailPrefix: 'C17' },
];

/** A reference place before populations are known. `weight` shares out the detainees among prisons. */
export interface PlaceSeed {
  code: string;
  name: string;
  lat: number;
  lon: number;
  weight: number;
  risk: number;
}

/** The seven reference prisons of north-east Syria. */
export const PRISONS: readonly PlaceSeed[] = [
  { code: 'GHW', name: "Ghwayran (al-Sina'a) prison, Hasakah", lat: 36.472, lon: 40.727, weight: 0.42, risk: 0.38 },
  { code: 'PAN', name: 'Panorama prison, Hasakah', lat: 36.505, lon: 40.745, weight: 0.16, risk: 0.3 },
  { code: 'DRK', name: 'al-Malikiyah (Derik) prison', lat: 37.083, lon: 42.139, weight: 0.08, risk: 0.12 },
  { code: 'QAM', name: 'Qamishli (Alaya) prison', lat: 37.046, lon: 41.226, weight: 0.08, risk: 0.15 },
  { code: 'SHD', name: 'Shaddadi prison', lat: 36.058, lon: 40.733, weight: 0.1, risk: 0.34 },
  { code: 'RQA', name: 'Raqqa central prison', lat: 35.955, lon: 39.012, weight: 0.1, risk: 0.31 },
  { code: 'TBQ', name: 'Tabqa prison', lat: 35.837, lon: 38.548, weight: 0.06, risk: 0.27 },
];

/** Places near which further synthetic prisons go when the scenario asks for more than seven. */
export const EXTRA_SITES: readonly Omit<PlaceSeed, 'code' | 'weight' | 'risk'>[] = [
  { name: 'Tell Tamer', lat: 36.647, lon: 40.372 },
  { name: 'Amuda', lat: 37.104, lon: 40.93 },
  { name: 'Darbasiyah', lat: 37.071, lon: 40.653 },
  { name: 'Ain Issa', lat: 36.385, lon: 38.86 },
  { name: 'Kobani', lat: 36.891, lon: 38.354 },
  { name: 'Manbij', lat: 36.527, lon: 37.955 },
  { name: 'al-Hawl', lat: 36.39, lon: 41.15 },
  { name: 'Markadah', lat: 35.737, lon: 40.776 },
  { name: 'Busayrah', lat: 35.157, lon: 40.43 },
  { name: 'Hajin', lat: 34.694, lon: 40.834 },
  { name: 'Tell Brak', lat: 36.666, lon: 41.058 },
  { name: 'Qahtaniyah', lat: 37.01, lon: 41.698 },
  { name: 'Jawadiyah', lat: 37.012, lon: 41.885 },
  { name: "Ya'rubiyah", lat: 36.81, lon: 42.06 },
  { name: 'Karama', lat: 35.933, lon: 39.35 },
  { name: 'Sheikh Maqsoud', lat: 35.93, lon: 39.75 },
];

/** A place other than a prison, with its fixed capacity and who guards it. */
export interface SiteSeed extends Omit<PlaceSeed, 'weight' | 'risk'> {
  kind: 'camp' | 'staging' | 'destination' | 'refuel';
  country: string;
  capacity: number;
  guardForce: number;
  guardAgency: string | null;
  risk: number;
  share: number;
}

/** The two camps; `share` splits the camp residents between them (35,000 : 2,500). */
export const CAMPS: readonly SiteSeed[] = [
  { code: 'HOL', name: 'al-Hol camp', kind: 'camp', country: 'SYR', lat: 36.374, lon: 41.147, capacity: 40000, guardForce: 1200, guardAgency: HOLDING_FORCE_CODE, risk: 0.32, share: 35000 },
  { code: 'ROJ', name: 'Roj camp', kind: 'camp', country: 'SYR', lat: 36.979, lon: 42.089, capacity: 3000, guardForce: 180, guardAgency: HOLDING_FORCE_CODE, risk: 0.14, share: 2500 },
];

/** The staging airfield, the destination and the refuel point. */
export const HUBS: readonly SiteSeed[] = [
  { code: 'STG-RML', name: 'Rmelan forward staging airfield', kind: 'staging', country: 'SYR', lat: 36.99, lon: 41.95, capacity: 1200, guardForce: 250, guardAgency: MILITARY_CODE, risk: 0.05, share: 0 },
  { code: 'BIAP', name: 'Receiving secure facility, Baghdad International Airport', kind: 'destination', country: 'IRQ', lat: 33.26, lon: 44.23, capacity: 8000, guardForce: 900, guardAgency: RECEIVER_CODE, risk: 0.02, share: 0 },
  { code: 'REF-QW', name: 'Qayyarah West refuel point', kind: 'refuel', country: 'IRQ', lat: 35.767, lon: 43.125, capacity: 0, guardForce: 60, guardAgency: MILITARY_CODE, risk: 0.04, share: 0 },
];
