import { nameSkeleton, normalizeLatin } from '../kernel/index.js';
import { bestNameMatch } from './name-match.js';
import { birthLevel, jaroWinkler } from './similarity.js';

/**
 * The fused score: Fellegi–Sunter. Each component (names, birth, place, nationality, biometrics, and for
 * linkage of arbitrary files any extra mapped field) is reduced to an agreement level; each level has m (the
 * chance of that level among true matches) and u (among non-matches), and weighs log2(m/u). The score is the
 * sum; a missing value weighs 0. m and u are estimated from data — from labelled pairs (`fitLabelled`, the
 * scenario's truth) or without labels by EM (`fitEm`, what `identity link` does on any two files) — and the
 * threshold is chosen from the measured error rates, never guessed.
 */

/** A record as the matcher sees it. */
export interface MatchRecord {
  names: readonly string[];
  birthDate?: string | null;
  birthYear?: number | null;
  birthPlace?: string | null;
  nationality?: string | null;
  /** Other mapped fields (address, document number…), compared as strings. */
  extra?: Readonly<Record<string, string | null | undefined>>;
}

export type Levels = Record<string, string>;

/** m and u of every level of every component. */
export interface FsModel {
  components: Record<string, Record<string, { m: number; u: number }>>;
  /** The score at and above which a pair is a match. */
  threshold: number;
}

export const MISSING = 'missing';

function nameLevel(s: number): string {
  return s >= 0.97 ? 'exact' : s >= 0.9 ? 'high' : s >= 0.75 ? 'medium' : s >= 0.5 ? 'low' : 'differ';
}

// Linkage compares the same field values over and over: normalise each once. Bounded.
const normCache = new Map<string, string>();
function norm(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    if (normCache.size > 500_000) normCache.clear();
    n = normalizeLatin(s);
    normCache.set(s, n);
  }
  return n;
}

function stringLevel(a: string | null | undefined, b: string | null | undefined): { level: string; sim: number | null } {
  const x = a ? norm(a) : '';
  const y = b ? norm(b) : '';
  if (x === '' || y === '') return { level: MISSING, sim: null };
  if (x === y) return { level: 'exact', sim: 1 };
  const s = jaroWinkler(x, y);
  return { level: s >= 0.93 ? 'high' : s >= 0.8 ? 'medium' : 'differ', sim: s };
}

function placeLevel(a: string | null | undefined, b: string | null | undefined): { level: string; sim: number | null } {
  if (!a || !b) return { level: MISSING, sim: null };
  const x = nameSkeleton(a);
  const y = nameSkeleton(b);
  if (x === '' || y === '') return { level: MISSING, sim: null };
  if (x === y) return { level: 'exact', sim: 1 };
  const s = jaroWinkler(x, y);
  return { level: s >= 0.9 ? 'high' : 'differ', sim: s };
}

/** Biometric agreement levels from the mean cosine of the modalities both enrollments hold. */
export function biometricLevel(sim: number | null | undefined): string {
  if (sim === null || sim === undefined) return MISSING;
  return sim >= 0.5 ? 'strong' : sim >= 0.35 ? 'good' : sim >= 0.2 ? 'weak' : 'none';
}

/** One compared component: its level, its similarity where it has one, and a note saying what was compared. */
export interface Compared {
  name: string;
  level: string;
  similarity: number | null;
  note: string;
}

/**
 * Compares two records component by component. `biometric` is the mean template cosine when both have
 * templates; `useNames: false` leaves names out (for the biometric-only matcher).
 */
export function compareFields(a: MatchRecord, b: MatchRecord, opts: { biometric?: number | null; parts?: readonly string[] } = {}): Compared[] {
  const parts = opts.parts ?? ['names', 'birth', 'place', 'nationality', 'biometric'];
  const out: Compared[] = [];
  for (const p of parts) {
    if (p === 'names') {
      if (a.names.length === 0 || b.names.length === 0) out.push({ name: p, level: MISSING, similarity: null, note: 'no name on one side' });
      else {
        const best = bestNameMatch(a.names, b.names);
        out.push({ name: p, level: nameLevel(best.similarity), similarity: best.similarity, note: `${best.a} ~ ${best.b}` });
      }
    } else if (p === 'birth') {
      const level = birthLevel(a, b);
      out.push({ name: p, level, similarity: null, note: `${a.birthDate ?? a.birthYear ?? '?'} ~ ${b.birthDate ?? b.birthYear ?? '?'}` });
    } else if (p === 'place') {
      const { level, sim } = placeLevel(a.birthPlace, b.birthPlace);
      out.push({ name: p, level, similarity: sim, note: `${a.birthPlace ?? '?'} ~ ${b.birthPlace ?? '?'}` });
    } else if (p === 'nationality') {
      const x = a.nationality ?? null;
      const y = b.nationality ?? null;
      out.push({ name: p, level: x === null || y === null ? MISSING : x === y ? 'exact' : 'differ', similarity: null, note: `${x ?? '?'} ~ ${y ?? '?'}` });
    } else if (p === 'biometric') {
      const s = opts.biometric ?? null;
      out.push({ name: p, level: biometricLevel(s), similarity: s, note: s === null ? 'no shared modality' : `mean template cosine ${s.toFixed(3)}` });
    } else {
      const { level, sim } = stringLevel(a.extra?.[p], b.extra?.[p]);
      out.push({ name: p, level, similarity: sim, note: `${a.extra?.[p] ?? '?'} ~ ${b.extra?.[p] ?? '?'}` });
    }
  }
  return out;
}

/** The weight of one level: log2(m/u), 0 for a missing value or an unknown level. */
export function weightOf(model: FsModel, component: string, level: string): number {
  if (level === MISSING) return 0;
  const p = model.components[component]?.[level];
  return p ? Math.log2(p.m / p.u) : 0;
}

/** The fused score of compared components under a model, with each component's weight. */
export function scoreOf(model: FsModel, compared: readonly Compared[]): { score: number; weights: number[] } {
  const weights = compared.map((c) => weightOf(model, c.name, c.level));
  return { score: weights.reduce((s, w) => s + w, 0), weights };
}

const SMOOTH = 0.5;

function estimate(rows: readonly Levels[], weightsOf: (i: number) => number, component: string, levels: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const l of levels) counts[l] = SMOOTH;
  rows.forEach((r, i) => {
    const l = r[component];
    if (l === undefined || l === MISSING) return;
    const w = weightsOf(i);
    counts[l] = (counts[l] ?? SMOOTH) + w;
    total += w;
  });
  const denom = total + SMOOTH * levels.length;
  for (const l of Object.keys(counts)) counts[l] = (counts[l] ?? 0) / denom;
  return counts;
}

function levelsOf(rows: readonly Levels[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) for (const [c, l] of Object.entries(r)) if (l !== MISSING) (out.get(c) ?? out.set(c, new Set()).get(c)!).add(l);
  return new Map([...out].map(([c, s]) => [c, [...s].sort()]));
}

/** m and u counted from labelled comparison vectors (threshold left at 0: choose it with `chooseThreshold`). */
export function fitLabelled(rows: readonly Levels[], isMatch: readonly boolean[]): FsModel {
  const comps = levelsOf(rows);
  const model: FsModel = { components: {}, threshold: 0 };
  for (const [c, levels] of comps) {
    const m = estimate(rows, (i) => (isMatch[i] ? 1 : 0), c, levels);
    const u = estimate(rows, (i) => (isMatch[i] ? 0 : 1), c, levels);
    model.components[c] = Object.fromEntries(levels.map((l) => [l, { m: m[l] ?? 1e-6, u: u[l] ?? 1e-6 }]));
  }
  return model;
}

/**
 * m, u and the match share estimated without labels by expectation–maximisation (Winkler's EM for
 * Fellegi–Sunter under conditional independence), starting from "agreement is likely among matches". The
 * threshold is where the posterior match probability reaches 1/2.
 */
export function fitEm(rows: readonly Levels[], iterations = 40): FsModel & { prevalence: number } {
  const comps = [...levelsOf(rows)];
  const nc = comps.length;
  const n = rows.length;
  // Rows encoded once as level indexes (-1 for missing), so each iteration is arithmetic over typed arrays.
  const code = new Int32Array(n * nc).fill(-1);
  rows.forEach((r, i) => {
    comps.forEach(([c, levels], j) => {
      const l = r[c];
      if (l !== undefined && l !== MISSING) code[i * nc + j] = levels.indexOf(l);
    });
  });
  const rank = (l: string) => (['exact', 'strong'].includes(l) ? 0.9 : ['high', 'transposed', 'same-year', 'good'].includes(l) ? 0.5 : 0.1);
  const m = comps.map(([, levels]) => Float64Array.from(levels, rank));
  const u = comps.map(([, levels]) => Float64Array.from(levels, (l) => 1 - rank(l)));
  let p = 0.1;
  const post = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const lm = m.map((a) => a.map(Math.log));
    const lu = u.map((a) => a.map(Math.log));
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let x = Math.log(p);
      let y = Math.log(1 - p);
      for (let j = 0; j < nc; j++) {
        const l = code[i * nc + j] as number;
        if (l < 0) continue;
        x += lm[j]![l]!;
        y += lu[j]![l]!;
      }
      const g = 1 / (1 + Math.exp(y - x));
      post[i] = g;
      sum += g;
    }
    p = Math.min(0.999, Math.max(1e-6, sum / n));
    for (let j = 0; j < nc; j++) {
      const k = comps[j]![1].length;
      const cm = new Float64Array(k).fill(SMOOTH);
      const cu = new Float64Array(k).fill(SMOOTH);
      for (let i = 0; i < n; i++) {
        const l = code[i * nc + j] as number;
        if (l < 0) continue;
        cm[l]! += post[i]!;
        cu[l]! += 1 - post[i]!;
      }
      const tm = cm.reduce((a, b) => a + b, 0);
      const tu = cu.reduce((a, b) => a + b, 0);
      m[j] = cm.map((v) => v / tm);
      u[j] = cu.map((v) => v / tu);
    }
  }
  const model: FsModel = { components: {}, threshold: Math.log2((1 - p) / p) };
  comps.forEach(([c, levels], j) => {
    model.components[c] = Object.fromEntries(levels.map((l, k) => [l, { m: m[j]![k]!, u: u[j]![k]! }]));
  });
  return { ...model, prevalence: p };
}

/**
 * The threshold from measured error rates on labelled scores: the one with the best F1 among those whose
 * false-match rate over the non-matches is at most `maxFmr`, placed midway between the two scores it separates.
 */
export function chooseThreshold(scores: readonly number[], isMatch: readonly boolean[], maxFmr = 0.001): number {
  const order = scores.map((s, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  const positives = isMatch.filter(Boolean).length;
  const negatives = isMatch.length - positives;
  let tp = 0;
  let fp = 0;
  let best = { f1: -1, t: Infinity };
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (isMatch[i]) tp++;
    else fp++;
    const next = order[k + 1];
    const here = scores[i] ?? 0;
    if (next !== undefined && scores[next] === here) continue;
    if (negatives > 0 && fp / negatives > maxFmr) break;
    const f1 = (2 * tp) / (tp + fp + positives);
    const t = next === undefined ? here - 1 : (here + (scores[next] ?? here)) / 2;
    if (f1 > best.f1) best = { f1, t };
  }
  return best.t;
}
