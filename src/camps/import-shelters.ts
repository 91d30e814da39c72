import { newId } from '../kernel/index.js';
import type { CampSectionsTable, Db } from '../store/index.js';
import { assignShelter, insertShelters, selectShelters, sheltersOfHouseholds } from './household.store.js';
import type { HouseholdPlan } from './import-checks.js';
import type { ImportRowIssue } from './import-rows.js';
import type { CampsView } from './policy.js';

/**
 * Shelters (tents) named by an import: every row of a household that names one must name the same, in a section
 * of the household's camp; a shelter another household lives in is refused; a household that already has a
 * shelter keeps it (naming another is refused); a shelter the section lacks is created.
 */

/** What the import will do with each household's shelter: move into an existing empty one, or create it. */
export interface ShelterPlan {
  household: string;
  sectionId: string;
  code: string;
  existingId: string | null;
}

export async function planShelters(db: Db, input: { plans: readonly HouseholdPlan[]; view: CampsView; sections: readonly CampSectionsTable[] }, out: ImportRowIssue[]): Promise<ShelterPlan[]> {
  const wanted = input.plans.filter((p) => p.rows.some((r) => r.shelter !== undefined));
  if (wanted.length === 0) return [];
  const sectionIds = input.sections.map((s) => s.id);
  const shelters = await selectShelters(db, sectionIds);
  const current = new Map((await sheltersOfHouseholds(db, wanted.flatMap((p) => (p.existing ? [p.existing.id] : [])))).map((s) => [s.household_id, s]));
  const claimed = new Map<string, string>();
  const result: ShelterPlan[] = [];
  for (const p of wanted) {
    const named = p.rows.filter((r) => r.shelter !== undefined);
    const codes = new Set(named.map((r) => r.shelter));
    const sectionCodes = new Set(named.map((r) => r.section));
    const issue = (reason: string) => { for (const r of named) out.push({ row: r.row, field: 'shelter', reason }); };
    if (codes.size > 1 || sectionCodes.size > 1) { issue(`rows of household ${p.code} name different shelters`); continue; }
    const code = named[0]!.shelter!;
    const sectionCode = named[0]!.section;
    if (sectionCode === undefined) { issue('a shelter needs the section it stands in'); continue; }
    const campId = input.view.byCode.get(named[0]!.camp)?.id;
    const section = input.sections.find((s) => s.facility_id === campId && s.code === sectionCode);
    if (!section) continue; // the unknown section is reported by checkReferences
    const mine = p.existing ? current.get(p.existing.id) : undefined;
    if (mine) {
      if (mine.code !== code || mine.section_id !== section.id) issue(`household ${p.code} already lives in shelter ${mine.code}`);
      continue;
    }
    const key = `${section.id}\u0000${code}`;
    const other = claimed.get(key);
    if (other !== undefined) { issue(`shelter ${code} of section ${sectionCode} is given to household ${other} too`); continue; }
    const found = shelters.find((s) => s.section_id === section.id && s.code === code);
    if (found?.household_id) { issue(`shelter ${code} of section ${sectionCode} is occupied by another household`); continue; }
    claimed.set(key, p.code);
    result.push({ household: p.code, sectionId: section.id, code, existingId: found?.id ?? null });
  }
  return result;
}

/** Moves each household into its shelter, creating the shelters that do not exist; returns how many were created. */
export async function storeShelters(db: Db, plans: readonly ShelterPlan[], householdIds: ReadonlyMap<string, string>, now: string): Promise<number> {
  const create = plans.filter((s) => s.existingId === null);
  await insertShelters(db, create.map((s) => ({ id: newId(), section_id: s.sectionId, code: s.code, household_id: householdIds.get(s.household) ?? null, created_at: now })));
  for (const s of plans) if (s.existingId !== null) await assignShelter(db, s.existingId, householdIds.get(s.household)!);
  return create.length;
}
