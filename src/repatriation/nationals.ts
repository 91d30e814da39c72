import { bannerOf, parseMarking, formatMarking } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import { campNationals } from '../camps/index.js';
import { countNationals } from '../registry/index.js';
import { AGE_GROUPS, type TNationals } from './repatriation.schemas.js';

/** Nationals held, per country, from the registry (detainees) and the camps (residents), as the viewer sees them. */

/** Detainee statuses that mean "still to be repatriated". */
const HELD = new Set(['held', 'in-transit', 'transferred']);

/** No nationals counted (a country the viewer sees nobody of). */
export function emptyNationals(withheldCamps: string[]): TNationals {
  const ages = () => Object.fromEntries(AGE_GROUPS.map((a) => [a, 0]));
  return {
    detainees: { total: 0, held: 0, repatriated: 0, byStatus: {}, byAgeGroup: ages() },
    residents: { total: 0, present: 0, repatriated: 0, byStatus: {}, byAgeGroup: ages(), women: 0, byCamp: {} },
    withheldCamps,
  };
}

/** Nationals of each country with the markings of the records counted. */
export interface NationalsByCountry {
  byCountry: Map<string, { nationals: TNationals; markings: Set<string> }>;
  withheldCamps: string[];
}

/**
 * Counts nationals per country (or of one country): detainees by status and age group, camp residents by status,
 * age group and camp. Only what the viewer may see is counted (the registry's and camps' scoped counts).
 */
export async function nationalsByCountry(ctx: Ctx, country?: string, asOf?: string): Promise<NationalsByCountry> {
  const q = { ...(country ? { nationality: country } : {}), ...(asOf ? { asOf } : {}) };
  const detainees = await countNationals(ctx, q);
  const camps = await campNationals(ctx, q);
  const byCountry = new Map<string, { nationals: TNationals; markings: Set<string> }>();
  const entry = (c: string) => {
    const e = byCountry.get(c) ?? { nationals: emptyNationals(camps.withheld), markings: new Set<string>() };
    byCountry.set(c, e);
    return e;
  };
  for (const d of detainees) {
    const e = entry(d.nationality);
    const n = e.nationals.detainees;
    n.total += d.count;
    if (HELD.has(d.status)) n.held += d.count;
    if (d.status === 'repatriated') n.repatriated += d.count;
    n.byStatus[d.status] = (n.byStatus[d.status] ?? 0) + d.count;
    if (HELD.has(d.status)) n.byAgeGroup[d.ageGroup] = (n.byAgeGroup[d.ageGroup] ?? 0) + d.count;
    d.markings.forEach((m) => e.markings.add(m));
  }
  for (const r of camps.counts) {
    const e = entry(r.nationality);
    const n = e.nationals.residents;
    n.total += r.count;
    n.byStatus[r.status] = (n.byStatus[r.status] ?? 0) + r.count;
    if (r.status === 'repatriated') n.repatriated += r.count;
    if (r.status === 'resident') {
      n.present += r.count;
      n.byAgeGroup[r.ageGroup] = (n.byAgeGroup[r.ageGroup] ?? 0) + r.count;
      n.byCamp[r.camp] = (n.byCamp[r.camp] ?? 0) + r.count;
      if (r.sex === 'F' && r.ageGroup === 'adult') n.women += r.count;
    }
    r.markings.forEach((m) => e.markings.add(m));
  }
  return { byCountry, withheldCamps: camps.withheld };
}

/** The banner of a set of marking texts (`U` for none). */
export function bannerText(markings: Iterable<string>): string {
  return formatMarking(bannerOf([...markings].map((t) => parseMarking(t))));
}
