import { bannerOf, formatBanner, parseMarking } from '../kernel/index.js';
import { writeLine } from './io.js';

/** One column of a table: its heading and how to render a row's cell. */
export interface Column<T> {
  header: string;
  cell: (row: T) => string;
}

// Combining marks (Arabic harakat among them) take no column of their own in a terminal.
const ZERO_WIDTH = /[\p{M}\u200B-\u200F\u2060\uFEFF]/gu;
// Control characters (C0, DEL, C1) and bidirectional overrides/isolates would let a stored name rewrite the
// terminal line or reorder the columns around it; they are shown escaped instead.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** A cell's text, safe for a terminal: control and bidi override characters escaped as `\u{…}`. */
export function safeText(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** The number of terminal columns `s` takes (code points, minus zero-width marks). */
export function displayWidth(s: string): number {
  return [...s.replace(ZERO_WIDTH, '')].length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Rows aligned under their headings, two spaces between columns, no trailing blanks. */
export function formatTable<T>(rows: readonly T[], columns: readonly Column<T>[]): string[] {
  const cells = rows.map((r) => columns.map((c) => safeText(c.cell(r))));
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...cells.map((row) => displayWidth(row[i] ?? ''))));
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i] ?? 0)).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)];
}

/** `key: value` lines, keys padded to one width. Arrays join with `, `; null shows as `-`. */
export function formatFields(fields: readonly (readonly [string, unknown])[]): string[] {
  const width = Math.max(0, ...fields.map(([k]) => k.length));
  return fields.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${safeText(show(v))}`);
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (Array.isArray(v)) return v.length === 0 ? '-' : v.map(show).join(', ');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return v.toString();
  return JSON.stringify(v) ?? '-';
}

/**
 * The classification banner of output combining records with these portion markings: the highest level,
 * the common REL TO and every caveat, e.g. `SECRET//REL TO IRQ, USA`. Undefined when there is no record.
 */
export function bannerLine(markings: readonly string[]): string | undefined {
  if (markings.length === 0) return undefined;
  return formatBanner(bannerOf(markings.map((m) => parseMarking(m))));
}

/** Prints human output: the banner (when any record is marked), then the lines. */
export async function printMarked(out: NodeJS.WritableStream, markings: readonly string[], lines: readonly string[]): Promise<void> {
  const banner = bannerLine(markings);
  if (banner !== undefined) await writeLine(out, banner);
  for (const l of lines) await writeLine(out, l);
}

/** Prints a value as JSON (machine output): one document, two-space indented. */
export async function printJson(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  await writeLine(out, JSON.stringify(value, null, 2));
}
