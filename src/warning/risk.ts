import { notFound } from '../kernel/index.js';
import { can, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { selectAlerts } from './alert.store.js';
import { assess, bannerText, gatherInputs } from './assess.js';
import { MODEL_VERSION, THRESHOLDS } from './model.js';
import { presentRisk } from './present.js';
import {
  ZRiskHistoryQuery, ZRiskQuery, type TFacilityRisk, type TRiskBoard, type TRiskHistory, type TRiskHistoryQuery, type TRiskQuery,
} from './warning.schemas.js';

/**
 * The risk board, one site's risk and its history, and the hazards the airlift planner uses. Each figure is
 * computed for the caller from the records they may see, and carries the banner of those records.
 */

const DAY_MS = 86_400_000;

function instant(iso: string | undefined, fallback: number): number {
  return iso === undefined ? fallback : Date.parse(iso);
}

async function openAlertCounts(ctx: Ctx, scope: Awaited<ReturnType<typeof scopeFor>>): Promise<Map<string, number>> {
  const open = await selectAlerts(ctx.db, scope, { status: 'open' });
  const counts = new Map<string, number>();
  for (const a of open) counts.set(a.facility_id, (counts.get(a.facility_id) ?? 0) + 1);
  return counts;
}

/** Every prison and camp the caller may see, riskiest first, as of `asOf` (default now). Requires `warning:read`. Audited. */
export async function riskBoard(ctx: Ctx, raw: TRiskQuery = {}): Promise<TRiskBoard> {
  requirePermission(ctx.principal, 'warning:read');
  const q = ZRiskQuery.parse(raw);
  const atMs = instant(q.asOf, ctx.clock.now().getTime());
  const scope = await scopeFor(ctx.db, ctx.principal);
  const inputs = await gatherInputs(ctx.db, scope, { fromMs: atMs, toMs: atMs });
  const open = await openAlertCounts(ctx, scope);
  const items = inputs.sites.map((s) => presentRisk(assess(s, atMs), open.get(s.site.id) ?? 0))
    .sort((a, b) => Number(b.level !== 'breached') - Number(a.level !== 'breached') || b.p7 - a.p7 || a.facility.localeCompare(b.facility));
  await ctx.audit.record(ctx.db, { action: 'warning.risk.board', subjectType: 'facility', details: { asOf: new Date(atMs).toISOString(), facilities: items.map((i) => i.facility) } });
  return { asOf: new Date(atMs).toISOString(), model: MODEL_VERSION, thresholds: { ...THRESHOLDS }, items, marking: bannerText(items.map((i) => i.marking)) };
}

/** One site's risk with its factors. Requires `warning:read`. @throws DomainError NOT_FOUND (absent, unseen, not a prison or camp). */
export async function facilityRisk(ctx: Ctx, code: string, raw: TRiskQuery = {}): Promise<TFacilityRisk> {
  requirePermission(ctx.principal, 'warning:read');
  const q = ZRiskQuery.parse(raw);
  const atMs = instant(q.asOf, ctx.clock.now().getTime());
  const scope = await scopeFor(ctx.db, ctx.principal);
  const [s] = (await gatherInputs(ctx.db, scope, { fromMs: atMs, toMs: atMs, only: code })).sites;
  if (!s) throw notFound('facility', code);
  const open = await openAlertCounts(ctx, scope);
  await ctx.audit.record(ctx.db, { action: 'warning.risk.read', subjectType: 'facility', subjectId: s.site.id });
  return presentRisk(assess(s, atMs), open.get(s.site.id) ?? 0);
}

/**
 * A site's risk at every step (default daily) from `from` to `to` (default the 60 days to now), with its alerts
 * and its breach. Requires `warning:read`. @throws DomainError NOT_FOUND.
 */
export async function riskHistory(ctx: Ctx, code: string, raw: TRiskHistoryQuery = {}): Promise<TRiskHistory> {
  requirePermission(ctx.principal, 'warning:read');
  const q = ZRiskHistoryQuery.parse(raw);
  const toMs = instant(q.to, ctx.clock.now().getTime());
  const fromMs = Math.min(toMs, instant(q.from, toMs - 60 * DAY_MS));
  const stepMs = q.stepHours * 3_600_000;
  // A bounded number of points, however wide the range asked for.
  const step = Math.max(stepMs, Math.ceil((toMs - fromMs) / 2000));
  const scope = await scopeFor(ctx.db, ctx.principal);
  const [s] = (await gatherInputs(ctx.db, scope, { fromMs, toMs, only: code })).sites;
  if (!s) throw notFound('facility', code);
  const markings = new Set<string>();
  const points: TRiskHistory['points'] = [];
  for (let t = fromMs; t <= toMs; t += step) {
    const a = assess(s, t);
    a.markings.forEach((m) => markings.add(m));
    points.push({ at: new Date(t).toISOString(), p7: a.breachedAt ? 1 : a.p7, p30: a.breachedAt ? 1 : a.p30, hazardPerHour: a.hazardPerHour });
  }
  const alerts = await selectAlerts(ctx.db, scope, { facilityId: s.site.id, since: new Date(fromMs - 1).toISOString(), until: new Date(toMs).toISOString() });
  alerts.forEach((a) => markings.add(a.marking_text));
  await ctx.audit.record(ctx.db, { action: 'warning.risk.history', subjectType: 'facility', subjectId: s.site.id });
  return {
    facility: s.site.code, points, alerts: alerts.map((a) => ({ id: a.id, level: a.level, asOf: a.as_of })).reverse(),
    breachedAt: s.breach?.at ?? null, marking: bannerText(markings),
  };
}

/**
 * Each visible site's hazard per hour at `atIso`, for the airlift planner's instance (sites that fell are left
 * out), for sites with at least one event or observation the caller may see. Empty without `warning:read`.
 */
export async function planningHazards(ctx: Ctx, atIso: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!can(ctx.principal, 'warning:read')) return out;
  const atMs = Date.parse(atIso);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const inputs = await gatherInputs(ctx.db, scope, { fromMs: atMs, toMs: atMs });
  for (const s of inputs.sites) {
    const a = assess(s, atMs);
    // Only sites the model has data on: elsewhere the registry's collapse risk stands.
    if (!a.breachedAt && a.events + a.observations > 0) out.set(s.site.code, a.hazardPerHour);
  }
  return out;
}
