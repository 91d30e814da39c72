import type { Ctx } from '../access/index.js';
import { ageOn } from './age.js';
import { selectSections } from './camp.store.js';
import { MOVEMENT_KINDS } from './camps.schemas.js';
import type { TCampOverview, TCampSummary } from './cohorts.schemas.js';
import { movementsByMonth } from './movement.store.js';
import { campOf, campsView } from './policy.js';
import { countResidentsBy, markingsOf, selectSexAndBirth } from './resident.store.js';
import { bannerText } from './banner.js';

const BAND = 5;
const TOP = 85;

/** Five-year bands 0-4 … 80-84 and 85+, by sex, from birth reference dates. */
export function pyramidOf(people: readonly { sex: string; birth_ref: string | null }[], today: string): NonNullable<TCampOverview['pyramid']> {
  const bands = Array.from({ length: TOP / BAND + 1 }, (_, i) => ({ band: i * BAND >= TOP ? `${TOP}+` : `${i * BAND}-${i * BAND + BAND - 1}`, female: 0, male: 0 }));
  for (const p of people) {
    const age = p.birth_ref === null ? null : ageOn({ date: p.birth_ref, year: null, estimated: false }, today);
    if (age === null || age < 0) continue;
    const band = bands[Math.min(Math.floor(age / BAND), bands.length - 1)]!;
    if (p.sex === 'M') band.male += 1;
    else band.female += 1;
  }
  return bands;
}

/**
 * The camps the caller may see, each with its present population (the residents the caller may see) and its
 * controlling authority. Requires `camps:read`. Audited.
 */
export async function listCamps(ctx: Ctx): Promise<TCampSummary[]> {
  const view = await campsView(ctx);
  const counts = await countResidentsBy(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), status: 'resident' }, 'r.facility_id');
  const out = view.camps.map((c) => ({ code: c.code, name: c.name, population: counts.get(c.id) ?? 0, authority: c.authorityCode }));
  await ctx.audit.record(ctx.db, { action: 'camp.list', subjectType: 'camp', details: { codes: out.map((c) => c.code) } });
  return out;
}

/**
 * A camp's overview: present population, and — each only when the camp's agreement and the caller's roles show
 * the fields it is made of — population by section, the age pyramid by sex, nationalities, and movements by
 * month. Counts cover only the residents the caller may see. Requires `camps:read`. Audited.
 * @throws DomainError NOT_FOUND (camp absent or unseen).
 */
export async function campOverview(ctx: Ctx, code: string): Promise<TCampOverview> {
  const view = await campsView(ctx);
  const camp = campOf(view, code);
  const present = { campIds: [camp.id], status: 'resident' };
  const total = await countResidentsBy(ctx.db, view.scope, present, 'r.facility_id');
  const marking = await bannerText(ctx.db, await markingsOf(ctx.db, view.scope, present));
  const out: TCampOverview = { code: camp.code, name: camp.name, population: total.get(camp.id) ?? 0, authority: camp.authorityCode, marking, withheld: camp.withheld };
  const f = camp.fields;
  if (f.has('household')) {
    const counts = await countResidentsBy(ctx.db, view.scope, present, 'd.section_id');
    out.sections = (await selectSections(ctx.db, [camp.id])).map((s) => ({ code: s.code, name: s.name, kind: s.kind, population: counts.get(s.id) ?? 0 }));
  }
  if (f.has('sex') && f.has('birth')) out.pyramid = pyramidOf(await selectSexAndBirth(ctx.db, view.scope, present), view.now.slice(0, 10));
  if (f.has('nationality')) {
    const counts = await countResidentsBy(ctx.db, view.scope, present, 'r.nationality');
    out.nationalities = [...counts.entries()].flatMap(([n, count]) => (n === null ? [] : [{ nationality: n, count }])).sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality));
  }
  if (f.has('movements')) {
    const byMonth = new Map<string, Record<(typeof MOVEMENT_KINDS)[number], number>>();
    for (const r of await movementsByMonth(ctx.db, view.scope, camp.id)) {
      const m = byMonth.get(r.month) ?? { arrival: 0, transfer: 0, release: 0, repatriation: 0, death: 0, unaccounted: 0 };
      if ((MOVEMENT_KINDS as readonly string[]).includes(r.kind)) m[r.kind as (typeof MOVEMENT_KINDS)[number]] += r.n;
      byMonth.set(r.month, m);
    }
    out.movements = [...byMonth.entries()].map(([month, m]) => ({ month, ...m }));
  }
  await ctx.audit.record(ctx.db, { action: 'camp.read', subjectType: 'camp', subjectId: camp.id, details: { withheld: camp.withheld } });
  return out;
}
