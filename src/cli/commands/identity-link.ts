import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { febrlEntity, linkRecords, pairwiseAccuracy, type LinkResult, type MatchRecord } from '../../identity/index.js';
import { UsageError } from '../exit-codes.js';

/**
 * `identity link`'s file side: CSV files with any columns, mapped onto the matcher's fields by `--map
 * COLUMN=FIELD`. Fields: given, surname, name (a whole name), nameAr, alias, birthDate, birthYear, birthPlace,
 * nationality; any other field name is compared as free text (address, document number…).
 */

export const NAME_FIELDS = ['given', 'surname', 'name', 'nameAr', 'alias'] as const;
export const KNOWN_FIELDS = [...NAME_FIELDS, 'birthDate', 'birthYear', 'birthPlace', 'nationality'] as const;

/** Parses `--map COLUMN=FIELD` options. @throws UsageError naming the bad option. */
export function parseMaps(maps: readonly string[]): [string, string][] {
  if (maps.length === 0) throw new UsageError('--map: give at least one COLUMN=FIELD', [{ field: '--map', reason: 'missing' }]);
  return maps.map((m) => {
    const at = m.indexOf('=');
    const col = m.slice(0, at).trim();
    const field = m.slice(at + 1).trim();
    if (at <= 0 || field === '' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(field)) {
      throw new UsageError(`--map ${m}: expected COLUMN=FIELD (FIELD one of ${KNOWN_FIELDS.join(', ')}, or any other name for free text)`, [{ field: '--map', reason: `bad mapping "${m}"` }]);
    }
    return [col, field];
  });
}

/** A CSV file's rows as match records, with the id column's values. */
export async function readPersons(path: string, maps: readonly [string, string][], idColumn?: string): Promise<{ ids: string[]; records: MatchRecord[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${path}: ${(e as Error).message}`, [{ field: path, reason: 'cannot read' }]);
  }
  let rows: Record<string, string>[];
  try {
    rows = parse<Record<string, string>>(text, { columns: true, trim: true, skip_empty_lines: true, bom: true, relax_column_count: true });
  } catch (e) {
    throw new UsageError(`${path}: not CSV: ${(e as Error).message}`, [{ field: path, reason: 'not CSV' }]);
  }
  const header = rows[0] ? Object.keys(rows[0]) : [];
  for (const [col] of maps) if (!header.includes(col)) throw new UsageError(`--map ${col}: ${path} has no column "${col}" (columns: ${header.join(', ')})`, [{ field: '--map', reason: `no column ${col}` }]);
  if (idColumn && !header.includes(idColumn)) throw new UsageError(`--id ${idColumn}: ${path} has no such column`, [{ field: '--id', reason: 'no such column' }]);
  const ids: string[] = [];
  const records = rows.map((row, i) => {
    ids.push(idColumn ? (row[idColumn] ?? '') : String(i + 1));
    const parts: Record<string, string[]> = {};
    const extra: Record<string, string> = {};
    const rec: MatchRecord & { birthDate?: string | null; birthYear?: number | null } = { names: [] };
    for (const [col, field] of maps) {
      const v = (row[col] ?? '').trim();
      if (v === '') continue;
      if ((NAME_FIELDS as readonly string[]).includes(field)) (parts[field] ??= []).push(v);
      else if (field === 'birthDate') rec.birthDate = v;
      else if (field === 'birthYear') rec.birthYear = /^\d{4}$/.test(v) ? Number(v) : null;
      else if (field === 'birthPlace') rec.birthPlace = v;
      else if (field === 'nationality') rec.nationality = v.toUpperCase();
      else extra[field] = v;
    }
    const whole = [...(parts.given ?? []), ...(parts.surname ?? [])].join(' ');
    const names = [...(whole ? [whole] : []), ...(parts.name ?? []), ...(parts.nameAr ?? []), ...(parts.alias ?? [])];
    // Given name and surname are also compared on their own: a typo in one should not sink the other.
    if (parts.given) extra.given = parts.given.join(' ');
    if (parts.surname) extra.surname = parts.surname.join(' ');
    return { ...rec, names, extra };
  });
  return { ids, records };
}

function csvCell(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The PAIRS.csv text: left id, right id, score, decision, and each component's agreement level. */
export function pairsCsv(result: LinkResult, leftIds: readonly string[], rightIds: readonly string[]): string {
  const comps = Object.keys(result.pairs[0]?.levels ?? {});
  const lines = [['left_id', 'right_id', 'score', 'match', ...comps].join(',')];
  const sorted = [...result.pairs].sort((a, b) => b.score - a.score);
  for (const p of sorted) {
    lines.push([csvCell(leftIds[p.left] ?? ''), csvCell(rightIds[p.right] ?? ''), p.score.toFixed(3), p.match ? 'match' : 'non-match', ...comps.map((c) => p.levels[c] ?? '')].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** P/R/F1 against FEBRL ids (`rec-N-org`, `rec-N-dup-k`: same N, same person). */
export function febrlAccuracy(result: LinkResult, leftIds: readonly string[], rightIds: readonly string[] | null) {
  const key = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
  const other = rightIds ?? leftIds;
  const predicted = new Set(result.pairs.filter((p) => p.match).map((p) => key(leftIds[p.left] ?? '', other[p.right] ?? '')));
  const byEntity = new Map<string, string[]>();
  for (const id of rightIds ? [...leftIds, ...rightIds] : leftIds) {
    const e = febrlEntity(id);
    if (e !== null) (byEntity.get(e) ?? byEntity.set(e, []).get(e)!).push(id);
  }
  const leftSet = new Set(leftIds);
  const truth = new Set<string>();
  for (const ids of byEntity.values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i]!, ids[j]!];
        if (rightIds && leftSet.has(a) === leftSet.has(b)) continue; // linkage counts cross pairs only
        truth.add(key(a, b));
      }
    }
  }
  return { truePairs: truth.size, predicted: predicted.size, ...pairwiseAccuracy(predicted, truth) };
}

/** Links two files (or one with itself). */
export function linkFiles(left: { records: MatchRecord[] }, right: { records: MatchRecord[] } | null, onProgress?: (done: number, total: number) => void): LinkResult {
  return linkRecords(left.records, right ? right.records : null, { onProgress, maxBlock: 50 });
}
