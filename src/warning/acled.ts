import { parse } from 'csv-parse';
import { ACLED_COLUMNS, ACLED_EVENT_TYPES, ACLED_REQUIRED, type TEventType, type TImportIssue } from './warning.schemas.js';

/**
 * Reading conflict events from a CSV in ACLED's column layout, as a stream: records come out one at a time with
 * their line number, so a file of any size is read in bounded memory. Each row is checked on its own here;
 * the import use case adds the checks that need the store.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Control characters and bidirectional overrides would let a stored place name rewrite a terminal line or reorder a table.
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const EXTRA_COLUMNS = ['marking'] as const;

/** A row that passed its own checks. */
export interface AcledRow {
  line: number;
  sourceId: string | null;
  eventDate: string;
  eventType: TEventType;
  subEventType: string;
  actor1: string;
  actor2: string | null;
  country: string;
  admin1: string | null;
  admin2: string | null;
  admin3: string | null;
  location: string;
  lat: number;
  lon: number;
  fatalities: number;
  notes: string | null;
  marking: string | null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` of an ACLED date (`2024-01-15` or `15 January 2024`), or null when it is no calendar date. */
export function acledDate(text: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const long = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (long) [d, m, y] = [Number(long[1]), MONTHS.indexOf(long[2]!.toLowerCase()) + 1, Number(long[3])];
  else return null;
  if (m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * Checks the header: every required ACLED column present, no column ACLED does not have (but `marking`), none twice.
 * @returns the issues (line 1), empty when the header is good.
 */
export function checkHeader(header: readonly string[]): TImportIssue[] {
  const known = new Set<string>([...ACLED_COLUMNS, ...EXTRA_COLUMNS]);
  const issues: TImportIssue[] = [];
  for (const c of ACLED_REQUIRED) if (!header.includes(c)) issues.push({ line: 1, field: c, reason: 'required column missing' });
  for (const c of header) if (!known.has(c)) issues.push({ line: 1, field: c || '(blank)', reason: 'not an ACLED column' });
  const seen = new Set<string>();
  for (const c of header) {
    if (seen.has(c)) issues.push({ line: 1, field: c, reason: 'column given twice' });
    seen.add(c);
  }
  return issues;
}

interface RowCtx {
  rec: Record<string, string>;
  issues: TImportIssue[];
  line: number;
}

function text({ rec, issues, line }: RowCtx, col: string, opts: { required: boolean; max: number }): string | null {
  const v = (rec[col] ?? '').normalize('NFC').trim();
  if (v === '') {
    if (opts.required) issues.push({ line, field: col, reason: 'required' });
    return null;
  }
  if (UNSAFE.test(v)) issues.push({ line, field: col, reason: 'control or direction-override characters' });
  else if ([...v].length > opts.max) issues.push({ line, field: col, reason: `longer than ${opts.max} characters` });
  return v;
}

function number({ rec, issues, line }: RowCtx, col: string, range: [number, number]): number {
  const raw = (rec[col] ?? '').trim();
  const v = Number(raw);
  if (raw === '' || !Number.isFinite(v)) issues.push({ line, field: col, reason: raw === '' ? 'required' : `not a number: ${raw.slice(0, 40)}` });
  else if (v < range[0] || v > range[1]) issues.push({ line, field: col, reason: `out of range ${range[0]}..${range[1]}` });
  return v;
}

/**
 * Checks one record (column → value) on its own: dates, ACLED types, coordinates, fatalities, text.
 * @returns the row, or undefined with its issues added to `issues`.
 */
export function checkAcledRow(rec: Record<string, string>, line: number, today: string, issues: TImportIssue[]): AcledRow | undefined {
  const before = issues.length;
  const rc: RowCtx = { rec, issues, line };
  const dateText = (rec.event_date ?? '').trim();
  const eventDate = acledDate(dateText);
  if (dateText === '') issues.push({ line, field: 'event_date', reason: 'required' });
  else if (eventDate === null) issues.push({ line, field: 'event_date', reason: `not a date (YYYY-MM-DD or "15 January 2024"): ${dateText.slice(0, 40)}` });
  else if (eventDate > today) issues.push({ line, field: 'event_date', reason: 'in the future' });
  const type = (rec.event_type ?? '').trim();
  const sub = (rec.sub_event_type ?? '').trim();
  const subs = (ACLED_EVENT_TYPES as Record<string, readonly string[]>)[type];
  if (!subs) issues.push({ line, field: 'event_type', reason: type === '' ? 'required' : `not an ACLED event type: ${type.slice(0, 60)}` });
  else if (!subs.includes(sub)) issues.push({ line, field: 'sub_event_type', reason: sub === '' ? 'required' : `not a sub-event type of ${type}: ${sub.slice(0, 60)}` });
  const lat = number(rc, 'latitude', [-90, 90]);
  const lon = number(rc, 'longitude', [-180, 180]);
  const fatalities = number(rc, 'fatalities', [0, 100_000]);
  if (Number.isFinite(fatalities) && !Number.isInteger(fatalities)) issues.push({ line, field: 'fatalities', reason: 'not a whole number' });
  const row = {
    sourceId: text(rc, 'event_id_cnty', { required: false, max: 40 }),
    actor1: text(rc, 'actor1', { required: true, max: 200 }),
    actor2: text(rc, 'actor2', { required: false, max: 200 }),
    country: text(rc, 'country', { required: true, max: 80 }),
    admin1: text(rc, 'admin1', { required: false, max: 120 }),
    admin2: text(rc, 'admin2', { required: false, max: 120 }),
    admin3: text(rc, 'admin3', { required: false, max: 120 }),
    location: text(rc, 'location', { required: true, max: 200 }),
    notes: text(rc, 'notes', { required: false, max: 4000 }),
    marking: text(rc, 'marking', { required: false, max: 200 }),
  };
  if (issues.length > before) return undefined;
  return { line, ...row, actor1: row.actor1!, country: row.country!, location: row.location!, eventDate: eventDate!, eventType: type as TEventType, subEventType: sub, lat, lon, fatalities };
}

/** Resolves when the parser wants more input, or is gone; leaves no listener behind. */
function drained(parser: ReturnType<typeof parse>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

/** One step of reading: the header, a record with its line, or a row with the wrong number of fields. */
export type CsvStep =
  | { kind: 'header'; columns: string[] }
  | { kind: 'record'; line: number; record: Record<string, string> }
  | { kind: 'ragged'; line: number; fields: number; expected: number };

/** A malformed file (an unclosed quote, a stray character): where and why. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/**
 * Reads CSV text from `chunks` (strings or bytes, any split) as steps. A BOM is dropped; blank lines are skipped.
 * @throws CsvSyntaxError on a malformed file, with the line.
 */
export async function* readCsv(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): AsyncGenerator<CsvStep> {
  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true });
  let sourceError: unknown;
  const feed = (async () => {
    try {
      for await (const c of chunks) {
        if (parser.destroyed) return;
        if (!parser.write(c)) await drained(parser);
      }
      if (!parser.destroyed) parser.end();
    } catch (e) {
      sourceError = e;
      parser.destroy(e as Error);
    }
  })();
  let header: string[] | undefined;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!header) {
        header = record.map((h) => h.trim());
        yield { kind: 'header', columns: header };
        continue;
      }
      if (record.length !== header.length) {
        yield { kind: 'ragged', line: info.lines, fields: record.length, expected: header.length };
        continue;
      }
      const rec: Record<string, string> = {};
      header.forEach((h, i) => (rec[h] = record[i] ?? ''));
      yield { kind: 'record', line: info.lines, record: rec };
    }
  } catch (e) {
    if (sourceError !== undefined) throw sourceError;
    const err = e as Error & { lines?: number };
    throw new CsvSyntaxError(err.lines ?? 0, err.message);
  } finally {
    parser.destroy();
    await feed;
  }
}
