import { DomainError, canSee, levelRank, parseMarking } from '../kernel/index.js';
import { internMarking, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { WarningErrors } from './warning.errors.js';

/**
 * The marking an author gives a record: parsed, and no higher than they may see themselves (a record its author
 * could not read back would be lost to them), interned with the author's country as originator.
 * @throws DomainError INVALID_INPUT (malformed text), WARNING_MARKING_ABOVE_CALLER.
 */
export async function authorMarking(ctx: Ctx, db: Db, text: string, field = 'marking'): Promise<number> {
  const m = parseMarking(text, field);
  const p = ctx.principal;
  if (levelRank(m.level) > levelRank(p.clearance) || !canSee({ clearance: p.clearance, country: p.country, groups: p.groups }, m, p.country)) {
    throw new DomainError('invalid', WarningErrors.WARNING_MARKING_ABOVE_CALLER, `${field}: ${text} is above what you may see`, { field, reason: 'marking above the author\'s clearance, country or groups' });
  }
  return internMarking(db, m, p.country);
}

/** `authorMarking` with a cache for imports, where a few markings recur on many rows. */
export function markingCache(ctx: Ctx, db: Db): (text: string, field?: string) => Promise<number> {
  const known = new Map<string, number>();
  return async (text, field) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const id = await authorMarking(ctx, db, text, field);
    known.set(text, id);
    return id;
  };
}
