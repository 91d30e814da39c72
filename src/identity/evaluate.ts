import { requirePermission, type Ctx } from '../access/index.js';
import type { TAccuracy, TEvaluation } from './identity.schemas.js';
import { chooseThreshold, compareFields, fitLabelled, scoreOf, type Compared, type FsModel } from './fuse.js';
import { loadGallery, pairBiometric, type Gallery } from './gallery.js';
import { scoreGallery, type DedupOptions } from './dedup.js';
import { selectTruthPairs } from './enrollment.store.js';
import { BIOMETRIC_THRESHOLD, DEFAULT_MODEL, NAMES_MODEL } from './model.data.js';

/**
 * Accuracy on the scenario's ground truth: pairwise precision, recall and F1 of biometrics alone, names alone
 * (with birth, place, nationality) and the fused score, and the NIST-style FNIR at FPIR = 0.001 — each
 * enrollment searched against all others, non-mated searches setting the threshold that lets 0.1 % of them
 * return a candidate, mated searches missing when their mate scores below it.
 */

const NAME_PARTS = new Set(['names', 'birth', 'place', 'nationality']);

/** A candidate pair with everything the matchers score it on. */
export interface EvalPair {
  a: number;
  b: number;
  biometric: number | null;
  compared: Compared[];
  truth: boolean;
}

/** True pairs of gallery rows: every pair within a person's cluster of detainee records (by truth, via ISN). */
export function truePairs(g: Gallery, isnOf: ReadonlyMap<string, string>, truth: readonly { a: string; b: string | null }[]): Set<string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  for (const t of truth) if (t.b) parent.set(find(t.b), find(t.a));
  const clusters = new Map<string, number[]>();
  g.detaineeIds.forEach((d, i) => {
    const isn = isnOf.get(d);
    if (!isn) return;
    const root = find(isn);
    (clusters.get(root) ?? clusters.set(root, []).get(root)!).push(i);
  });
  const out = new Set<string>();
  for (const rows of clusters.values()) for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) out.add(pairKey(rows[i]!, rows[j]!));
  return out;
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** The candidate pairs of a gallery (biometric neighbours and name blocks) compared on every component. */
export async function evalPairs(g: Gallery, truth: ReadonlySet<string>, opts: DedupOptions = {}): Promise<EvalPair[]> {
  const scored = await scoreGallery(g, opts);
  return scored.map((p) => {
    const biometric = pairBiometric(g, p.a, p.b);
    return { a: p.a, b: p.b, biometric, compared: compareFields(g.records[p.a]!, g.records[p.b]!, { biometric }), truth: truth.has(pairKey(p.a, p.b)) };
  });
}

type Scorer = (p: EvalPair) => number;

function scorers(models: { fused: FsModel; names: FsModel }): Record<'biometric' | 'names' | 'fused', Scorer> {
  return {
    biometric: (p) => p.biometric ?? -1,
    names: (p) => scoreOf(models.names, p.compared.filter((c) => NAME_PARTS.has(c.name))).score,
    fused: (p) => scoreOf(models.fused, p.compared).score,
  };
}

function accuracy(matcher: string, pairs: readonly EvalPair[], n: number, opts: { score: Scorer; threshold: number; truePairs: number }): TAccuracy {
  const { score, threshold } = opts;
  let tp = 0;
  let predicted = 0;
  const best = new Float64Array(n).fill(-Infinity);
  const bestMate = new Float64Array(n).fill(-Infinity);
  const mated = new Uint8Array(n);
  for (const p of pairs) {
    const s = score(p);
    if (s >= threshold) {
      predicted++;
      if (p.truth) tp++;
    }
    for (const [probe] of [[p.a], [p.b]] as const) {
      if (p.truth) bestMate[probe] = Math.max(bestMate[probe] ?? -Infinity, s);
      else best[probe] = Math.max(best[probe] ?? -Infinity, s);
    }
    if (p.truth) {
      mated[p.a] = 1;
      mated[p.b] = 1;
    }
  }
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = opts.truePairs === 0 ? 0 : tp / opts.truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { matcher, threshold, truePairs: opts.truePairs, predicted, tp, precision, recall, f1, fnirAtFpir: fnirAt(best, bestMate, mated, 0.001) };
}

/**
 * FNIR at a fixed FPIR: non-mated searches are the enrollments with no true mate (their best candidate score
 * sets the threshold: the smallest one exceeded by at most FPIR of them); a mated search fails when its mate's
 * score is under the threshold or its mate never became a candidate.
 */
export function fnirAt(best: Float64Array, bestMate: Float64Array, mated: Uint8Array, fpir: number): number | null {
  const nonMated: number[] = [];
  let matedCount = 0;
  best.forEach((s, i) => (mated[i] ? matedCount++ : nonMated.push(s)));
  if (matedCount === 0 || nonMated.length === 0) return null;
  nonMated.sort((x, y) => y - x);
  const allowed = Math.floor(fpir * nonMated.length);
  const t = nonMated[allowed] ?? -Infinity; // scores strictly above t are the allowed false positives
  let missed = 0;
  bestMate.forEach((s, i) => {
    if (mated[i] && !(s > t)) missed++;
  });
  return missed / matedCount;
}

/** The accuracy of the three matchers on evaluated pairs. */
export function evaluatePairs(pairs: readonly EvalPair[], g: Gallery, truePairCount: number, models = { fused: DEFAULT_MODEL, names: NAMES_MODEL, biometric: BIOMETRIC_THRESHOLD }): TAccuracy[] {
  const s = scorers(models);
  const n = g.ids.length;
  return [
    accuracy('biometric', pairs, n, { score: s.biometric, threshold: models.biometric, truePairs: truePairCount }),
    accuracy('names', pairs, n, { score: s.names, threshold: models.names.threshold, truePairs: truePairCount }),
    accuracy('fused', pairs, n, { score: s.fused, threshold: models.fused.threshold, truePairs: truePairCount }),
  ];
}

/**
 * Fits the matcher on labelled pairs: m/u counted per component level, thresholds chosen where the false-match
 * rate over the candidate non-matches is at most 0.1 % with the best F1.
 */
export function calibrate(pairs: readonly EvalPair[]): { fused: FsModel; names: FsModel; biometric: number } {
  const labels = pairs.map((p) => p.truth);
  const lv = (p: EvalPair, only?: Set<string>) => Object.fromEntries(p.compared.filter((c) => !only || only.has(c.name)).map((c) => [c.name, c.level]));
  const fused = fitLabelled(pairs.map((p) => lv(p)), labels);
  fused.threshold = chooseThreshold(pairs.map((p) => scoreOf(fused, p.compared).score), labels);
  const names = fitLabelled(pairs.map((p) => lv(p, NAME_PARTS)), labels);
  names.threshold = chooseThreshold(pairs.map((p) => scoreOf(names, p.compared.filter((c) => NAME_PARTS.has(c.name))).score), labels);
  const biometric = chooseThreshold(pairs.map((p) => p.biometric ?? -1), labels);
  return { fused, names, biometric };
}

/** The store's gallery and truth, ready to evaluate. */
export async function loadEvaluation(ctx: Ctx, opts: DedupOptions = {}): Promise<{ g: Gallery; pairs: EvalPair[]; truePairs: number }> {
  requirePermission(ctx.principal, 'identity:adjudicate');
  const g = await loadGallery(ctx.db);
  const detainees = await ctx.db.selectFrom('detainees').select(['id', 'isn']).execute();
  const truth = truePairs(g, new Map(detainees.map((d) => [d.id, d.isn])), await selectTruthPairs(ctx.db));
  return { g, pairs: await evalPairs(g, truth, opts), truePairs: truth.size };
}

/**
 * The accuracy report on the loaded scenario's ground truth (which no user sees otherwise). Requires
 * `identity:adjudicate`. Audited.
 */
export async function evaluateIdentity(ctx: Ctx, opts: DedupOptions = {}): Promise<TEvaluation> {
  const { g, pairs, truePairs: count } = await loadEvaluation(ctx, opts);
  await ctx.audit.record(ctx.db, { action: 'identity.evaluate', subjectType: 'enrollment', details: { enrollments: g.ids.length } });
  return { enrollments: g.ids.length, truePairs: count, results: evaluatePairs(pairs, g, count) };
}
