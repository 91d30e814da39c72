import { parseName, type NameToken, type ParsedName } from './name-structure.js';
import { jaroWinkler } from './similarity.js';

/**
 * Name similarity that knows Arabic names. Two names are compared token by token on consonant skeletons
 * (Jaro–Winkler on skeletons, so Hussein/Husayn/حسين are equal and Qasim/Kassem nearly so), the tokens aligned
 * greedily; the ism must agree for a full score, a kunya matches only a kunya, and nasab chains may be shorter on
 * one side (a grandfather left out). A person's names — primary in both scripts and aliases — are compared
 * all against all, and the best pair counts.
 */

const ROLE_WEIGHT: Readonly<Record<NameToken['role'], number>> = { ism: 1.5, nasab: 1, kunya: 1.5, nisba: 0.8, family: 1.2 };

// ذ and ظ are written dh, th, z or d (Mondher, Monzer, Hudhayfa, Huthaifa): skeletons with z and t folded into d meet.
function foldZ(k: string): string {
  return k.replace(/[zt]/g, 'd');
}

function tokenSim(a: NameToken, b: NameToken): number {
  if ((a.role === 'kunya') !== (b.role === 'kunya')) return 0;
  if (a.key === b.key) return 1;
  if (a.alt !== undefined || b.alt !== undefined) {
    if ((a.alt ?? a.key) === (b.alt ?? b.key) || a.alt === b.key || a.key === b.alt) return 1;
  }
  // Two names of the variant dictionary are equal or different, never "close"; a dictionary name against a
  // spelling the dictionary lacks falls back to skeletons.
  if (a.skel !== undefined && b.skel !== undefined) return 0;
  const x = a.skel ?? a.key;
  const y = b.skel ?? b.key;
  if (foldZ(x) === foldZ(y)) return 0.95;
  // Coarser still: ق is g in Bedouin and Egyptian speech (Baggara, al-Bakkara; skeletons write Latin g as ج),
  // ث is s in Turkish and Levantine spellings (Osman, Othmane), and a Latin s, t, k or d before h may be two
  // letters or a digraph (Ishaq, إسحاق; Fathi, فتحي).
  const coarse = (k: string) => k.replace(/([stkdj])h/g, '$1').replace(/[ztsd]/g, 'd').replace(/j/g, 'k');
  if (coarse(x) === coarse(y)) return 0.9;
  const s = jaroWinkler(x, y);
  return s >= 0.8 ? s : 0;
}

/** Similarity 0–1 of two parsed names. */
export function parsedSimilarity(a: ParsedName, b: ParsedName): number {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  const used = new Uint8Array(long.length);
  let got = 0;
  let total = 0;
  for (const t of short) {
    let best = 0;
    let at = -1;
    for (let j = 0; j < long.length; j++) {
      if (used[j]) continue;
      const s = tokenSim(t, long[j] as NameToken);
      if (s > best) {
        best = s;
        at = j;
      }
    }
    if (at >= 0) used[at] = 1;
    const w = ROLE_WEIGHT[t.role];
    got += best * w;
    total += w;
  }
  // Tokens of the longer name left unmatched cost a little (a nasab chain one generation longer is common).
  let extra = 0;
  long.forEach((t, j) => {
    if (!used[j]) extra += ROLE_WEIGHT[t.role] * (t.role === 'nasab' || t.role === 'nisba' || t.role === 'family' ? 0.15 : 0.4);
  });
  const ismA = a.tokens.find((t) => t.role === 'ism');
  const ismB = b.tokens.find((t) => t.role === 'ism');
  const ismPenalty = ismA && ismB && tokenSim(ismA, ismB) === 0 ? 0.6 : 1;
  return Math.max(0, Math.min(1, (got / total) * ismPenalty - extra / (total + extra) * 0.5));
}

const cache = new Map<string, ParsedName>();
function parsed(name: string): ParsedName {
  let p = cache.get(name);
  if (!p) {
    if (cache.size > 200_000) cache.clear();
    p = parseName(name);
    cache.set(name, p);
  }
  return p;
}

/** Similarity 0–1 of two names in any script. */
export function nameSimilarity(a: string, b: string): number {
  return parsedSimilarity(parsed(a), parsed(b));
}

/**
 * The best similarity between any name of one person and any of the other's, with the pair that gave it.
 * @example bestNameMatch(['Mohammed Hussein al-Jubouri'], ['محمد حسين الجبوري']).similarity // 1
 */
export function bestNameMatch(as: readonly string[], bs: readonly string[]): { similarity: number; a: string; b: string } {
  const pa = distinctParsed(as);
  const pb = distinctParsed(bs);
  let best = { similarity: 0, a: as[0] ?? '', b: bs[0] ?? '' };
  for (const a of pa) {
    for (const b of pb) {
      const s = parsedSimilarity(a.parsed, b.parsed);
      if (s > best.similarity) best = { similarity: s, a: a.name, b: b.name };
      if (s === 1) return best;
    }
  }
  return best;
}

// A person's names in both scripts mostly parse to the same tokens: compare each distinct parse once.
const distinctCache = new WeakMap<readonly string[], { name: string; parsed: ParsedName }[]>();
function distinctParsed(names: readonly string[]): { name: string; parsed: ParsedName }[] {
  const known = distinctCache.get(names);
  if (known) return known;
  const seen = new Set<string>();
  const out: { name: string; parsed: ParsedName }[] = [];
  for (const name of names) {
    const p = parsed(name);
    const sig = p.tokens.map((t) => `${t.role}:${t.key}`).join(' ');
    if (seen.has(sig)) continue;
    seen.add(sig);
    out.push({ name, parsed: p });
  }
  distinctCache.set(names, out);
  return out;
}

/** The blocking keys of a name: the skeleton of its ism and of its kunya name, when present. */
export function blockingKeys(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    for (const t of parsed(n).tokens) if (t.role === 'ism' || t.role === 'kunya') out.add(`${t.role === 'kunya' ? 'k' : 'i'}:${t.key}`);
  }
  return [...out];
}
