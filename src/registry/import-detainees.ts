import { parse } from 'csv-parse/sync';
import { DomainError, isDomainError } from '../kernel/index.js';
import { requirePermission, scopeFor, withDb, type Ctx } from '../access/index.js';
import { inTransaction, type DetaineesTable } from '../store/index.js';
import { insertDetainees, selectIsnHolder } from './detainee.store.js';
import { detaineeRow, queueCollisionReview, visibleMarking } from './register-detainee.js';
import { RegistryErrors } from './registry.errors.js';
import { ZRegisterDetaineeRequest, type TImportResult, type TRegisterDetainee } from './registry.schemas.js';

/** The CSV columns, in the order `sallyport detainees import` documents them; only isn…marking are required. */
export const DETAINEE_CSV_COLUMNS = [
  'isn', 'name_ar', 'name_latin', 'aliases', 'birth_date', 'birth_year', 'birth_place', 'nationality', 'sex',
  'risk_tier', 'keep_apart', 'medical', 'legal_status', 'facility', 'custodian', 'status', 'marking',
] as const;
const REQUIRED = ['isn', 'name_ar', 'name_latin', 'nationality', 'sex', 'risk_tier', 'marking'];

const FIELD_TO_COLUMN: Record<string, string> = {
  nameAr: 'name_ar', nameLatin: 'name_latin', birthDate: 'birth_date', birthYear: 'birth_year', birthPlace: 'birth_place',
  riskTier: 'risk_tier', keepApart: 'keep_apart', legalStatus: 'legal_status',
};

/** One problem in an import: the CSV row (1 = first data row), the column and why. */
export interface ImportRowIssue {
  row: number;
  field: string;
  reason: string;
}

function list(v: string | undefined, sep: string): string[] {
  return v ? v.split(sep).map((s) => s.trim()).filter(Boolean) : [];
}

function requestOf(rec: Record<string, string>): Record<string, unknown> {
  const blank = (k: string) => (rec[k] === undefined || rec[k] === '' ? undefined : rec[k]);
  return {
    isn: rec.isn, nameAr: rec.name_ar, nameLatin: rec.name_latin,
    aliases: list(rec.aliases, '|').map((a) => ({ nameLatin: a, kind: 'alias' })),
    birthDate: blank('birth_date'), birthYear: blank('birth_year') === undefined ? undefined : Number(rec.birth_year),
    birthPlace: blank('birth_place'), nationality: rec.nationality, sex: rec.sex, riskTier: rec.risk_tier,
    keepApart: list(rec.keep_apart, ';'), medical: list(rec.medical, ';'), legalStatus: blank('legal_status'),
    facility: blank('facility'), custodian: blank('custodian'), status: blank('status'), marking: rec.marking,
  };
}

function columnOf(path: PropertyKey[]): string {
  const head = String(path[0] ?? '');
  return FIELD_TO_COLUMN[head] ?? (head === 'aliases' ? 'aliases' : head);
}

/**
 * Imports detainees from CSV (a header row naming the columns of `DETAINEE_CSV_COLUMNS`). All or nothing:
 * when any row is invalid, nothing is stored and the error lists every row, column and reason. A row whose
 * ISN is held by a record the caller cannot see goes to review, like a single registration.
 * Requires `registry:import`.
 * @throws DomainError REGISTRY_IMPORT_INVALID with `details.rows`.
 */
export async function importDetainees(ctx: Ctx, csv: string): Promise<TImportResult> {
  requirePermission(ctx.principal, 'registry:import');
  let records: Record<string, string>[];
  try {
    records = parse<Record<string, string>>(csv, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (e) {
    throw importInvalid([{ row: 0, field: 'csv', reason: (e as Error).message }]);
  }
  const header = records.length > 0 ? Object.keys(records[0]!) : [];
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(DETAINEE_CSV_COLUMNS as readonly string[]).includes(c));
  if (records.length === 0) throw importInvalid([{ row: 0, field: 'csv', reason: 'no data rows' }]);
  if (missing.length || unknown.length) {
    throw importInvalid([...missing.map((c) => ({ row: 0, field: c, reason: 'required column missing' })), ...unknown.map((c) => ({ row: 0, field: c, reason: 'unknown column' }))]);
  }
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const issues: ImportRowIssue[] = [];
    const rows: DetaineesTable[] = [];
    const collisions: { row: number; input: TRegisterDetainee; holder: { id: string; marking_id: number } }[] = [];
    const seen = new Map<string, number>();
    for (const [i, rec] of records.entries()) {
      const rowNo = i + 1;
      const parsed = ZRegisterDetaineeRequest.safeParse(requestOf(rec));
      if (!parsed.success) {
        for (const iss of parsed.error.issues) issues.push({ row: rowNo, field: columnOf(iss.path), reason: iss.message });
        continue;
      }
      const input = parsed.data;
      const dup = seen.get(input.isn);
      if (dup) {
        issues.push({ row: rowNo, field: 'isn', reason: `same ISN as row ${dup}` });
        continue;
      }
      seen.set(input.isn, rowNo);
      try {
        const row = await detaineeRow(withDb(ctx, trx), scope, input);
        const holder = await selectIsnHolder(trx, input.isn);
        if (holder && (await visibleMarking(trx, ctx, holder.marking_id))) issues.push({ row: rowNo, field: 'isn', reason: 'already registered' });
        else if (holder) collisions.push({ row: rowNo, input, holder });
        else rows.push(row);
      } catch (e) {
        if (!isDomainError(e) || e.kind !== 'invalid') throw e;
        const err: DomainError = e;
        for (const fi of (err.details.issues) ?? [{ field: err.details.field ?? '', reason: err.details.reason ?? err.message }]) {
          issues.push({ row: rowNo, field: columnOf([fi.field.split('.')[0] ?? '']), reason: fi.reason });
        }
      }
    }
    if (issues.length > 0) throw importInvalid(issues);
    await insertDetainees(trx, rows);
    const pendingReview = [];
    for (const c of collisions) pendingReview.push({ row: c.row, reviewId: await queueCollisionReview(trx, ctx, c.input, c.holder) });
    await ctx.audit.record(trx, { action: 'detainee.import', subjectType: 'detainee', details: { created: rows.length, pendingReview: pendingReview.length, ids: rows.map((r) => r.id) } });
    return { created: rows.length, pendingReview };
  });
}

function importInvalid(rows: ImportRowIssue[]): DomainError {
  const shown = rows.slice(0, 5).map((r) => `row ${r.row} ${r.field}: ${r.reason}`).join('; ');
  return new DomainError('invalid', RegistryErrors.REGISTRY_IMPORT_INVALID, `import refused, nothing stored: ${shown}${rows.length > 5 ? ` (+${rows.length - 5} more)` : ''}`, {
    field: rows[0]?.field ?? 'csv',
    reason: rows[0]?.reason ?? 'invalid',
    issues: rows.map((r) => ({ field: `row ${r.row}: ${r.field}`, reason: r.reason })),
    rows,
  });
}
