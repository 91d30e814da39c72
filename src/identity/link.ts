import { nameSkeleton, normalizeLatin } from '../kernel/index.js';
import { compareFields, fitEm, scoreOf, type FsModel, type Levels, type MatchRecord } from './fuse.js';

/**
 * Record linkage of two lists of person records (or deduplication of one): blocking passes make candidate
 * pairs, each pair is compared field by field, Fellegi–Sunter m/u are estimated by EM on the candidates, and
 * every pair gets its score and the decision at the threshold where the posterior match probability is 1/2.
 */

/** A linked pair: indexes into left and right, the score, the decision and each component's level. */
export interface LinkedPair {
  left: number;
  right: number;
  score: number;
  match: boolean;
  levels: Levels;
}

export interface LinkOptions {
  /** Called as blocks are compared: pairs done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** The largest block compared (records per side); larger blocks are skipped as uninformative. Default 400. */
  maxBlock?: number;
}

export interface LinkResult {
  pairs: LinkedPair[];
  model: FsModel;
  candidates: number;
}

function nameTokens(r: MatchRecord): string[] {
  const out = new Set<string>();
  for (const n of r.names) for (const w of n.split(/[\s\-.]+/u)) {
    const k = nameSkeleton(w);
    if (k.length >= 2) out.add(k);
  }
  return [...out];
}

function yearOf(r: MatchRecord): number | null {
  const d = r.birthDate?.replace(/-/g, '');
  if (d && /^\d{8}$/.test(d)) return Number(d.slice(0, 4));
  return r.birthYear ?? null;
}

/** The blocking keys of a record, one per pass: name-token pairs, a name token with the birth year, the birth date, each extra value. */
export function blockKeys(r: MatchRecord): string[] {
  const keys = new Set<string>();
  const toks = nameTokens(r);
  for (let i = 0; i < toks.length; i++) {
    for (let j = i + 1; j < toks.length; j++) {
      const [x, y] = [toks[i] as string, toks[j] as string].sort();
      keys.add(`nn:${x}|${y}`);
    }
  }
  const y = yearOf(r);
  for (const t of toks) if (y !== null) keys.add(`ny:${t}|${y}`);
  const d = r.birthDate?.replace(/-/g, '');
  if (d && d.length >= 6) keys.add(`d:${d}`);
  for (const [f, v] of Object.entries(r.extra ?? {})) {
    const n = v ? normalizeLatin(v) : '';
    if (n.length >= 2) keys.add(`x:${f}:${n}`);
  }
  return [...keys];
}

function index(records: readonly MatchRecord[], passes?: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const k of blockKeys(r)) {
      if (passes && !passes.some((p) => k.startsWith(p))) continue;
      (out.get(k) ?? out.set(k, []).get(k)!).push(i);
    }
  });
  return out;
}

/** Candidate pairs from blocking, each once (`left < right` when deduplicating one list); `passes` keeps only keys with those prefixes (`nn:`, `ny:`, `d:`, `x:`). */
export function candidatePairs(left: readonly MatchRecord[], right: readonly MatchRecord[] | null, maxBlock = 400, passes?: readonly string[]): [number, number][] {
  const li = index(left, passes);
  const ri = right ? index(right, passes) : li;
  const seen = new Set<number>();
  const width = right ? right.length : left.length;
  const out: [number, number][] = [];
  for (const [k, ls] of li) {
    const rs = ri.get(k);
    if (!rs || ls.length > maxBlock || rs.length > maxBlock) continue;
    for (const a of ls) {
      for (const b of rs) {
        if (!right && a >= b) continue;
        const code = a * width + b;
        if (seen.has(code)) continue;
        seen.add(code);
        out.push([a, b]);
      }
    }
  }
  return out;
}

/** The components compared when linking: names, birth, place, nationality when mapped, and every extra field. */
function partsOf(records: readonly MatchRecord[]): string[] {
  const parts = ['names', 'birth'];
  if (records.some((r) => r.birthPlace)) parts.push('place');
  if (records.some((r) => r.nationality)) parts.push('nationality');
  const extras = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.extra ?? {})) extras.add(k);
  return [...parts, ...[...extras].sort()];
}

/**
 * Links `left` with `right`, or deduplicates `left` when `right` is null.
 * @example linkRecords(a, b).pairs.filter((p) => p.match)
 */
export function linkRecords(left: readonly MatchRecord[], right: readonly MatchRecord[] | null, opts: LinkOptions = {}): LinkResult {
  const pairs = candidatePairs(left, right, opts.maxBlock ?? 400);
  const parts = partsOf(right ? [...left.slice(0, 1000), ...right.slice(0, 1000)] : left.slice(0, 2000));
  const other = right ?? left;
  const levels: Levels[] = new Array<Levels>(pairs.length);
  const step = Math.max(1, Math.floor(pairs.length / 100));
  pairs.forEach(([a, b], i) => {
    const compared = compareFields(left[a] as MatchRecord, other[b] as MatchRecord, { parts });
    levels[i] = Object.fromEntries(compared.map((c) => [c.name, c.level]));
    if (i % step === 0) opts.onProgress?.(i, pairs.length);
  });
  opts.onProgress?.(pairs.length, pairs.length);
  const model = fitEm(levels);
  const out: LinkedPair[] = pairs.map(([a, b], i) => {
    const lv = levels[i] as Levels;
    const score = scoreOf(model, Object.entries(lv).map(([name, level]) => ({ name, level, similarity: null, note: '' }))).score;
    return { left: a, right: b, score, match: score >= model.threshold, levels: lv };
  });
  return { pairs: out, model, candidates: pairs.length };
}

/** Pairwise precision, recall and F1 of predicted pairs against true pairs (both as `a|b` keys). */
export function pairwiseAccuracy(predicted: ReadonlySet<string>, truth: ReadonlySet<string>): { tp: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  const precision = predicted.size === 0 ? 0 : tp / predicted.size;
  const recall = truth.size === 0 ? 0 : tp / truth.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, precision, recall, f1 };
}

/** The FEBRL entity of a record id (`rec-123-org`, `rec-123-dup-0` → `123`), or null. */
export function febrlEntity(id: string): string | null {
  const m = /^rec-(\d+)-(?:org|dup-\d+)$/.exec(id.trim());
  return m?.[1] ?? null;
}
