import { invalid } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import { addMonths, anniversary, bornOnOrBefore, monthOf } from './age.js';
import { COHORT_AGES, PROGRAMME_KINDS, ZCohortQuery, ZWorklistQuery, type TCohortQuery, type TCohorts, type TWorklist, type TWorklistQuery } from './cohorts.schemas.js';
import { bannerText } from './banner.js';
import { cohortsOf, type CohortPerson } from './cohorts.js';
import { selectActiveGuardianshipsIn, selectParentDetainedIn } from './links.store.js';
import { presentRows } from './list-residents.js';
import { campOf, campsView, requireField, type CampAccess, type CampsView } from './policy.js';
import { birthOf } from './present.js';
import { selectAssignments } from './programme.store.js';
import { selectResidents, type ResidentRow } from './resident.store.js';

const OLDEST_COHORT = Math.max(...COHORT_AGES);

/** Present residents of a camp born recently enough to be a child or reach `maxAge` from `firstMonth` on. */
async function youngResidents(ctx: Ctx, view: CampsView, camp: CampAccess, bound: { firstMonth: string; maxAge: number }): Promise<ResidentRow[]> {
  const after = bornOnOrBefore(`${bound.firstMonth}-01`, bound.maxAge + 1);
  return selectResidents(ctx.db, view.scope, { campIds: [camp.id], status: 'resident', bornAfter: after });
}

async function cohortPeople(ctx: Ctx, view: CampsView, camp: CampAccess, firstMonth: string): Promise<(CohortPerson & { markingId: number })[]> {
  const rows = await youngResidents(ctx, view, camp, { firstMonth, maxAge: OLDEST_COHORT });
  const f = camp.fields;
  const guarded = f.has('guardianship') ? new Set((await selectActiveGuardianshipsIn(ctx.db, view.scope, [camp.id])).map((g) => g.child_id)) : null;
  const detained = f.has('detaineeLinks') ? await selectParentDetainedIn(ctx.db, view.scope, [camp.id]) : null;
  return rows.map((r) => ({
    camp: camp.code,
    nationality: f.has('nationality') ? r.nationality : null,
    birth: birthOf(r),
    hasGuardian: guarded ? guarded.has(r.id) : null,
    parentDetained: detained ? detained.has(r.id) : null,
    markingId: r.marking_id,
  }));
}

/**
 * Age cohorts per camp and nationality: how many present children reach 12, 15 and 18 in each month of the
 * window (24 months from the month of `asOf` by default), how many children there are, how many have no active
 * guardian and how many a parent detained. Only what the caller may see is counted: a camp whose records do
 * not show them births gives no cohorts, one that withholds nationality gives one group, and the guardian and
 * detained-parent counts need those fields. Requires `camps:read`. Audited.
 * @throws DomainError NOT_FOUND (camp absent or unseen).
 */
export async function campCohorts(ctx: Ctx, raw: TCohortQuery = {}): Promise<TCohorts> {
  const q = ZCohortQuery.parse(raw);
  const view = await campsView(ctx);
  const asOf = q.asOf ?? view.now.slice(0, 10);
  const firstMonth = monthOf(asOf);
  const camps = q.camp ? [campOf(view, q.camp)] : view.camps;
  const out: TCohorts = { asOf, marking: 'U', months: Array.from({ length: q.months }, (_, i) => addMonths(firstMonth, i)), ages: [...COHORT_AGES], camps: [] };
  const counted = new Set<number>();
  for (const camp of camps) {
    const people = camp.fields.has('birth') ? await cohortPeople(ctx, view, camp, firstMonth) : [];
    for (const p of people) counted.add(p.markingId);
    const groups = cohortsOf(people, { asOf, months: q.months, ages: COHORT_AGES }).map(({ camp: _c, ...g }) => g);
    out.camps.push({ camp: camp.code, withheld: camp.withheld, groups });
  }
  out.marking = await bannerText(ctx.db, [...counted]);
  await ctx.audit.record(ctx.db, { action: 'camp.cohorts', subjectType: 'camp', details: { camps: out.camps.map((c) => c.camp), asOf } });
  return out;
}

/**
 * The programme work list of a camp: present children reaching one of `ages` from `asOf` to the end of the
 * window, soonest first, each with their programme assignments and attendance — for staff to work through.
 * Requires `camps:read` and the birth and programmes fields (so `camps:children`). Audited.
 * @throws DomainError NOT_FOUND (camp), CAMPS_FIELD_WITHHELD.
 */
export async function programmeWorklist(ctx: Ctx, raw: TWorklistQuery): Promise<TWorklist> {
  const q = ZWorklistQuery.parse(raw);
  const view = await campsView(ctx);
  const camp = campOf(view, q.camp);
  requireField(camp, 'birth');
  requireField(camp, 'programmes');
  const asOf = q.asOf ?? view.now.slice(0, 10);
  const lastMonth = addMonths(monthOf(asOf), q.months - 1);
  const ages = [...new Set(q.ages.split(',').map(Number))].sort((a, b) => a - b);
  if (ages.some((a) => a < 1 || a > 25)) throw invalid('ages', 'ages run from 1 to 25');
  const rows = await youngResidents(ctx, view, camp, { firstMonth: monthOf(asOf), maxAge: Math.max(...ages) });
  const due = rows.flatMap((r) => {
    const hit = ages.map((age) => ({ age, on: anniversary(birthOf(r), age) })).find((x) => x.on !== null && x.on >= asOf && monthOf(x.on) <= lastMonth);
    return hit?.on ? [{ row: r, reaches: { age: hit.age, on: hit.on } }] : [];
  });
  const assignments = await selectAssignments(ctx.db, view.scope, due.map((d) => d.row.id));
  const kinds = new Set<string>(PROGRAMME_KINDS);
  const listed = due
    .map((d) => ({ ...d, programmes: assignments.filter((a) => a.resident_id === d.row.id && kinds.has(a.kind)) }))
    .filter((d) => !q.unassigned || !d.programmes.some((p) => p.status === 'active'))
    .sort((a, b) => (a.reaches.on < b.reaches.on ? -1 : a.reaches.on > b.reaches.on ? 1 : a.row.id < b.row.id ? -1 : 1));
  const page = listed.slice(q.offset, q.offset + q.limit);
  const residents = presentRows(view, page.map((d) => d.row));
  const items = page.map((d, i) => ({
    resident: residents[i]!,
    reaches: d.reaches,
    programmes: d.programmes.map((p) => ({ programme: p.code, kind: p.kind as (typeof PROGRAMME_KINDS)[number], status: p.status, sessions: p.sessions, attended: p.attended })),
  }));
  await ctx.audit.record(ctx.db, { action: 'camp.worklist', subjectType: 'camp', subjectId: camp.id, details: { ids: items.map((i) => i.resident.id) } });
  return { camp: camp.code, asOf, total: listed.length, items };
}
