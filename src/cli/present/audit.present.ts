import type { TAuditRecord } from '../../access/index.js';

/** The audit CSV columns, in order; `details` holds the record's details as JSON. */
export const AUDIT_CSV_COLUMNS = [
  'id', 'at', 'username', 'userId', 'agencyId', 'action', 'subjectType', 'subjectId', 'outcome', 'ip', 'requestId', 'details',
] as const;

// A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection); a leading
// apostrophe keeps it text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(v: string | null): string {
  if (v === null) return '';
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV header line. */
export function auditCsvHeader(): string {
  return AUDIT_CSV_COLUMNS.join(',');
}

/** One audit record as a CSV line (RFC 4180 quoting). */
export function auditCsvLine(r: TAuditRecord): string {
  return AUDIT_CSV_COLUMNS.map((c) => csvCell(c === 'details' ? JSON.stringify(r.details) : r[c])).join(',');
}

/** One audit record as an NDJSON line. */
export function auditNdjsonLine(r: TAuditRecord): string {
  return JSON.stringify(r);
}
