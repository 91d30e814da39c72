import { nameSearchKeys, newId } from '../kernel/index.js';
import { internMarking, requirePermission, type Ctx } from '../access/index.js';
import { inTransaction, type CampFamilyLinksTable, type CampGuardianshipsTable, type CampResidentDetailsTable, type Db, type HouseholdsTable, type ResidentsTable } from '../store/index.js';
import { ageOn } from './age.js';
import { selectSections } from './camp.store.js';
import type { TResidentImportResult } from './camps.schemas.js';
import { authorityAt } from './fields.js';
import { selectHouseholdsByCode } from './household.store.js';
import { checkAgesAgainstHead, checkDuplicates, checkHouseholds, checkReferences, headOf, hiddenDuplicates, type HouseholdPlan } from './import-checks.js';
import { queueDuplicateReviews } from './duplicate-reviews.js';
import { planShelters, storeShelters } from './import-shelters.js';
import { selectLookalikes } from './reviews.store.js';
import { checkRow, importInvalid, parseResidentCsv, type CheckedRow, type ImportRowIssue } from './import-rows.js';
import { insertFamilyLinks, insertGuardianships, selectDetaineeRefs } from './links.store.js';
import { insertMovements } from './movement.store.js';
import { instantOf, movementRow } from './movements.js';
import { campsView, type CampsView } from './policy.js';
import { birthOf } from './present.js';
import { insertPeople, selectResidents } from './resident.store.js';

const ADULT = 18;

export async function plansOf(db: Db, view: CampsView, rows: readonly CheckedRow[]): Promise<HouseholdPlan[]> {
  const codes = [...new Set(rows.map((r) => r.household))];
  const existing = new Map((await selectHouseholdsByCode(db, codes)).map((h) => [h.code, h]));
  const ids = [...existing.values()].map((h) => h.id);
  const members = await selectResidents(db, view.scope, { campIds: view.camps.map((c) => c.id), householdIds: ids });
  return codes.map((code) => {
    const h = existing.get(code);
    return { code, existing: h, rows: rows.filter((r) => r.household === code), members: h ? members.filter((m) => m.household_id === h.id) : [] };
  });
}

async function knownByBirth(db: Db, view: CampsView, rows: readonly CheckedRow[]) {
  const refs = [...new Set(rows.map((r) => r.birthRef))];
  const out = [];
  for (let i = 0; i < refs.length; i += 500) out.push(...(await selectResidents(db, view.scope, { campIds: view.camps.map((c) => c.id), birthRefs: refs.slice(i, i + 500) })));
  return out;
}

/** Rows ready to insert, with the guardians and links the import records and the flags it reports. */
export interface Built {
  households: HouseholdsTable[];
  residents: ResidentsTable[];
  details: CampResidentDetailsTable[];
  guardianships: CampGuardianshipsTable[];
  links: CampFamilyLinksTable[];
  flags: ImportRowIssue[];
  ids: Map<number, string>;
}

function guardianKind(relation: string): 'parent' | 'relative' | 'caregiver' {
  return relation === 'son' || relation === 'daughter' ? 'parent' : relation === 'other' ? 'caregiver' : 'relative';
}

/** What to store: the households' plans, the detainees rows name, and the rows held for review (not created). */
export interface StoreInput {
  plans: readonly HouseholdPlan[];
  detainees: Map<string, string>;
  held: ReadonlySet<number>;
}

async function build(ctx: Ctx, db: Db, view: CampsView, input: StoreInput): Promise<Built> {
  const { plans, detainees, held } = input;
  const now = view.now;
  const out: Built = { households: [], residents: [], details: [], guardianships: [], links: [], flags: [], ids: new Map() };
  const sections = await selectSections(db, view.camps.map((c) => c.id));
  const who = { recorded_by: ctx.principal.username, recorded_at: now };
  for (const p of plans) {
    const head = headOf(p, (m) => ageOn(birthOf(m), now.slice(0, 10)));
    const adults = p.rows.some((r) => r.age >= ADULT) || p.members.some((m) => m.status === 'resident' && (ageOn(birthOf(m), now.slice(0, 10)) ?? 0) >= ADULT);
    const headRow = head?.row ?? null;
    const householdId = p.existing?.id ?? newId(ctx.clock.now().getTime());
    const campId = view.byCode.get(p.rows[0]!.camp)!.id;
    if (!p.existing && headRow) {
      out.households.push({ id: householdId, code: p.code, facility_id: campId, nationality: headRow.nationality, head_name: headRow.nameLatin, size: p.rows.length, marking_id: await internMarking(db, headRow.marking, ctx.principal.country), created_at: now });
    }
    const rows = p.rows.filter((r) => !held.has(r.row));
    for (const r of rows) out.ids.set(r.row, newId(ctx.clock.now().getTime()));
    // A head held for review is not created (yet): the household's children get no guardian from it.
    const headId = head?.id ?? (headRow && !held.has(headRow.row) ? out.ids.get(headRow.row)! : null);
    for (const r of rows) {
      const id = out.ids.get(r.row)!;
      const markingId = await internMarking(db, r.marking, ctx.principal.country);
      const vulnerabilities = new Set(r.vulnerabilities);
      const child = r.age < ADULT;
      const guarded = child && r.relation !== 'head' && headId !== null && head !== undefined && (head.age ?? 0) >= ADULT;
      if (child && !guarded) {
        vulnerabilities.add(adults ? 'separated-child' : 'unaccompanied-child');
        if (r.relation === 'head') vulnerabilities.add('child-headed-household');
        out.flags.push({ row: r.row, field: 'relation', reason: r.relation === 'head' ? 'child head of household with no guardian' : 'child with no guardian in the household' });
      }
      out.residents.push({
        id, household_id: householdId, facility_id: campId, name_ar: r.nameAr, name_latin: r.nameLatin, sex: r.sex, birth_date: r.birth.date,
        nationality: r.nationality, relation: r.relation, related_detainee_id: r.relatedDetainee ? (detainees.get(r.relatedDetainee) ?? null) : null,
        status: 'resident', search_keys: nameSearchKeys([r.nameAr, r.nameLatin]), marking_id: markingId, created_at: now,
      });
      const sectionId = r.section ? (sections.find((s) => s.facility_id === campId && s.code === r.section)?.id ?? null) : null;
      out.details.push({ resident_id: id, section_id: sectionId, birth_year: r.birth.year, birth_estimated: r.birth.estimated ? 1 : 0, birth_ref: r.birthRef, languages: JSON.stringify(r.languages), vulnerabilities: JSON.stringify([...vulnerabilities].sort()), updated_at: now });
      if (guarded) out.guardianships.push({ id: newId(), child_id: id, guardian_resident_id: headId, guardian_name: null, kind: guardianKind(r.relation), since: now.slice(0, 10), until: null, marking_id: markingId, ...who });
      const detaineeId = r.relatedDetainee ? detainees.get(r.relatedDetainee) : undefined;
      if (detaineeId) {
        const relation = r.relation === 'head' || r.relation === 'wife' ? 'husband' : r.relation === 'son' || r.relation === 'daughter' ? 'father' : 'other';
        out.links.push({ id: newId(), resident_id: id, kind: 'detainee', relation, related_resident_id: null, detainee_id: detaineeId, relative_name: null, relative_country: null, note: null, marking_id: markingId, ...who });
      }
    }
  }
  return out;
}

/**
 * Stores checked rows (all but the held ones): households, residents, details, arrivals, guardianships and
 * detainee links, on the caller's transaction. Shared by the import and by a reviewer's "different" decision.
 */
export async function storeRows(ctx: Ctx, trx: Db, view: CampsView, input: StoreInput): Promise<Built> {
  const built = await build(ctx, trx, view, input);
  await insertPeople(trx, built);
  const markings = new Map(built.residents.map((x) => [x.id, x.marking_id]));
  const sectionOf = new Map(built.details.map((d) => [d.resident_id, d.section_id]));
  const events = input.plans.flatMap((p) => p.rows).filter((r) => built.ids.has(r.row)).map((r) => {
    const camp = view.byCode.get(r.camp)!;
    const at = instantOf(r.arrival, view.now);
    const id = built.ids.get(r.row)!;
    return movementRow(ctx, { id, marking_id: markings.get(id)! }, { kind: 'arrival', at, camp, authorityId: authorityAt(camp.policy.control, at) ?? null }, { section_id: sectionOf.get(id) ?? null, note: 'registered by import' });
  });
  await insertMovements(trx, events);
  await insertGuardianships(trx, built.guardianships);
  await insertFamilyLinks(trx, built.links);
  return built;
}

/**
 * Imports camp residents from CSV (`RESIDENT_CSV_COLUMNS`), all or nothing: when any row is invalid —
 * impossible ages, names in the wrong script or with direction controls, duplicates of a row or of a
 * resident the importer can see, unknown camps, sections or detainees, a shelter taken by another household —
 * nothing is stored and the error lists every row, column and reason. New households are created from their
 * head's row and move into the shelter their rows name (created in the section when missing). Each resident
 * arrives (a movement) on `arrival` or now; each child gets their household's adult head as guardian, and a
 * child without one is accepted but flagged (child-headed household, unaccompanied or separated child). A row
 * that looks like a resident the importer cannot see is not refused (that would reveal the record) but held
 * for a reviewer who may see both (`listDuplicateReviews`, `decideDuplicateReview`); the answer lists it under
 * `pendingReview`. Requires `camps:write` and, in each camp, the fields the rows carry. Audited.
 * @throws DomainError CAMPS_IMPORT_INVALID with `details.rows`.
 */
export async function importResidents(ctx: Ctx, csv: string): Promise<TResidentImportResult> {
  requirePermission(ctx.principal, 'camps:write');
  const records = parseResidentCsv(csv);
  return inTransaction(ctx.db, async (trx) => {
    const view = await campsView(ctx, trx);
    const today = view.now.slice(0, 10);
    const issues: ImportRowIssue[] = [];
    const rows = records.flatMap((rec, i) => checkRow(rec, i + 1, today, issues) ?? []);
    const sections = await selectSections(trx, view.camps.map((c) => c.id));
    checkReferences(rows, { view, sections, principal: ctx.principal }, issues);
    const isns = [...new Set(rows.flatMap((r) => (r.relatedDetainee ? [r.relatedDetainee] : [])))];
    const refs = await selectDetaineeRefs(trx, view.scope, isns);
    const detainees = new Map(refs.flatMap((d) => [[d.isn, d.id], [d.id, d.id]] as const));
    for (const r of rows) if (r.relatedDetainee && !detainees.has(r.relatedDetainee)) issues.push({ row: r.row, field: 'related_detainee', reason: `no detainee ${r.relatedDetainee}` });
    const plans = await plansOf(trx, view, rows);
    checkHouseholds(plans, view, issues);
    for (const p of plans) checkAgesAgainstHead(p, headOf(p, (m) => ageOn(birthOf(m), today))?.age ?? null, issues);
    const known = await knownByBirth(trx, view, rows);
    checkDuplicates(rows, known, view, issues);
    const shelters = await planShelters(trx, { plans, view, sections }, issues);
    if (issues.length > 0) throw importInvalid(issues.sort((a, b) => a.row - b.row));
    const lookalikes = await selectLookalikes(trx, view.camps.map((c) => c.id), [...new Set(rows.map((r) => r.birthRef))]);
    const hidden = hiddenDuplicates(rows, lookalikes, new Set(known.map((k) => k.id)), view);
    const built = await storeRows(ctx, trx, view, { plans, detainees, held: new Set(hidden.keys()) });
    const householdIds = new Map([...plans.flatMap((p) => (p.existing ? [[p.code, p.existing.id] as const] : [])), ...built.households.map((h) => [h.code, h.id] as const)]);
    const createdShelters = await storeShelters(trx, shelters, householdIds, view.now);
    const pendingReview = await queueDuplicateReviews(ctx, trx, [...hidden.entries()].map(([row, existing]) => ({ row: rows.find((r) => r.row === row)!, existing })));
    await ctx.audit.record(trx, {
      action: 'camp-resident.import', subjectType: 'camp-resident',
      details: { created: built.residents.length, households: built.households.length, shelters: createdShelters, held: pendingReview.map((p) => p.reviewId), ids: built.residents.map((r) => r.id) },
    });
    return { created: built.residents.length, households: built.households.length, flags: built.flags, shelters: createdShelters, pendingReview };
  });
}
