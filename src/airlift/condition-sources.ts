import { getPosition, getTimes } from 'suncalc';
import type { TArrivalWindows, TConditionByHand, TManifestNotice, TWindow } from './conditions.schemas.js';

/**
 * The instance fields of extension rules x-2 … x-5 derived from the conditions of signed agreements
 * (docs/airlift.md, "Agreement conditions"): daylight from the sun at the destination, the observer's and the
 * screening hours from the condition's wording (or a stated default), the notice from its value. Anything not
 * machine-checkable goes to `x-conditionsByHand`, never dropped.
 */

/** An agreement condition as the agreements module records it. */
export interface SourceCondition {
  kind: string;
  text: string;
  value?: number | undefined;
}

/** A signed agreement's code, receiving facility and conditions. */
export interface SourceAgreementConditions {
  code: string;
  destination: string;
  conditions?: readonly SourceCondition[];
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Days of windows written at most (the planner's own horizon is 90 days). */
const MAX_DAYS = 92;
/** The observer's daily hours when the condition states none, at the destination's nominal local time. */
export const DEFAULT_OBSERVER_HOURS: readonly [number, number] = [6, 18];
/** Medical screening hours when the condition states none, at the destination's nominal local time. */
export const DEFAULT_SCREENING_HOURS: readonly [number, number] = [8, 20];

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Sunrise to sunset at (lat, lon) for each UTC day in `[firstDay, lastDay]` (days since the epoch). */
export function daylightWindows(lat: number, lon: number, firstDay: number, lastDay: number): TWindow[] {
  const out: TWindow[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const noon = new Date(day * DAY_MS + 12 * HOUR_MS - (lon / 15) * HOUR_MS);
    const t = getTimes(noon, lat, lon);
    const rise = t.sunrise?.getTime();
    const set = t.sunset?.getTime();
    if (rise !== undefined && set !== undefined && Number.isFinite(rise) && Number.isFinite(set) && set > rise) {
      // Whole seconds inside the sun's window.
      out.push({ from: iso(Math.ceil(rise / 1000) * 1000), until: iso(Math.floor(set / 1000) * 1000) });
    } else if (getPosition(noon, lat, lon).altitude > 0) {
      // Polar day: the sun never sets.
      out.push({ from: iso(day * DAY_MS), until: iso((day + 1) * DAY_MS) });
    }
  }
  return out;
}

/**
 * Daily hours stated in a condition's wording: every `HH:MM-HH:MM` (also `–`, `to`, `and`, `HHhMM`), in UTC
 * unless the wording says "local" (then at the destination's nominal local time, UTC + round(lon / 15) h).
 * An end at or before the start runs past midnight. Empty when none is stated.
 */
export function statedHours(text: string): { spans: [number, number][]; local: boolean } {
  const spans: [number, number][] = [];
  const re = /\b(\d{1,2})[:.h](\d{2})\s*(?:-|–|—|to|and|until)\s*(\d{1,2})[:.h](\d{2})\b/gi;
  for (const m of text.matchAll(re)) {
    const a = Number(m[1]) + Number(m[2]) / 60;
    const b = Number(m[3]) + Number(m[4]) / 60;
    if (a <= 24 && b <= 24) spans.push([a, b]);
  }
  return { spans, local: /\blocal\b/i.test(text) };
}

/** Daily hours (local offset `offsetH`) as windows over each UTC day in `[firstDay, lastDay]`. */
export function dailyWindows(spans: readonly (readonly [number, number])[], offsetH: number, firstDay: number, lastDay: number): TWindow[] {
  const out: { from: number; until: number }[] = [];
  for (let day = firstDay - 1; day <= lastDay + 1; day++) {
    for (const [a, b] of spans) {
      const from = day * DAY_MS + (a - offsetH) * HOUR_MS;
      const until = day * DAY_MS + ((b > a ? b : b + 24) - offsetH) * HOUR_MS;
      if (until > firstDay * DAY_MS && from < (lastDay + 1) * DAY_MS) out.push({ from, until });
    }
  }
  return out.sort((x, y) => x.from - y.from).map((w) => ({ from: iso(w.from), until: iso(w.until) }));
}

/** Hours of notice: the condition's value, else a number of hours in its wording. */
function noticeHours(c: SourceCondition): number | null {
  if (c.value !== undefined) return c.value;
  const m = /(\d+(?:\.\d+)?)\s*(?:h\b|hours?\b)/i.exec(c.text);
  return m ? Number(m[1]) : null;
}

/** The x- fields an instance gets from these agreements' conditions (only those that are non-empty). */
export interface ConditionFields {
  'x-daylightWindows'?: TArrivalWindows[];
  'x-observerWindows'?: TArrivalWindows[];
  'x-screeningWindows'?: TArrivalWindows[];
  'x-manifestNotice'?: TManifestNotice[];
  'x-conditionsByHand'?: TConditionByHand[];
}

/**
 * The condition fields of an instance from the conditions of `agreements` (signed, in force at the start:
 * the caller chooses them), for the destinations in `destinations`, with windows covering every UTC day from
 * the day before `start` to the day after `until` (at most 92 days).
 */
export function conditionFields(
  agreements: readonly SourceAgreementConditions[],
  destinations: readonly { id: string; lat: number; lon: number }[],
  span: { start: string; until: string },
): ConditionFields {
  const firstDay = Math.floor(Date.parse(span.start) / DAY_MS) - 1;
  const lastDay = Math.min(firstDay + MAX_DAYS - 1, Math.floor(Date.parse(span.until) / DAY_MS) + 1);
  const byId = new Map(destinations.map((d) => [d.id, d]));
  const daylight: TArrivalWindows[] = [];
  const observer: TArrivalWindows[] = [];
  const screening: TArrivalWindows[] = [];
  const notice: TManifestNotice[] = [];
  const byHand: TConditionByHand[] = [];
  for (const a of agreements) {
    const dest = byId.get(a.destination);
    if (!dest) continue;
    const base = { destination: dest.id, agreement: a.code };
    const offset = Math.round(dest.lon / 15);
    const hours = (c: SourceCondition, dflt: readonly [number, number]) => {
      const stated = statedHours(c.text);
      return stated.spans.length > 0 ? dailyWindows(stated.spans, stated.local ? offset : 0, firstDay, lastDay) : dailyWindows([dflt], offset, firstDay, lastDay);
    };
    for (const c of a.conditions ?? []) {
      switch (c.kind) {
        case 'daylight-arrivals':
          daylight.push({ ...base, windows: daylightWindows(dest.lat, dest.lon, firstDay, lastDay), text: c.text });
          break;
        case 'observer-present':
          observer.push({ ...base, windows: hours(c, DEFAULT_OBSERVER_HOURS), text: c.text });
          break;
        case 'medical-screening':
          screening.push({ ...base, windows: hours(c, DEFAULT_SCREENING_HOURS), text: c.text });
          break;
        case 'manifest-notice-hours': {
          const h = noticeHours(c);
          if (h === null) byHand.push({ ...base, kind: c.kind, text: c.text, reason: 'no number of hours given' });
          else notice.push({ ...base, hours: h, text: c.text });
          break;
        }
        default:
          byHand.push({ ...base, kind: c.kind, text: c.text, reason: 'not machine-checkable' });
      }
    }
  }
  return {
    ...(daylight.length > 0 ? { 'x-daylightWindows': daylight } : {}),
    ...(observer.length > 0 ? { 'x-observerWindows': observer } : {}),
    ...(screening.length > 0 ? { 'x-screeningWindows': screening } : {}),
    ...(notice.length > 0 ? { 'x-manifestNotice': notice } : {}),
    ...(byHand.length > 0 ? { 'x-conditionsByHand': byHand } : {}),
  };
}
