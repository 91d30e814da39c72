import { requirePermission, scopeFor, markingTexts, type Ctx } from '../access/index.js';
import { groupNationals } from './nationals.store.js';

/** The age groups nationals are counted in; `unknown` when no birth date or year is recorded. */
export const NATIONAL_AGE_GROUPS = ['under-12', '12-17', 'adult', 'unknown'] as const;
export type NationalAgeGroup = (typeof NATIONAL_AGE_GROUPS)[number];

/** A count of detainees of one nationality, status, sex and age group, with the marking of the records counted. */
export interface NationalsCount {
  nationality: string;
  status: string;
  sex: string;
  ageGroup: NationalAgeGroup;
  count: number;
  /** Marking texts of the records counted (one per distinct marking). */
  markings: string[];
}

/** `date` minus `years`, as the last birth date of someone aged `years` on `date` (29 February → 28). */
export function lastBirthDateAt(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * How many detainees the caller may see held outside their own country (a national held at home is not one
 * to repatriate), by nationality, status, sex and age group on `asOf` (default today):
 * the registry side of a country's "nationals held". Counted in the query, over the caller's marking scope
 * only; each count lists the markings of the records behind it, for the banner of whatever shows it. Requires
 * `registry:read`. Not audited here: the caller audits the view it builds from these counts.
 */
export async function countNationals(ctx: Ctx, q: { nationality?: string; asOf?: string } = {}): Promise<NationalsCount[]> {
  requirePermission(ctx.principal, 'registry:read');
  const asOf = q.asOf ?? ctx.clock.now().toISOString().slice(0, 10);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const rows = await groupNationals(ctx.db, scope, { nationality: q.nationality, cut12: lastBirthDateAt(asOf, 12), cut18: lastBirthDateAt(asOf, 18) });
  const texts = await markingTexts(ctx.db, rows.map((r) => r.marking_id));
  const out = new Map<string, NationalsCount>();
  for (const r of rows) {
    const key = `${r.nationality}|${r.status}|${r.sex}|${r.age_group}`;
    const c = out.get(key) ?? { nationality: r.nationality, status: r.status, sex: r.sex, ageGroup: r.age_group as NationalAgeGroup, count: 0, markings: [] };
    c.count += Number(r.n);
    const text = texts.get(r.marking_id);
    if (text && !c.markings.includes(text)) c.markings.push(text);
    out.set(key, c);
  }
  return [...out.values()];
}
