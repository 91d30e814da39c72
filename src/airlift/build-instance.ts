import { INSTANCE_FORMAT, ZAirliftInstance, type TAirliftInstance, type TNodeKind, type TTier } from './airlift.schemas.js';
import { conditionFields, type SourceCondition } from './condition-sources.js';

/**
 * Turns what the registry holds (facilities with landing zones, the fleet, detainees) into a planning
 * instance. The mapping choices (hazard from collapse risk, crew duty by category, staging and intake figures)
 * are documented in docs/airlift.md.
 */

export interface SourceFacility {
  code: string;
  name: string;
  kind: string;
  status: string;
  lat: number;
  lon: number;
  capacity: number;
  collapseRisk: number;
  landingZones: { slots: number; maxCategory: string }[];
}

export interface SourceAircraftType {
  code: string;
  category: string;
  seats: number;
  speedKmh: number;
  rangeKm: number;
  loadMin: number;
  unloadMin: number;
  refuelMin: number;
}

export interface SourceAircraft {
  tail: string;
  typeCode: string;
  base: string;
  availableFrom: string;
  availableTo: string;
}

export interface SourceDetainee {
  isn: string;
  facility: string;
  riskTier: string;
  keepApart: string[];
  medical: string[];
  /** ISO 3166 alpha-3; written as `x-nationality` (extension rule x-1, docs/airlift.md). */
  nationality?: string | null;
}

/** Everything an instance is built from. */
export interface InstanceSource {
  facilities: SourceFacility[];
  aircraftTypes: SourceAircraftType[];
  aircraft: SourceAircraft[];
  detainees: SourceDetainee[];
}

/** Figures the registry does not hold. Each has the default documented in docs/airlift.md. */
export interface InstanceOptions {
  name?: string;
  /** Time zero; default the earliest aircraft availability. */
  start?: string;
  /** The horizon over which a facility's collapse risk is the probability of breach (default 168 h). */
  riskHorizonHours?: number;
  intakePerHour?: number;
  maxHoldHours?: number;
  dutyHours?: { helicopter: number; 'fixed-wing': number };
  /** Breach hazard per hour by origin code, from the early-warning model (docs/warning.md); collapse risk for the rest. */
  hazards?: ReadonlyMap<string, number>;
  /**
   * Quotas of the signed agreements, and the agreements themselves (as `x-agreements`), see docs/warning.md.
   * Their per-nationality quotas become `x-nationalityQuotas` (docs/airlift.md, Extensions).
   */
  agreements?: {
    quotas: { destination: string; perDay: number }[];
    /** Their conditions become the fields of extension rules x-2 … x-5 and `x-conditionsByHand` (docs/airlift.md, Agreement conditions). */
    agreements: { code: string; destination: string; nationalityQuotas: Record<string, number>; conditions?: SourceCondition[] }[];
  };
}

const KIND: Record<string, TNodeKind | undefined> = { prison: 'origin', camp: 'origin', staging: 'staging', destination: 'destination', refuel: 'refuel' };
const TIER: Record<string, TTier> = { critical: 'HIGH', high: 'HIGH', medium: 'MEDIUM', low: 'LOW' };
const seconds = (iso: string) => `${iso.slice(0, 19)}Z`;

/**
 * Builds a planning instance. Origins are the prisons and camps that hold a detainee in `source` (a caller
 * sees only the detainees it may see, and so plans only those); breached or evacuated sites are left out.
 * @throws ZodError when the result breaks the instance format (a bug, not an input error).
 */
export function buildInstance(source: InstanceSource, opts: InstanceOptions = {}): TAirliftInstance {
  const horizon = opts.riskHorizonHours ?? 168;
  const used = new Set(source.detainees.map((d) => d.facility));
  const nodes = source.facilities.flatMap((f): Record<string, unknown>[] => {
    const kind = KIND[f.kind];
    if (!kind || (kind === 'origin' && !used.has(f.code))) return [];
    const base = { id: f.code, kind, name: f.name, lat: f.lat, lon: f.lon };
    const slots = Math.max(1, f.landingZones.reduce((s, z) => s + z.slots, 0));
    switch (kind) {
      case 'origin':
        return [{ ...base, landingSlots: slots, hazardPerHour: opts.hazards?.get(f.code) ?? -Math.log(1 - Math.min(0.999, f.collapseRisk)) / horizon }];
      case 'staging':
        return [{ ...base, refuel: true, holdingCapacity: f.capacity, maxHoldHours: opts.maxHoldHours ?? 24 }];
      case 'destination':
        return [{ ...base, refuel: true, intakePerHour: opts.intakePerHour ?? 300 }];
      case 'refuel':
        return [{ ...base, refuel: true }];
    }
  });
  const nodeIds = new Set(nodes.map((n) => String(n.id)));
  const duty = opts.dutyHours ?? { helicopter: 8, 'fixed-wing': 12 };
  const aircraftTypes = source.aircraftTypes.map((t) => ({
    id: t.code, seats: t.seats, speedKmh: t.speedKmh, rangeKm: t.rangeKm, loadMinutes: t.loadMin, unloadMinutes: t.unloadMin, refuelMinutes: t.refuelMin,
    canLandAt: (t.category === 'helicopter' ? ['origin', 'staging', 'destination', 'refuel'] : ['staging', 'destination']),
  }));
  const category = new Map(source.aircraftTypes.map((t) => [t.code, t.category === 'helicopter' ? 'helicopter' : 'fixed-wing'] as const));
  const aircraft = source.aircraft.filter((a) => nodeIds.has(a.base) && category.has(a.typeCode)).map((a) => ({
    id: a.tail, type: a.typeCode, base: a.base, availableFrom: seconds(a.availableFrom), availableUntil: seconds(a.availableTo),
    maxFlightHoursPerDay: duty[category.get(a.typeCode) ?? 'helicopter'],
  }));
  const start = opts.start ?? aircraft.map((a) => a.availableFrom).sort()[0] ?? '2026-01-05T06:00:00Z';
  const detainees = source.detainees.filter((d) => nodeIds.has(d.facility)).map((d) => ({
    id: d.isn, site: d.facility, tier: TIER[d.riskTier] ?? 'MEDIUM', keepApart: [...new Set(d.keepApart)], medical: d.medical.length > 0,
    ...(d.nationality ? { 'x-nationality': d.nationality } : {}),
  }));
  const nationalityQuotas = (opts.agreements?.agreements ?? []).filter((a) => nodeIds.has(a.destination)).flatMap((a) =>
    Object.entries(a.nationalityQuotas).map(([nationality, perDay]) => ({ destination: a.destination, nationality, perDay, agreement: a.code })));
  return ZAirliftInstance.parse({
    format: INSTANCE_FORMAT, name: opts.name ?? 'Sallyport scenario', start: seconds(start), nodes, aircraftTypes, aircraft,
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 8, medicSeats: 1, lossWeight: { HIGH: 3, MEDIUM: 1, LOW: 1 } },
    detainees, quotas: (opts.agreements?.quotas ?? []).filter((q) => nodeIds.has(q.destination)),
    ...(opts.agreements?.agreements.length ? { 'x-agreements': opts.agreements.agreements } : {}),
    ...(nationalityQuotas.length > 0 ? { 'x-nationalityQuotas': nationalityQuotas } : {}),
    ...conditionFields(opts.agreements?.agreements ?? [], nodes.filter((n) => n.kind === 'destination').map((n) => ({ id: String(n.id), lat: Number(n.lat), lon: Number(n.lon) })), { start: seconds(start), until: aircraft.map((a) => a.availableUntil).sort().pop() ?? seconds(start) }),
  });
}
