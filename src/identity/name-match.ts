import { parseName, type NameToken, type ParsedName } from './name-structure.js';
import { jaroWinkler } from './similarity.js';

/**
 * Name similarity that knows Arabic names. Two names are compared token by token on consonant skeletons
 * (Jaro–Winkler on skeletons, so Hussein/Husayn/حسين are equal and Qasim/Kassem nearly so), the tokens aligned
 * one to one for the best role-weighted total; the ism must agree for a full score, a kunya matches only a
 * kunya, and nasab chains may be shorter on one side (a grandfather left out). A person's names — primary in
 * both scripts and aliases — are compared all against all, and the best pair counts.
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
  let best = skelSim(a.skel ?? a.key, b.skel ?? b.key);
  // A word that may or may not carry the article (Alakidi, al-Ogaidi) is compared both ways.
  if (a.alt !== undefined) best = Math.max(best, skelSim(a.alt, b.skel ?? b.key));
  if (b.alt !== undefined) best = Math.max(best, skelSim(a.skel ?? a.key, b.alt));
  return best;
}

// Coarser than foldZ: ق is g in Bedouin and Egyptian speech (Baggara, al-Bakkara; skeletons write Latin g as ج),
// ث is s in Turkish and Levantine spellings (Osman, Othmane), and a Latin s, t, k or d before h may be two
// letters or a digraph (Ishaq, إسحاق; Fathi, فتحي).
function coarse(k: string): string {
  return k.replace(/([stkdj])h/g, '$1').replace(/[ztsd]/g, 'd').replace(/j/g, 'k');
}

// Skeletons are few and recur across millions of comparisons: their folded forms are computed once.
const folded = new Map<string, [string, string]>();
function foldsOf(k: string): [string, string] {
  let f = folded.get(k);
  if (!f) {
    if (folded.size > 100_000) folded.clear();
    f = [foldZ(k), coarse(k)];
    folded.set(k, f);
  }
  return f;
}

function skelSim(x: string, y: string): number {
  if (x === y) return 1;
  const fx = foldsOf(x);
  const fy = foldsOf(y);
  if (fx[0] === fy[0]) return 0.95;
  if (fx[1] === fy[1]) return 0.9;
  const s = jaroWinkler(x, y);
  return s >= 0.8 ? s : 0;
}

/**
 * The best one-to-one alignment of the shorter name's tokens onto the longer's: the assignment maximising the
 * role-weighted similarity (exact over subsets for names of up to 12 tokens, greedy beyond). A greedy pass in
 * name order goes wrong when an early token is nearly as like a later one as its own counterpart (Ishaq/Shakir
 * against إسحاق/شاكر: the skeleton sk is a little closer to skr than to shk) or when two spellings of the same
 * skeleton stand for different names (Sa'd Saeed against Saad Sayeed).
 */
function align(short: readonly NameToken[], long: readonly NameToken[]): { best: number[]; used: Uint8Array } {
  const m = long.length;
  const sim = short.map((t) => long.map((u) => tokenSim(t, u)));
  const used = new Uint8Array(m);
  const best = new Array<number>(short.length).fill(0);
  // When the tokens' best counterparts are all different, each token gets its best: that is the optimum.
  const top = sim.map((row, i) => {
    let at = -1;
    row.forEach((x, j) => {
      const y = at < 0 ? 0 : (row[at] as number);
      if (x > y || (x > 0 && x === y && long[j]?.role === short[i]?.role)) at = j;
    });
    return at;
  });
  const picked = top.filter((j) => j >= 0);
  if (new Set(picked).size === picked.length) {
    top.forEach((j, i) => {
      if (j >= 0) {
        best[i] = sim[i]?.[j] ?? 0;
        used[j] = 1;
      }
    });
    return { best, used };
  }
  if (m > 12) {
    short.forEach((t, i) => {
      let at = -1;
      for (let j = 0; j < m; j++) if (!used[j] && (sim[i]?.[j] ?? 0) > (best[i] ?? 0)) [best[i], at] = [sim[i]?.[j] ?? 0, j];
      if (at >= 0) used[at] = 1;
    });
    return { best, used };
  }
  // value[mask] after i short tokens: the best weighted sum using exactly the long tokens in mask (or fewer).
  // A same-role pairing wins ties (a nasab against a nasab rather than against the ism).
  const size = 1 << m;
  let value = new Float64Array(size).fill(-1);
  value[0] = 0;
  const choice: Int8Array[] = [];
  short.forEach((t, i) => {
    const next = new Float64Array(size).fill(-1);
    const pick = new Int8Array(size).fill(-1);
    const w = ROLE_WEIGHT[t.role];
    for (let mask = 0; mask < size; mask++) {
      const v = value[mask] as number;
      if (v < 0) continue;
      if (v > (next[mask] as number)) {
        next[mask] = v;
        pick[mask] = -1;
      }
      for (let j = 0; j < m; j++) {
        if (mask & (1 << j)) continue;
        const s = sim[i]?.[j] ?? 0;
        if (s === 0) continue;
        const nv = v + s * w + (long[j]?.role === t.role ? 1e-6 : 0);
        const to = mask | (1 << j);
        if (nv > (next[to] as number)) {
          next[to] = nv;
          pick[to] = j;
        }
      }
    }
    choice.push(pick);
    value = next;
  });
  let mask = 0;
  for (let k = 1; k < size; k++) if ((value[k] as number) > (value[mask] as number)) mask = k;
  for (let i = short.length - 1; i >= 0; i--) {
    const j = choice[i]?.[mask] ?? -1;
    if (j >= 0) {
      best[i] = sim[i]?.[j] ?? 0;
      used[j] = 1;
      mask &= ~(1 << j);
    }
  }
  return { best, used };
}

/** Similarity 0–1 of two parsed names. */
export function parsedSimilarity(a: ParsedName, b: ParsedName): number {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 0;
  const [short, long] = a.tokens.length <= b.tokens.length ? [a.tokens, b.tokens] : [b.tokens, a.tokens];
  const { best, used } = align(short, long);
  let got = 0;
  let total = 0;
  short.forEach((t, i) => {
    const w = ROLE_WEIGHT[t.role];
    got += (best[i] ?? 0) * w;
    total += w;
  });
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
