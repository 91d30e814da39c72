import { bannerOf, formatMarking, parseMarking } from '../kernel/index.js';
import { markingTexts, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { applyEvent, type CustodyState } from './chain.js';
import type { TPlaceHistory } from './custody.schemas.js';
import { eventOfLeaf } from './history.js';
import { entriesInScope } from './log.store.js';

/**
 * The population of one place (facility code or aircraft tail) over time, replayed from the custody log:
 * for each day with a logged event, how many detainees the log places there at the end of that day. Only
 * detainees the caller may see are counted, and the answer carries the banner of their records. Requires
 * `custody:read`. A detainee whose logged chain breaks stops being counted from the break on (`custody
 * verify` names such breaks).
 */
export async function placeHistory(ctx: Ctx, place: string): Promise<TPlaceHistory> {
  requirePermission(ctx.principal, 'custody:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const entries = await entriesInScope(ctx.db, scope);
  const states = new Map<string, CustodyState>();
  const counted = new Set<number>();
  const points: TPlaceHistory['points'] = [];
  let count = 0;
  for (const e of entries) {
    const before = states.get(e.detaineeId) ?? null;
    const applied = applyEvent(before, eventOfLeaf(e.leafData, e.idx));
    const after = 'state' in applied ? applied.state : null;
    states.set(e.detaineeId, after);
    const was = before?.place === place;
    const is = after?.place === place;
    if (was === is) continue;
    count += is ? 1 : -1;
    if (is) counted.add(e.markingId);
    const day = e.time.slice(0, 10);
    if (points.at(-1)?.day === day) points.at(-1)!.count = count;
    else points.push({ day, count });
  }
  const texts = await markingTexts(ctx.db, [...counted]);
  const marking = formatMarking(bannerOf([...counted].map((id) => parseMarking(texts.get(id) ?? 'U'))));
  await ctx.audit.record(ctx.db, { action: 'custody.place-history', subjectType: 'place', subjectId: place, details: { entries: entries.length } });
  return { place, points, marking };
}
