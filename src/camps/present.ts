import { z } from 'zod';
import { readStored, readStoredJson } from '../kernel/index.js';
import { ageOn, type Birth } from './age.js';
import type { CampField, TCampResident } from './camps.schemas.js';
import { RESIDENT_STATUSES } from './camps.schemas.js';
import type { ResidentRow } from './resident.store.js';

/**
 * Row → what the caller may see. The presenter is where field-level access lands: a field group the caller's
 * agreement or roles withhold is left out of the value altogether (not blanked), and listed in `withheld`.
 */

const ZStrings = z.array(z.string());
const ZStatus = z.enum(RESIDENT_STATUSES);

/** The birth of a stored resident: the date, the year (estimated when only it is known). */
export function birthOf(r: Pick<ResidentRow, 'birth_date' | 'birth_year' | 'birth_estimated'>): Birth {
  const estimated = r.birth_estimated === 1;
  const year = r.birth_year ?? (r.birth_date ? Number(r.birth_date.slice(0, 4)) : null);
  return { date: estimated ? null : r.birth_date, year, estimated };
}

/** JSON list read back from the store, re-validated. */
export function listOf(json: string | null): string[] {
  return json === null ? [] : readStoredJson(ZStrings, json, 'camp list column');
}

/** A resident as a caller with `fields` sees them on `today` (for the age). */
export function presentResident(r: ResidentRow, fields: ReadonlySet<CampField>, withheld: CampField[], today: string): TCampResident {
  const out: TCampResident = { id: r.id, camp: r.camp_code, status: readStored(ZStatus, r.status, `resident ${r.id} status`), marking: r.marking_text, withheld };
  if (fields.has('names')) {
    out.nameAr = r.name_ar;
    out.nameLatin = r.name_latin;
  }
  if (fields.has('sex')) out.sex = r.sex === 'M' ? 'M' : 'F';
  if (fields.has('birth')) {
    const birth = birthOf(r);
    out.birthDate = birth.date;
    out.birthYear = birth.year;
    out.birthEstimated = birth.estimated;
    out.age = ageOn(birth, today);
  }
  if (fields.has('nationality')) out.nationality = r.nationality;
  if (fields.has('household')) {
    out.household = r.household_code;
    out.relation = r.relation;
    out.section = r.section_code;
  }
  if (fields.has('languages')) out.languages = listOf(r.languages);
  if (fields.has('vulnerabilities')) out.vulnerabilities = listOf(r.vulnerabilities);
  return out;
}
