import { markingTexts, type Ctx } from '../access/index.js';
import { bornOnOrBefore } from './age.js';
import type { TCampResident } from './camps.schemas.js';
import { presentRows } from './list-residents.js';
import { groupResidents } from './nationals.store.js';
import { campsView } from './policy.js';
import { selectResidents } from './resident.store.js';

/** A count of one camp's residents of one nationality, status, sex and age group, as the caller may see them. */
export interface CampNationalsCount {
  camp: string;
  nationality: string;
  status: string;
  /** `null` when the camp withholds sex from the caller. */
  sex: string | null;
  /** `unknown` also when the camp withholds births from the caller. */
  ageGroup: 'under-12' | '12-17' | 'adult' | 'unknown';
  count: number;
  /** Marking texts of the records counted. */
  markings: string[];
}

/** What the repatriation board reads of the camps: counts by nationality, and the camps that withhold it. */
export interface CampNationals {
  counts: CampNationalsCount[];
  /** Camps the caller sees but whose nationality field is withheld: their residents are not counted by country. */
  withheld: string[];
}

/**
 * Residents of camps outside their own country by camp, nationality, status, sex and age group on `asOf` (default today) — what a country of
 * origin's board shows of its nationals in the camps. Counts only the residents the caller may see (markings)
 * of the camps whose records show them the nationality (data-sharing agreement ∩ roles); sex and age are
 * counted only where those fields are shown too (else `null` / `unknown`). Requires `camps:read`. Not audited
 * here: the caller audits the view it builds.
 */
export async function campNationals(ctx: Ctx, q: { nationality?: string; asOf?: string } = {}): Promise<CampNationals> {
  const view = await campsView(ctx);
  const asOf = q.asOf ?? view.now.slice(0, 10);
  const counted = view.camps.filter((c) => c.fields.has('nationality'));
  const rows = await groupResidents(ctx.db, view.scope, { campIds: counted.map((c) => c.id), nationality: q.nationality, cut12: bornOnOrBefore(asOf, 12), cut18: bornOnOrBefore(asOf, 18) });
  const texts = await markingTexts(ctx.db, rows.map((r) => r.marking_id));
  const out = new Map<string, CampNationalsCount>();
  for (const r of rows) {
    const camp = view.byId.get(r.facility_id);
    if (!camp) continue;
    const sex = camp.fields.has('sex') ? r.sex : null;
    const ageGroup = (camp.fields.has('birth') ? r.age_group : 'unknown') as CampNationalsCount['ageGroup'];
    const key = `${camp.code}|${r.nationality}|${r.status}|${sex}|${ageGroup}`;
    const c = out.get(key) ?? { camp: camp.code, nationality: r.nationality, status: r.status, sex, ageGroup, count: 0, markings: [] };
    c.count += Number(r.n);
    const text = texts.get(r.marking_id);
    if (text && !c.markings.includes(text)) c.markings.push(text);
    out.set(key, c);
  }
  return { counts: [...out.values()], withheld: view.camps.filter((c) => !c.fields.has('nationality')).map((c) => c.code) };
}

/**
 * The residents among `ids` that the caller may see, each with the fields their camp shows the caller, by id
 * (a repatriation batch's members). Requires `camps:read`. The read is audited (the ids returned).
 */
export async function residentsById(ctx: Ctx, ids: readonly string[]): Promise<Map<string, TCampResident>> {
  const view = await campsView(ctx);
  if (ids.length === 0) return new Map();
  const rows = await selectResidents(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), ids: [...new Set(ids)] });
  const out = new Map(presentRows(view, rows).map((r) => [r.id, r]));
  await ctx.audit.record(ctx.db, { action: 'camp-resident.list', subjectType: 'camp-resident', details: { ids: [...out.keys()] } });
  return out;
}
