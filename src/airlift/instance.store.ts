import { z } from 'zod';
import { readStoredJson } from '../kernel/index.js';
import type { Scope } from '../access/index.js';
import type { Db } from '../store/index.js';
import type { InstanceSource } from './build-instance.js';

/** Reads what an instance is built from, every marked row filtered by the caller's scope in the query. */

const ZList = z.array(z.string());
const list = (text: string) => readStoredJson(ZList, text, 'airlift instance list column');

export async function readInstanceSource(db: Db, scope: Scope): Promise<InstanceSource> {
  const facilities = await db.selectFrom('facilities').selectAll().where('marking_id', 'in', scope.markingIds).orderBy('code').execute();
  const zones = facilities.length === 0 ? [] : await db.selectFrom('landing_zones').select(['facility_id', 'slots', 'max_category']).where('facility_id', 'in', facilities.map((f) => f.id)).execute();
  const types = await db.selectFrom('aircraft_types').selectAll().orderBy('code').execute();
  const aircraft = await db.selectFrom('aircraft as a').leftJoin('facilities as f', 'f.id', 'a.base_facility_id').select(['a.tail', 'a.type_code', 'f.code as base', 'a.available_from', 'a.available_to']).orderBy('a.tail').execute();
  const detainees = await db
    .selectFrom('detainees as d')
    .innerJoin('facilities as f', 'f.id', 'd.facility_id')
    .select(['d.isn', 'f.code as facility', 'd.risk_tier', 'd.keep_apart', 'd.medical', 'd.nationality'])
    .where('d.marking_id', 'in', scope.markingIds)
    .where('f.marking_id', 'in', scope.markingIds)
    .where('d.status', '=', 'held')
    .where('f.status', 'not in', ['breached', 'evacuated', 'closed'])
    .orderBy('d.isn')
    .execute();
  return {
    facilities: facilities.map((f) => ({
      code: f.code, name: f.name, kind: f.kind, status: f.status, lat: f.lat, lon: f.lon, capacity: f.capacity, collapseRisk: f.collapse_risk,
      landingZones: zones.filter((z) => z.facility_id === f.id).map((z) => ({ slots: z.slots, maxCategory: z.max_category })),
    })),
    aircraftTypes: types.map((t) => ({
      code: t.code, category: t.category, seats: t.seats, speedKmh: t.speed_kmh, rangeKm: t.range_km, loadMin: t.load_min, unloadMin: t.unload_min, refuelMin: t.refuel_min,
    })),
    aircraft: aircraft.flatMap((a) => (a.base ? [{ tail: a.tail, typeCode: a.type_code, base: a.base, availableFrom: a.available_from, availableTo: a.available_to }] : [])),
    detainees: detainees.map((d) => ({ isn: d.isn, facility: d.facility, riskTier: d.risk_tier, keepApart: list(d.keep_apart), medical: list(d.medical), nationality: d.nationality })),
  };
}
