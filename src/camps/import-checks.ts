import { canSee, normalizeArabic, normalizeLatin } from '../kernel/index.js';
import type { Principal } from '../access/index.js';
import type { CampSectionsTable, HouseholdsTable } from '../store/index.js';
import { CAMP_FIELDS, type CampField } from './camps.schemas.js';
import type { CheckedRow, ImportRowIssue } from './import-rows.js';
import type { CampsView } from './policy.js';
import type { ResidentRow } from './resident.store.js';
import type { Lookalike } from './reviews.store.js';

/** The checks of an import that look across rows and at the store: references, households, duplicates. */

/** What an importer must be allowed to see of a camp's records to write them. */
const IMPORT_FIELDS: readonly CampField[] = ['names', 'sex', 'birth', 'nationality', 'household', 'movements'];
const ADULT = 18;
const PARENT_GAP = 12;

/** Checks camp, section, marking and the fields the importer may write. */
export function checkReferences(rows: readonly CheckedRow[], ctx: { view: CampsView; sections: readonly CampSectionsTable[]; principal: Principal }, out: ImportRowIssue[]): void {
  for (const r of rows) {
    const camp = ctx.view.byCode.get(r.camp);
    if (!camp) {
      out.push({ row: r.row, field: 'camp', reason: `no camp with code ${r.camp}` });
      continue;
    }
    const needs: CampField[] = [...IMPORT_FIELDS, ...(r.vulnerabilities.length > 0 ? ['vulnerabilities' as const] : []), ...(r.relatedDetainee ? ['detaineeLinks' as const] : [])];
    const hidden = CAMP_FIELDS.filter((f) => needs.includes(f) && !camp.fields.has(f));
    if (hidden.length > 0) out.push({ row: r.row, field: 'camp', reason: `withheld from you in camp ${r.camp}: ${hidden.join(', ')}` });
    if (r.section && !ctx.sections.some((s) => s.facility_id === camp.id && s.code === r.section)) out.push({ row: r.row, field: 'section', reason: `camp ${r.camp} has no section ${r.section}` });
    // A child's record is need-to-know child-protection data: it always carries the CHILD caveat.
    if (r.age < ADULT && !r.marking.caveats.includes('CHILD')) r.marking = { ...r.marking, caveats: [...r.marking.caveats, 'CHILD'].sort() };
    if (!canSee(ctx.principal, r.marking, ctx.principal.country)) out.push({ row: r.row, field: 'marking', reason: 'you could not see a record with this marking' });
  }
}

/** Rows of one household, and the household when it exists already. */
export interface HouseholdPlan {
  code: string;
  existing: HouseholdsTable | undefined;
  rows: CheckedRow[];
  members: ResidentRow[];
}

/** Checks that each household is new with one head row, or exists in the same camp (and is visible). */
export function checkHouseholds(plans: readonly HouseholdPlan[], view: CampsView, out: ImportRowIssue[]): void {
  for (const p of plans) {
    const heads = p.rows.filter((r) => r.relation === 'head');
    const camps = new Set(p.rows.map((r) => r.camp));
    if (camps.size > 1) for (const r of p.rows) out.push({ row: r.row, field: 'household', reason: 'rows of one household name different camps' });
    if (p.existing) {
      const camp = view.byId.get(p.existing.facility_id);
      if (!camp || !view.scope.markingIds.includes(p.existing.marking_id) || !camps.has(camp.code)) {
        for (const r of p.rows) out.push({ row: r.row, field: 'household', reason: `code ${p.code} is in use by another household` });
      }
      for (const r of heads) out.push({ row: r.row, field: 'relation', reason: `household ${p.code} already has a head` });
    } else if (heads.length !== 1) {
      for (const r of p.rows) out.push({ row: r.row, field: 'relation', reason: `new household ${p.code} needs exactly one head row (has ${heads.length})` });
    }
  }
}

/** The head of a household (from the file, or present in the store) with an age, if any. */
export function headOf(p: HouseholdPlan, ageOfMember: (m: ResidentRow) => number | null): { age: number | null; id: string | null; row: CheckedRow | null } | undefined {
  const row = p.rows.find((r) => r.relation === 'head');
  if (row) return { age: row.age, id: null, row };
  const m = p.members.find((x) => x.relation === 'head' && x.status === 'resident');
  return m ? { age: ageOfMember(m), id: m.id, row: null } : undefined;
}

/** Ages that cannot be: a child of the head not at least 12 years younger, a mother not 12 years older. */
export function checkAgesAgainstHead(p: HouseholdPlan, headAge: number | null, out: ImportRowIssue[]): void {
  if (headAge === null) return;
  for (const r of p.rows) {
    if ((r.relation === 'son' || r.relation === 'daughter') && r.age > headAge - PARENT_GAP) out.push({ row: r.row, field: 'birth_date', reason: `impossible age: a ${r.relation} of ${r.age} with a head of household of ${headAge}` });
    if (r.relation === 'grandchild' && r.age > headAge - 2 * PARENT_GAP) out.push({ row: r.row, field: 'birth_date', reason: `impossible age: a grandchild of ${r.age} with a head of household of ${headAge}` });
    if (r.relation === 'mother' && r.age < headAge + PARENT_GAP) out.push({ row: r.row, field: 'birth_date', reason: `impossible age: a mother of ${r.age} with a head of household of ${headAge}` });
  }
}

function sameName(a: { nameAr: string; nameLatin: string }, b: { nameAr: string; nameLatin: string }): boolean {
  return normalizeLatin(a.nameLatin) === normalizeLatin(b.nameLatin) || normalizeArabic(a.nameAr) === normalizeArabic(b.nameAr);
}

/**
 * Duplicates: two rows, or a row and a resident the importer can see, in the same camp with the same
 * nationality, birth and name (Latin or Arabic, after folding spelling variants). Residents the importer
 * cannot see are not compared: a refusal would tell them such a record exists.
 */
export function checkDuplicates(rows: readonly CheckedRow[], known: readonly ResidentRow[], view: CampsView, out: ImportRowIssue[]): void {
  const key = (camp: string, nat: string, ref: string) => `${camp}\u0000${nat}\u0000${ref}`;
  const seen = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const k = key(r.camp, r.nationality, r.birthRef);
    const earlier = (seen.get(k) ?? []).find((e) => sameName(e, r));
    if (earlier) out.push({ row: r.row, field: 'name_latin', reason: `duplicate of row ${earlier.row}` });
    seen.set(k, [...(seen.get(k) ?? []), r]);
  }
  for (const m of known) {
    const camp = view.byId.get(m.facility_id);
    if (!camp || m.birth_ref === null) continue;
    for (const r of seen.get(key(camp.code, m.nationality, m.birth_ref)) ?? []) {
      if (sameName({ nameAr: m.name_ar, nameLatin: m.name_latin }, r)) out.push({ row: r.row, field: 'name_latin', reason: `duplicate of resident ${m.id} already registered` });
    }
  }
}

/**
 * Rows that look like a resident the importer cannot see (same camp, nationality, birth and name, as
 * `checkDuplicates` compares): row number → that resident. Such a row is held for a reviewer, never refused,
 * so that the importer learns nothing about records outside their scope.
 */
export function hiddenDuplicates(rows: readonly CheckedRow[], lookalikes: readonly Lookalike[], visible: ReadonlySet<string>, view: CampsView): Map<number, Lookalike> {
  const out = new Map<number, Lookalike>();
  for (const m of lookalikes) {
    if (visible.has(m.id) || m.birth_ref === null) continue;
    const camp = view.byId.get(m.facility_id);
    for (const r of rows) {
      if (out.has(r.row) || r.camp !== camp?.code || r.nationality !== m.nationality || r.birthRef !== m.birth_ref) continue;
      if (sameName({ nameAr: m.name_ar, nameLatin: m.name_latin }, r)) out.set(r.row, m);
    }
  }
  return out;
}
