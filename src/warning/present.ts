import { z } from 'zod';
import { readStored, readStoredJson } from '../kernel/index.js';
import type { Assessment } from './assess.js';
import { bannerText } from './assess.js';
import type { AlertRow } from './alert.store.js';
import type { EventRow } from './event.store.js';
import type { IndicatorRow } from './indicator.store.js';
import { levelOf } from './model.js';
import { AREA_CONTROL, ZRiskFactor, type TAlert, type TConflictEvent, type TFacilityRisk, type TIndicator } from './warning.schemas.js';

/** Rows and assessments → what the caller sees. JSON read back from the store is re-validated. */

const ZFactors = z.array(ZRiskFactor);
const ZControl = z.enum(AREA_CONTROL).nullable();

export function presentEvent(e: EventRow): TConflictEvent {
  return {
    id: e.id, sourceId: e.source_id, eventDate: e.event_date, eventType: e.event_type, subEventType: e.sub_event_type, actor1: e.actor1, actor2: e.actor2,
    country: e.country, admin1: e.admin1, admin2: e.admin2, admin3: e.admin3, location: e.location, latitude: e.lat, longitude: e.lon,
    fatalities: e.fatalities, notes: e.notes, origin: e.origin, marking: e.marking_text,
  };
}

export function presentIndicator(r: IndicatorRow, code: string): TIndicator {
  return {
    id: r.id, facility: code, observedAt: r.observed_at, guardStrength: r.guard_strength, population: r.population, capacity: r.capacity,
    daysSinceResupply: r.days_since_resupply, riots: r.riots, escapeAttempts: r.escape_attempts, guardDesertions: r.guard_desertions,
    areaControl: readStored(ZControl, r.area_control, `indicator ${r.id} area_control`), note: r.note, marking: r.marking_text,
  };
}

export function presentAlert(a: AlertRow): TAlert {
  return {
    id: a.id, facility: a.code, facilityName: a.name, level: a.level === 'critical' ? 'critical' : 'warning', asOf: a.as_of, raisedAt: a.raised_at,
    p7: a.p7, p30: a.p30, hazardPerHour: a.hazard_per_hour, threshold: a.threshold, factors: readStoredJson(ZFactors, a.factors, `alert ${a.id} factors`),
    status: a.status === 'acknowledged' ? 'acknowledged' : 'open', acknowledgedBy: a.acknowledged_by, acknowledgedAt: a.acknowledged_at, note: a.ack_note,
    marking: a.marking_text,
  };
}

export function presentRisk(a: Assessment, openAlerts: number): TFacilityRisk {
  return {
    facility: a.site.code, name: a.site.name, kind: a.site.kind, asOf: new Date(a.atMs).toISOString(), hazardPerHour: a.hazardPerHour, p7: a.p7, p30: a.p30,
    level: a.breachedAt ? 'breached' : levelOf(a.p7), breachedAt: a.breachedAt, factors: a.factors,
    inputs: { events: a.events, observations: a.observations, latestData: a.latestData }, openAlerts, marking: bannerText(a.markings),
  };
}
