import { bannerOf, formatMarking, parseMarking } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { applyEvent, type CustodyState } from './chain.js';
import type { TPlaceHistory } from './custody.schemas.js';
import { eventOfLeaf } from './history.js';
import { entriesInScope } from './log.store.js';

/** One replay of the log in scope, counting day by day how many detainees it places at each of `places`. */
async function replayPlaces(ctx: Ctx, places: readonly string[]): Promise<{ histories: TPlaceHistory[]; entries: number }> {
  const scope = await scopeFor(ctx.db, ctx.principal);
  const entries = await entriesInScope(ctx.db, scope);
  const wanted = new Map(places.map((p) => [p, { count: 0, counted: new Set<number>(), points: [] as TPlaceHistory['points'] }]));
  const states = new Map<string, CustodyState>();
  for (const e of entries) {
    const before = states.get(e.detaineeId) ?? null;
    const applied = applyEvent(before, eventOfLeaf(e.leafData, e.idx));
    const after = 'state' in applied ? applied.state : null;
    states.set(e.detaineeId, after);
    if (before?.place === after?.place) continue;
    const day = e.time.slice(0, 10);
    for (const [place, delta] of [[before?.place, -1], [after?.place, 1]] as const) {
      const acc = place === undefined ? undefined : wanted.get(place);
      if (!acc) continue;
      acc.count += delta;
      if (delta > 0) acc.counted.add(e.markingId);
      if (acc.points.at(-1)?.day === day) acc.points.at(-1)!.count = acc.count;
      else acc.points.push({ day, count: acc.count });
    }
  }
  const texts = await markingTexts(ctx.db, [...wanted.values()].flatMap((w) => [...w.counted]));
  const histories = [...wanted].map(([place, w]) => ({
    place, points: w.points, marking: formatMarking(bannerOf([...w.counted].map((id) => parseMarking(texts.get(id) ?? 'U')))),
  }));
  return { histories, entries: entries.length };
}

/**
 * The population of one place (facility code or aircraft tail) over time, replayed from the custody log:
 * for each day with a logged event, how many detainees the log places there at the end of that day. Only
 * detainees the caller may see are counted, and the answer carries the banner of their records. Requires
 * `custody:read`. A detainee whose logged chain breaks stops being counted from the break on (`custody
 * verify` names such breaks).
 */
export async function placeHistory(ctx: Ctx, place: string): Promise<TPlaceHistory> {
  requirePermission(ctx.principal, 'custody:read');
  const { histories, entries } = await replayPlaces(ctx, [place]);
  await ctx.audit.record(ctx.db, { action: 'custody.place-history', subjectType: 'place', subjectId: place, details: { entries } });
  return histories[0]!;
}

/** The histories of several places from one replay of the log (as `placeHistory` gives each), in the order asked. */
export async function placeHistories(ctx: Ctx, places: readonly string[]): Promise<TPlaceHistory[]> {
  requirePermission(ctx.principal, 'custody:read');
  const { histories, entries } = await replayPlaces(ctx, [...new Set(places)]);
  await ctx.audit.record(ctx.db, { action: 'custody.place-history', subjectType: 'place', details: { places: [...new Set(places)], entries } });
  return histories;
}
