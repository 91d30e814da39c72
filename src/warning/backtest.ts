import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { assess, bannerText, gatherInputs } from './assess.js';
import { selectBreaches } from './site.store.js';
import { ZBacktestQuery, type TBacktest } from './warning.schemas.js';

/**
 * The back-test: replays the model over the history in the store (what the caller may see) and scores it
 * against the breaches that happened. From a week after the first record to the last breach, at every step:
 * the Brier score of each standing site's P(breach within 7 days) against whether it fell within the next 7
 * days; and, before the first fall, whether the model ranked the site that fell first highest.
 */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Runs the back-test. Requires `warning:read`. Audited. */
export async function backtest(ctx: Ctx, raw: { stepHours?: number } = {}): Promise<TBacktest> {
  requirePermission(ctx.principal, 'warning:read');
  const q = ZBacktestQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const breaches = await selectBreaches(ctx.db, scope);
  const nowMs = ctx.clock.now().getTime();
  const inputs = await gatherInputs(ctx.db, scope, { fromMs: 0, toMs: nowMs });
  const codeOf = new Map(inputs.sites.map((s) => [s.site.id, s.site.code]));
  const fallen = breaches.filter((b) => codeOf.has(b.facility_id));
  const out: TBacktest = {
    firstFallen: null, firstFallAt: null, rankedFirst: 0, rankedOf: 0, rankedFirstRate: null, rankedFirstLast14Days: 0, rankedOfLast14Days: 0, brier: null, brierBaseRate: null, forecasts: 0,
    breaches: fallen.map((b) => ({ facility: codeOf.get(b.facility_id)!, at: b.at })), marking: bannerText(fallen.map((b) => b.marking_text)),
  };
  const times = inputs.sites.flatMap((s) => [...s.events.map((e) => e.at), ...s.observations.map((o) => o.at)]);
  if (fallen.length === 0 || times.length === 0) return out;
  const first = fallen[0]!;
  const firstMs = Date.parse(first.at);
  const start = times.reduce((a, b) => Math.min(a, b), Infinity) + WEEK_MS;
  const end = Math.max(...fallen.map((b) => Date.parse(b.at)));
  const fallAt = new Map(fallen.map((b) => [b.facility_id, Date.parse(b.at)]));
  const markings = new Set<string>(fallen.map((b) => b.marking_text));
  let sq = 0;
  let outcomes = 0;
  for (let t = start; t < end; t += q.stepHours * 3_600_000) {
    const standing = inputs.sites.filter((s) => (fallAt.get(s.site.id) ?? Infinity) > t).map((s) => assess(s, t));
    for (const a of standing) {
      a.markings.forEach((m) => markings.add(m));
      const fell = (fallAt.get(a.site.id) ?? Infinity) <= t + WEEK_MS ? 1 : 0;
      sq += (a.p7 - fell) ** 2;
      outcomes += fell;
      out.forecasts++;
    }
    if (t < firstMs && standing.length > 0) {
      const top = standing.reduce((best, a) => (a.p7 > best.p7 ? a : best));
      const hit = top.site.id === first.facility_id ? 1 : 0;
      out.rankedOf++;
      out.rankedFirst += hit;
      if (firstMs - t <= 2 * WEEK_MS) {
        out.rankedOfLast14Days++;
        out.rankedFirstLast14Days += hit;
      }
    }
  }
  if (out.forecasts > 0) {
    const rate = outcomes / out.forecasts;
    out.brier = sq / out.forecasts;
    out.brierBaseRate = rate * (1 - rate);
  }
  out.firstFallen = codeOf.get(first.facility_id)!;
  out.firstFallAt = first.at;
  out.rankedFirstRate = out.rankedOf > 0 ? out.rankedFirst / out.rankedOf : null;
  out.marking = bannerText(markings);
  await ctx.audit.record(ctx.db, { action: 'warning.backtest', subjectType: 'facility', details: { forecasts: out.forecasts, brier: out.brier } });
  return out;
}
