import { z } from 'zod';
import { ZAirliftId, ZAirliftTime, type TAirliftInstance } from './airlift.schemas.js';

/**
 * The instance fields of extension rules x-2 … x-5 (the conditions of signed agreements, docs/airlift.md,
 * "Agreement conditions") and `x-conditionsByHand`, with their readers and a summary for people.
 * Browser-safe (the plan page imports it).
 */

/** A closed time interval `[from, until]`. */
export const ZWindow = z.strictObject({ from: ZAirliftTime, until: ZAirliftTime });
export type TWindow = z.infer<typeof ZWindow>;

/** Arrival windows at one destination set by one condition; outside every listed window, no arrival. */
export const ZArrivalWindows = z.strictObject({
  destination: ZAirliftId,
  windows: z.array(ZWindow),
  /** The agreement that sets it, when known. */
  agreement: z.string().optional(),
  /** The condition's wording, for people. */
  text: z.string().optional(),
});
export type TArrivalWindows = z.infer<typeof ZArrivalWindows>;

/** Hours of notice the receiving party gets of each ride's manifest before it departs towards `destination`. */
export const ZManifestNotice = z.strictObject({ destination: ZAirliftId, hours: z.number().min(0), agreement: z.string().optional(), text: z.string().optional() });
export type TManifestNotice = z.infer<typeof ZManifestNotice>;

/** A condition no program checks: shown to people as "to check by hand". */
export const ZConditionByHand = z.strictObject({
  destination: ZAirliftId.optional(), agreement: z.string().optional(), kind: z.string(), text: z.string(),
  /** Why it is here and not in a rule (e.g. "not machine-checkable"). */
  reason: z.string().optional(),
});
export type TConditionByHand = z.infer<typeof ZConditionByHand>;

/** The machine-checkable condition rules: their field, rule id and the agreement condition kind they come from. */
export const CONDITION_RULES = [
  { rule: 'x-2', field: 'x-daylightWindows', kind: 'daylight-arrivals' },
  { rule: 'x-3', field: 'x-observerWindows', kind: 'observer-present' },
  { rule: 'x-4', field: 'x-manifestNotice', kind: 'manifest-notice-hours' },
  { rule: 'x-5', field: 'x-screeningWindows', kind: 'medical-screening' },
] as const;
export type TConditionRule = (typeof CONDITION_RULES)[number];
export type TWindowField = 'x-daylightWindows' | 'x-observerWindows' | 'x-screeningWindows';
export const WINDOW_RULES = CONDITION_RULES.filter((r): r is Extract<TConditionRule, { field: TWindowField }> => r.field !== 'x-manifestNotice');

function listOf<T extends z.ZodType>(instance: TAirliftInstance, field: string, item: T): z.infer<T>[] {
  const raw = instance[field];
  if (raw === undefined) return [];
  const parsed = z.array(item).safeParse(raw);
  return parsed.success ? (parsed.data) : [];
}

/** Everything the instance carries of agreement conditions (malformed fields give nothing; the checker reports them). */
export interface Conditions {
  windows: Record<TWindowField, TArrivalWindows[]>;
  notice: TManifestNotice[];
  byHand: TConditionByHand[];
}

/** The instance's agreement conditions. */
export function conditionsOf(instance: TAirliftInstance): Conditions {
  return {
    windows: {
      'x-daylightWindows': listOf(instance, 'x-daylightWindows', ZArrivalWindows),
      'x-observerWindows': listOf(instance, 'x-observerWindows', ZArrivalWindows),
      'x-screeningWindows': listOf(instance, 'x-screeningWindows', ZArrivalWindows),
    },
    notice: listOf(instance, 'x-manifestNotice', ZManifestNotice),
    byHand: listOf(instance, 'x-conditionsByHand', ZConditionByHand),
  };
}

/** True when the instance has any machine-checkable condition. */
export function hasConditions(c: Conditions): boolean {
  return c.notice.length > 0 || WINDOW_RULES.some((r) => c.windows[r.field].length > 0);
}


/** One active condition, as people read it: the rule, the destination, the agreement and what it asks. */
export interface TConditionLine {
  rule: string;
  kind: string;
  destination: string;
  agreement: string | undefined;
  /** e.g. "arrivals 03:00–15:00 UTC (92 windows, 2026-01-04 … 2026-04-05)" or "12 h notice before departure". */
  summary: string;
  text: string | undefined;
}

const hhmm = (iso: string) => iso.slice(11, 16);

/** What each window list asks, in a line: the first window's hours and the span of days the list covers. */
function windowsSummary(e: TArrivalWindows): string {
  const [first] = e.windows;
  const last = e.windows[e.windows.length - 1];
  if (!first || !last) return 'no arrival allowed (no window)';
  const who = `${e.windows.length} window${e.windows.length === 1 ? '' : 's'}, ${first.from.slice(0, 10)} … ${last.until.slice(0, 10)}`;
  return `arrivals ${hhmm(first.from)}–${hhmm(first.until)} UTC on the first day (${who})`;
}

/** The instance's active conditions (rules x-2 … x-5) and those to check by hand, for a report or a page. */
export function describeConditions(instance: TAirliftInstance): { rules: TConditionLine[]; byHand: TConditionByHand[] } {
  const c = conditionsOf(instance);
  const rules: TConditionLine[] = [];
  for (const r of WINDOW_RULES) {
    for (const e of c.windows[r.field]) rules.push({ rule: r.rule, kind: r.kind, destination: e.destination, agreement: e.agreement, summary: `${r.field === 'x-screeningWindows' ? 'medical cases: ' : ''}${windowsSummary(e)}`, text: e.text });
  }
  for (const n of c.notice) rules.push({ rule: 'x-4', kind: 'manifest-notice-hours', destination: n.destination, agreement: n.agreement, summary: `rides depart ≥ ${n.hours} h after the start (manifest notice)`, text: n.text });
  rules.sort((a, b) => a.rule.localeCompare(b.rule) || a.destination.localeCompare(b.destination));
  return { rules, byHand: c.byHand };
}
