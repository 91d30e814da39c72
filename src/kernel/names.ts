import { invalid } from './errors.js';

/**
 * Personal names in Arabic and Latin script: validation at the edge, and normalization for search. The
 * search keys themselves (consonant skeletons that make transliteration variants meet) are in `name-keys.ts`.
 */

/** The longest name accepted, in code points. */
export const MAX_NAME_LENGTH = 200;

/** The script a name is written in. */
export type NameScript = 'arabic' | 'latin';

const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const ZWNJ = 0x200c;

const ARABIC_LETTER = /(?=\p{sc=Arabic})\p{L}/u;
const ARABIC_MARK = /(?=\p{scx=Arabic})\p{M}/u;
const TATWEEL = '\u0640';
const LATIN_LETTER = /(?=\p{sc=Latin})\p{L}/u;
// Combining diacritics that transliteration uses (macron, dot below, breve, ...), in case input is not precomposed.
const LATIN_MARK = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff]/u;
// ʿ ʾ ʼ ʻ: ayn and hamza in scholarly transliteration, and the apostrophes people type for them.
const LATIN_MODIFIERS = new Set(['\u02bf', '\u02be', '\u02bc', '\u02bb']);
const HYPHENS = ['-', '\u2010', '\u2011'];
const ARABIC_PUNCT = new Set([' ', ...HYPHENS, "'", '\u2019', '\u200c']);
const LATIN_PUNCT = new Set([' ', ...HYPHENS, "'", '\u2019', '\u2018', '`', '.']);

// Plain names: they start with a letter (so no combining mark lacks a base), hold only unaccented
// letters, single inner spaces, hyphens and (Latin) apostrophes and periods; they are NFC as they stand.
const PLAIN: Readonly<Record<NameScript, RegExp>> = {
  latin: /^[A-Za-z](?:[A-Za-z'.-]| (?=[A-Za-z'.-]))*$/,
  arabic: /^[\u0621-\u063a\u0641-\u064a](?:[\u0621-\u063a\u0641-\u064a-]| (?=[\u0621-\u063a\u0641-\u064a-]))*$/,
};

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

// Invisible and control characters are refused outright: they let two names that look alike differ (or a name
// render reversed, with U+202E), which defeats both people reading records and deduplication.
function refuseInvisible(field: string, s: string, script: NameScript): void {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) throw invalid(field, `control character ${hex(cp)}`);
    if (BIDI_CONTROLS.has(cp)) throw invalid(field, `bidirectional control character ${hex(cp)}`);
    if (cp === ZWNJ && script === 'arabic') continue; // ZWNJ keeps letters unjoined in Arabic-script spellings
    if (ZERO_WIDTH.has(cp)) throw invalid(field, `zero-width character ${hex(cp)}`);
    if (cp === 0x2028 || cp === 0x2029) throw invalid(field, `line separator ${hex(cp)}`);
    if (/\p{Cs}/u.test(ch)) throw invalid(field, `lone surrogate ${hex(cp)}`);
    if (/\p{Cf}/u.test(ch)) throw invalid(field, `invisible formatting character ${hex(cp)}`);
    if (/[\p{Cn}\p{Co}]/u.test(ch)) throw invalid(field, `unassigned or private-use character ${hex(cp)}`);
  }
}

function allowed(ch: string, script: NameScript): boolean {
  if (script === 'arabic') return ARABIC_LETTER.test(ch) || ch === TATWEEL || ARABIC_MARK.test(ch) || ARABIC_PUNCT.has(ch);
  return LATIN_LETTER.test(ch) || LATIN_MARK.test(ch) || LATIN_MODIFIERS.has(ch) || LATIN_PUNCT.has(ch);
}

/**
 * Validates a personal name and returns it NFC-normalized, trimmed, with runs of whitespace made one space.
 * An Arabic-script name holds Arabic letters, harakat, tatweel, ZWNJ, spaces, hyphens and apostrophes; a
 * Latin-script name holds Latin letters (with transliteration diacritics: ā ḥ ṣ ʿ ʾ), spaces, hyphens,
 * apostrophes and periods.
 * @throws DomainError (invalid, on `field`) with the reason: `must not be empty`, `longer than 200 characters`,
 *   `control character U+0007`, `bidirectional control character U+202E`, `zero-width character U+200B`,
 *   `combining mark U+064E with no base letter`, `character "x" (U+0078) is not allowed in an Arabic-script
 *   name`, `must contain an Arabic letter` (or `a Latin letter`), among others.
 */
export function checkName(field: string, s: string, script: NameScript): string {
  // A length bound before any work, so a megabyte of input costs nothing.
  if (s.length > MAX_NAME_LENGTH * 4) throw invalid(field, `longer than ${MAX_NAME_LENGTH} characters`);
  // Fast path for the common case (plain letters, single spaces, already NFC): bulk loads check
  // hundreds of thousands of names, and the general path below walks every character with regexes.
  if (s.length <= MAX_NAME_LENGTH && PLAIN[script].test(s)) return s;
  const nfc = s.normalize('NFC');
  refuseInvisible(field, nfc, script);
  const name = nfc.replace(/\s+/gu, ' ').trim();
  if (name === '') throw invalid(field, 'must not be empty');
  const chars = [...name];
  if (chars.length > MAX_NAME_LENGTH) throw invalid(field, `longer than ${MAX_NAME_LENGTH} characters`);
  let prev = '';
  for (const ch of chars) {
    if (/\p{M}/u.test(ch) && !/[\p{L}\p{M}]/u.test(prev)) {
      throw invalid(field, `combining mark ${hex(ch.codePointAt(0) ?? 0)} with no base letter`);
    }
    if (!allowed(ch, script)) {
      const where = script === 'arabic' ? 'an Arabic-script' : 'a Latin-script';
      throw invalid(field, `character "${ch}" (${hex(ch.codePointAt(0) ?? 0)}) is not allowed in ${where} name`);
    }
    prev = ch;
  }
  const letter = script === 'arabic' ? ARABIC_LETTER : LATIN_LETTER;
  if (!chars.some((ch) => letter.test(ch))) {
    throw invalid(field, script === 'arabic' ? 'must contain an Arabic letter' : 'must contain a Latin letter');
  }
  return name;
}

// Harakat, Quranic annotation marks, superscript alef and tatweel: spelling aids that search ignores.
const ARABIC_IGNORED = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200c]/gu;
const ARABIC_FOLD: Readonly<Record<string, string>> = {
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0622': '\u0627', // آ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064a', // ى → ي
  '\u06cc': '\u064a', // Persian ی → ي
  '\u0629': '\u0647', // ة → ه
  '\u06c1': '\u0647', // Urdu ہ → ه
  '\u06c0': '\u0647', // ۀ → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064a', // ئ → ي
  '\u06a9': '\u0643', // Persian ک → ك
};

/**
 * Folds Arabic-script spelling variants for comparison: presentation forms to letters (NFKC), harakat and
 * tatweel removed, alef forms أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي (and Persian ی ک to Arabic), whitespace
 * collapsed. Latin text passes through (NFKC-normalized).
 */
export function normalizeArabic(s: string): string {
  return s
    .normalize('NFKC')
    .replace(ARABIC_IGNORED, '')
    .replace(/[\u0622\u0623\u0625\u0671\u0649\u06cc\u0629\u06c1\u06c0\u0624\u0626\u06a9]/gu, (c) => ARABIC_FOLD[c] ?? c)
    .replace(/\s+/gu, ' ')
    .trim();
}

// Latin letters that carry no combining mark to strip, so NFD leaves them alone.
const LATIN_FOLD: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', ı: 'i', þ: 'th', ħ: 'h' };

/**
 * Folds Latin transliteration variants for comparison: diacritics stripped (NFD), ʿ ʾ ʼ ʻ ' ’ ‘ ` removed,
 * lowercase, hyphens and periods to spaces, whitespace collapsed. `ʿAbd al-Raḥmān` → `abd al rahman`.
 */
export function normalizeLatin(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðıþħ]/gu, (c) => LATIN_FOLD[c] ?? c)
    .replace(/[\u02bf\u02be\u02bc\u02bb'\u2019\u2018`]/gu, '')
    .replace(/[-\u2010\u2011.]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** True when `s` holds at least one Arabic-script letter. */
export function hasArabicLetter(s: string): boolean {
  return ARABIC_LETTER.test(s);
}
