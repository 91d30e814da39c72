import { parse } from 'csv-parse/sync';
import { checkName, DomainError, isDomainError, type FieldIssue } from '../kernel/index.js';
import { ageOn, birthRef, isCalendarDate, type Birth } from './age.js';
import { CampsErrors } from './camps.errors.js';
import { ZResidentImportRow, type TResidentImportRow } from './camps.schemas.js';

/** Resident CSV: the columns, parsing, and the checks each row passes on its own. */

/** The CSV columns `sallyport camps import` documents; camp…relation and marking are required. */
export const RESIDENT_CSV_COLUMNS = [
  'camp', 'household', 'section', 'name_ar', 'name_latin', 'sex', 'birth_date', 'birth_year', 'nationality', 'relation',
  'languages', 'vulnerabilities', 'related_detainee', 'marking', 'arrival', 'shelter',
] as const;
const REQUIRED = ['camp', 'household', 'name_ar', 'name_latin', 'sex', 'nationality', 'relation', 'marking'];
const OLDEST = 120;

const FIELD_TO_COLUMN: Record<string, string> = {
  nameAr: 'name_ar', nameLatin: 'name_latin', birthDate: 'birth_date', birthYear: 'birth_year', relatedDetainee: 'related_detainee',
};

/** One problem in an import: the CSV row (1 = first data row), the column and why. */
export interface ImportRowIssue {
  row: number;
  field: string;
  reason: string;
}

/** A row that passed its own checks: names normalized, birth known, age on the import date. */
export interface CheckedRow extends TResidentImportRow {
  row: number;
  birth: Birth;
  birthRef: string;
  age: number;
}

export function columnOf(field: string): string {
  const head = field.split('.')[0] ?? '';
  return FIELD_TO_COLUMN[head] ?? head;
}

/** Every issue as the import error: nothing stored, each row, column and reason listed. */
export function importInvalid(rows: ImportRowIssue[]): DomainError {
  const shown = rows.slice(0, 5).map((r) => `row ${r.row} ${r.field}: ${r.reason}`).join('; ');
  return new DomainError('invalid', CampsErrors.CAMPS_IMPORT_INVALID, `import refused, nothing stored: ${shown}${rows.length > 5 ? ` (+${rows.length - 5} more)` : ''}`, {
    field: rows[0]?.field ?? 'csv',
    reason: rows[0]?.reason ?? 'invalid',
    issues: rows.map((r) => ({ field: `row ${r.row}: ${r.field}`, reason: r.reason })),
    rows,
  });
}

function list(v: string | undefined): string[] {
  return v ? v.split(';').map((s) => s.trim()).filter(Boolean) : [];
}

function requestOf(rec: Record<string, string>): Record<string, unknown> {
  const blank = (k: string) => (rec[k] === undefined || rec[k] === '' ? undefined : rec[k]);
  const year = blank('birth_year');
  return {
    camp: rec.camp, household: rec.household, section: blank('section'), shelter: blank('shelter'), nameAr: rec.name_ar, nameLatin: rec.name_latin, sex: rec.sex,
    birthDate: blank('birth_date'), birthYear: year === undefined ? undefined : Number(year), nationality: rec.nationality,
    relation: rec.relation, languages: list(rec.languages), vulnerabilities: list(rec.vulnerabilities),
    relatedDetainee: blank('related_detainee'), marking: rec.marking, arrival: blank('arrival'),
  };
}

/**
 * Parses the CSV into records.
 * @throws DomainError CAMPS_IMPORT_INVALID for a malformed file, a missing or unknown column, or no rows.
 */
export function parseResidentCsv(csv: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (e) {
    throw importInvalid([{ row: 0, field: 'csv', reason: (e as Error).message }]);
  }
  if (records.length === 0) throw importInvalid([{ row: 0, field: 'csv', reason: 'no data rows' }]);
  const header = Object.keys(records[0]!);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(RESIDENT_CSV_COLUMNS as readonly string[]).includes(c));
  if (missing.length || unknown.length) {
    throw importInvalid([...missing.map((c) => ({ row: 0, field: c, reason: 'required column missing' })), ...unknown.map((c) => ({ row: 0, field: c, reason: 'unknown column' }))]);
  }
  return records;
}

function checkBirth(r: TResidentImportRow, today: string, issues: FieldIssue[]): Birth | undefined {
  if (r.birthDate === undefined && r.birthYear === undefined) {
    issues.push({ field: 'birth_date', reason: 'a date of birth or an estimated birth year is required' });
    return undefined;
  }
  if (r.birthDate !== undefined && !isCalendarDate(r.birthDate)) {
    issues.push({ field: 'birth_date', reason: 'not a calendar date' });
    return undefined;
  }
  if (r.birthDate !== undefined && r.birthYear !== undefined && Number(r.birthDate.slice(0, 4)) !== r.birthYear) {
    issues.push({ field: 'birth_year', reason: 'does not match birth_date' });
  }
  const birth: Birth = r.birthDate !== undefined ? { date: r.birthDate, year: Number(r.birthDate.slice(0, 4)), estimated: false } : { date: null, year: r.birthYear ?? null, estimated: true };
  const age = ageOn(birth, today);
  const born = r.birthDate ?? `${r.birthYear}-01-01`;
  if (born > today) issues.push({ field: r.birthDate ? 'birth_date' : 'birth_year', reason: 'impossible age: born after today' });
  else if (age !== null && age > OLDEST) issues.push({ field: r.birthDate ? 'birth_date' : 'birth_year', reason: `impossible age: older than ${OLDEST}` });
  const arrival = r.arrival?.slice(0, 10);
  if (arrival !== undefined && arrival < born) issues.push({ field: 'arrival', reason: 'before the date of birth' });
  if (arrival !== undefined && arrival > today) issues.push({ field: 'arrival', reason: 'is in the future' });
  return birth;
}

/** Checks one record on its own (shape, names in their scripts, a possible age). Issues are added to `out`. */
export function checkRow(rec: Record<string, string>, row: number, today: string, out: ImportRowIssue[]): CheckedRow | undefined {
  const parsed = ZResidentImportRow.safeParse(requestOf(rec));
  if (!parsed.success) {
    for (const i of parsed.error.issues) out.push({ row, field: columnOf(String(i.path[0] ?? '')), reason: i.message });
    return undefined;
  }
  const r = parsed.data;
  const issues: FieldIssue[] = [];
  for (const [key, script] of [['nameAr', 'arabic'], ['nameLatin', 'latin']] as const) {
    try {
      r[key] = checkName(key, r[key], script);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      issues.push({ field: key, reason: e.details.reason ?? e.message });
    }
  }
  const birth = checkBirth(r, today, issues);
  for (const i of issues) out.push({ row, field: columnOf(i.field), reason: i.reason });
  if (issues.length > 0 || birth === undefined) return undefined;
  return { ...r, row, birth, birthRef: birthRef(birth)!, age: ageOn(birth, today)! };
}
