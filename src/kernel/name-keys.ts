import { hasArabicLetter, normalizeArabic, normalizeLatin } from './names.js';

/**
 * Search keys for Arabic names. A name's words become consonant skeletons in one Latin alphabet, from either
 * script, so that transliteration variants and the Arabic original meet: Muhammad, Mohammed, Mohamed and محمد
 * are all `mhmd`; Hussein, Husayn and حسين are `hsn`; Khalid and خالد are `kld`.
 *
 * Rules, applied alike to both scripts:
 * - Vowels are dropped, and so are w and y (و and ي are long vowels far more often than consonants), ع, ء and ا.
 * - Letters that transliteration confuses share a class: ح/ه → h, خ/ق/ك → k, ث/ت/ط → t, ذ/د/ض → d, س/ص/ش → s,
 *   ظ/ز → z. Latin digraphs: kh → k, sh → s, ch → s (the French spelling of ش: Chérif, Hicham), th → t,
 *   dh → d, gh → g (غ), ph → f, ck → k, dj → j; and q, c → k, x → ks, p → b, v → f.
 * - ج is written j or g (Jamal, Gamal), so Latin g and Arabic ج both give `j`; غ (Latin gh) is `g`.
 * - Doubled consonants collapse (shadda, Mohammed). A final h is dropped when a consonant remains, so ta marbuta
 *   and its spellings meet (فاطمة, Fatima, Fatimah: `ftm`), and Abdullah and عبدالله give the same keys.
 * - Particles are dropped as words: al, el, ul, il and the assimilated ar-, as-, ash-, ad-, an-, at-, az-, er-,
 *   es-, ed-, en-, et-, ez-; bin, ibn, ben, bint, bent; ال, ابن, بن, بنت. The Arabic article is also stripped
 *   from the front of a word (الحسن → حسن).
 * - `Abd al-X`, `Abdul X`, `Abdel X`, `Abdurrahman`, `عبد X` and `عبدالX` all give the keys `bd` and X's.
 */

const ARABIC_CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'k', د: 'd', ذ: 'd', ر: 'r', ز: 'z', س: 's', ش: 's', ص: 's',
  ض: 'd', ط: 't', ظ: 'z', غ: 'g', ف: 'f', ق: 'k', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  پ: 'b', چ: 'j', ژ: 'z', ڤ: 'f', گ: 'j',
};
const LATIN_DIGRAPHS: Readonly<Record<string, string>> = {
  kh: 'k', sh: 's', ch: 's', th: 't', dh: 'd', gh: 'g', ph: 'f', ck: 'k', dj: 'j', zh: 'z',
};
const LATIN_CONSONANTS: Readonly<Record<string, string>> = {
  b: 'b', c: 'k', d: 'd', f: 'f', g: 'j', h: 'h', j: 'j', k: 'k', l: 'l', m: 'm', n: 'n', p: 'b', q: 'k',
  r: 'r', s: 's', t: 't', v: 'f', x: 'ks', z: 'z',
};

const LATIN_PARTICLES = new Set([
  'al', 'el', 'ul', 'il', 'ar', 'as', 'ash', 'ad', 'adh', 'an', 'at', 'ath', 'az',
  'er', 'es', 'ed', 'en', 'et', 'ez', 'bin', 'ibn', 'ben', 'bint', 'bent',
]);
const ARABIC_PARTICLES = new Set(['ال', 'ابن', 'بن', 'بنت']);
const ARTICLE = 'ال';
const ABD = 'عبد';

function finish(consonants: string): string {
  const s = consonants.replace(/(.)\1+/g, '$1');
  return s.length >= 2 && s.endsWith('h') ? s.slice(0, -1) : s;
}

function arabicSkeleton(word: string): string {
  let out = '';
  for (const ch of word) out += ARABIC_CONSONANTS[ch] ?? '';
  return finish(out);
}

function latinSkeleton(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const digraph = LATIN_DIGRAPHS[word.slice(i, i + 2)];
    if (digraph !== undefined) {
      out += digraph;
      i++;
    } else {
      out += LATIN_CONSONANTS[word[i] ?? ''] ?? '';
    }
  }
  return finish(out);
}

/** One searchable word: `keys[0]` is the key a query uses, the rest are extra forms stored for recall. */
interface SearchWord {
  keys: string[];
  latin: string[];
}

function arabicWords(word: string): SearchWord[] {
  if (ARABIC_PARTICLES.has(word)) return [];
  if (word.startsWith(ABD + ARTICLE) && word.length > ABD.length + ARTICLE.length + 1) {
    return [...arabicWords(ABD), ...arabicWords(word.slice(ABD.length))];
  }
  if (word.startsWith(ARTICLE) && word.length >= ARTICLE.length + 2) {
    // Store the skeleton with the article too: some names only look like it (الياس Ilyas, الهام Ilham).
    return [{ keys: [arabicSkeleton(word.slice(ARTICLE.length)), arabicSkeleton(word)], latin: [] }];
  }
  return [{ keys: [arabicSkeleton(word)], latin: [] }];
}

// Abdul, Abdel, Abdal, Abdoul, Abdu, Abdi: "Abd al-" standing alone before the next word.
const ABD_ALONE = /^abd(?:[aeiou]{1,2}l?)?$/;
// Abdulaziz, Abdelkader, Abdullah (abdu-l + lah): the article written into the word.
const ABD_AL = /^abd[aeiou]{1,2}l([a-z]{2,})$/;
// Abdurrahman, Abdussalam, Abdunnasir, Abdurahman: the article assimilated to a sun letter.
const ABD_SUN = /^abd[aeiou]{1,2}((sh|th|dh|[rsntdz])(\2)?[a-z]{2,})$/;

function splitAbd(word: string): string[] {
  if (!word.startsWith('abd')) return [word];
  if (ABD_ALONE.test(word)) return ['abd'];
  const al = ABD_AL.exec(word);
  if (al?.[1]) return ['abd', al[1]];
  const sun = ABD_SUN.exec(word);
  if (sun?.[1] && sun[2]) return ['abd', sun[3] ? sun[1].slice(sun[2].length) : sun[1]];
  return [word];
}

function latinWords(word: string): SearchWord[] {
  const clean = word.replace(/[^a-z]/g, '');
  if (clean === '' || LATIN_PARTICLES.has(clean)) return [];
  const parts = splitAbd(clean);
  return parts.map((p, i) => ({ keys: [latinSkeleton(p)], latin: i === 0 && parts.length > 1 ? [clean, p] : [p] }));
}

// Names repeat their words endlessly (a few hundred isms, nisbas and particles make most of a gallery),
// so each word's keys are computed once. Bounded: cleared when it grows past WORD_CACHE_MAX entries.
const WORD_CACHE_MAX = 100_000;
const wordCache = new Map<string, readonly SearchWord[]>();

function wordKeys(raw: string): readonly SearchWord[] {
  const known = wordCache.get(raw);
  if (known) return known;
  const words: SearchWord[] = [];
  // Normalization may itself yield separators (NFKC of a ligature), so split again after it.
  for (const part of normalizeArabic(raw).split(SEPARATORS)) {
    if (part === '') continue;
    if (hasArabicLetter(part)) words.push(...arabicWords(part));
    else for (const w of normalizeLatin(part).split(' ')) words.push(...latinWords(w));
  }
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(raw, words);
  return words;
}

const SEPARATORS = /[\s\-\u2010\u2011.]+/u;

function searchWords(name: string): SearchWord[] {
  const words: SearchWord[] = [];
  for (const raw of name.split(SEPARATORS)) {
    if (raw !== '') words.push(...wordKeys(raw));
  }
  return words;
}

export function nameSkeleton(word: string): string {
  return searchWords(word)
    .map((w) => w.keys[0] ?? '')
    .join('')
    .replace(/(.)\1+/g, '$1'); // Abu Bakr and Aboubakar: `b` + `bkr` meets `bkr`
}

/**
 * Every skeleton one word may stand for: the key a query uses first, then the extra forms stored for recall
 * (for an Arabic word starting with ال, the skeleton without and with the article: الياس → `s`, `ls`).
 */
export function wordSkeletons(word: string): string[] {
  return distinct(searchWords(word).flatMap((w) => w.keys));
}

function distinct(xs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const x of xs) if (x !== '') out.add(x);
  return [...out];
}

/**
 * The text stored in a record's `search_keys` column for all its `names` (Arabic and Latin spellings): the
 * distinct skeletons and normalized Latin words, sorted, joined by single spaces, with a space before the first
 * and after the last (`' abd abdullah bd hsn ... '`), or `''` when no name has a searchable word. Keys are
 * `[a-z]+`, so they never hold a LIKE wildcard.
 *
 * The contract with `queryKeys`: a record matches a query when every query key is a prefix of some word of the
 * record's search keys, i.e. for each key `search_keys LIKE '% ' || key || '%'` (see `matchesNameKeys`).
 */
export function nameSearchKeys(names: readonly string[]): string {
  const keys = distinct(names.flatMap((n) => searchWords(n).flatMap((w) => [...w.keys, ...w.latin]))).sort();
  return keys.length === 0 ? '' : ` ${keys.join(' ')} `;
}

/**
 * The keys of a search query: one skeleton per query word, particles dropped, duplicates removed, in query
 * order. A record matches when each key is a prefix of a word of its `nameSearchKeys` (so `Moh` finds
 * Mohammed). An empty array means the query has nothing to search on; callers decide what that returns.
 * @example queryKeys('Abdul Rahman al-Hassan') // ['bd', 'rhmn', 'hsn'], as for 'عبد الرحمن الحسن'
 */
export function queryKeys(q: string): string[] {
  return distinct(searchWords(q).map((w) => w.keys[0] ?? ''));
}

/**
 * The in-memory form of the search contract: true when every key is a prefix of some word of `searchKeys`
 * (the output of `nameSearchKeys`). An empty key list matches nothing.
 */
export function matchesNameKeys(searchKeys: string, keys: readonly string[]): boolean {
  return keys.length > 0 && keys.every((k) => searchKeys.includes(` ${k}`));
}
