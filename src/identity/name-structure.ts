import { hasArabicLetter, nameSkeleton, normalizeArabic, normalizeLatin, wordSkeletons } from '../kernel/index.js';

/**
 * The structure of an Arabic name: ism (given name), nasab (bin/ibn chains of fathers' names), kunya
 * ("Abu X", أبو X), nisba ("al-Iraqi", العراقي) and other family words — each as a consonant skeleton from the
 * kernel's search keys, so transliteration variants and the Arabic script meet (Muhammad/Mohammed/محمد → mhmd).
 * A nom de guerre is a kunya with a nisba ("Abu Hamza al-Tunisi").
 */

export type NameRole = 'ism' | 'nasab' | 'kunya' | 'nisba' | 'family';

export interface NameToken {
  /** The skeleton, or `#group` for a name of the variant dictionary. */
  key: string;
  role: NameRole;
  /** The plain skeleton of a dictionary name, for comparison with spellings the dictionary does not hold. */
  skel?: string;
  /** The skeleton with a leading ال kept: some names only look like they carry the article (إلياس Ilyas, إلهام Ilham). */
  alt?: string;
}

export interface ParsedName {
  tokens: NameToken[];
  /** True when the name is only a kunya or a nom de guerre (no ism). */
  nomDeGuerre: boolean;
}

const ABU = new Set(['abu', 'abou', 'abo', 'aboo', 'abul', 'ابو']);
const NASAB = new Set(['bin', 'ibn', 'ben', 'bint', 'bent', 'ould', 'بن', 'ابن', 'بنت']);
const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ar', 'as', 'ash', 'ad', 'adh', 'an', 'at', 'ath', 'az', 'er', 'es', 'ed', 'en', 'et', 'ez', 'ال']);
/**
 * The variant dictionary: names whose consonant skeletons collide although they are different names (the
 * skeleton drops long vowels, so Ahmad, Hamid and Hamad are all `hmd`; Omar, Amer and Ammar all `mr`). Each
 * group's spellings, in both scripts, get a key of their own.
 */
const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['ahmd', 'ahmad', 'ahmed', 'ahmet', 'ehmed', 'احمد'],
  ['hamd', 'hamid', 'hamed', 'haamid', 'حامد'],
  ['hmad', 'hamad', 'hammad', 'حمد', 'حماد'],
  ['mhmd', 'muhammad', 'mohammed', 'mohamed', 'mohamad', 'muhammed', 'mohammad', 'muhamed', 'mouhamed', 'mohamud', 'mohd', 'محمد'],
  ['mhmwd', 'mahmoud', 'mahmud', 'mahmood', 'mahmut', 'محمود'],
  ['omr', 'omar', 'umar', 'omer', 'oumar', 'عمر'],
  ['amr', 'amer', 'amir', 'aamir', 'aamer', 'عامر'],
  ['amar', 'ammar', 'amar', 'عمار'],
  ['sad', 'sad', 'saad', "sa'd", 'سعد'],
  ['said', 'said', 'saeed', 'saied', 'sayeed', 'saeid', 'سعيد'],
  ['saud', 'saud', 'saoud', 'سعود'],
  ['hsn', 'hassan', 'hasan', 'hassen', 'حسن'],
  ['hsin', 'hussein', 'husayn', 'hussain', 'husain', 'houssein', 'hossein', 'husein', 'حسين'],
  ['kld', 'khalid', 'khaled', 'khaleed', 'خالد'],
  ['kld2', 'khuld', 'خلد'],
  // ث written s in Turkish spellings and th elsewhere, with the initial vowel written u or o.
  ['uthmn', 'uthman', 'othman', 'othmane', 'osman', 'usman', 'ousmane', 'عثمان'],
  ['fysl', 'faisal', 'faysal', 'faycal', 'fayssal', 'feisal', 'faisel', 'فيصل'],
];
const VARIANTS = new Map<string, string>(VARIANT_GROUPS.flatMap((g) => g.slice(1).map((w) => [w, `#${g[0] ?? ''}`] as [string, string])));
const ABD = new Set(['abd', 'abdul', 'abdel', 'abdal', 'abdoul', 'abdu', 'abdi', 'abed', 'عبد']);

function words(name: string): { w: string; article: boolean; whole?: string }[] {
  const out: { w: string; article: boolean; whole?: string }[] = [];
  const arabic = hasArabicLetter(name);
  // ç is s (Fayçal), which normalisation would make a plain c.
  const norm = arabic ? normalizeArabic(name) : normalizeLatin(name.replace(/ç/g, 's').replace(/Ç/g, 'S'));
  let article = false;
  for (const raw of norm.split(/[\s\-\u2010\u2011.]+/u)) {
    if (raw === '') continue;
    if (ARTICLES.has(raw)) {
      article = true;
      continue;
    }
    // French spellings: c before e, i, y is s (Houcine, Soufiane Boucif), which the skeletons would read as k.
    let w = arabic ? raw : raw.replace(/c(?=[eiy])/g, 's');
    let art = article;
    let whole: string | undefined;
    if (arabic && w.startsWith('ال') && w.length >= 4 && !w.startsWith('الله')) {
      whole = w;
      w = w.slice(2);
      art = true;
    } else if (!arabic && /^[ae](ch|sh|th|dh|[tdrzsnl])\1[a-z]{2,}$/.test(w)) {
      // Ettounsi, Echchami, Ezzaouia: the assimilated article written into the word.
      w = w.slice(1 + ((/^[ae](ch|sh|th|dh|[tdrzsnl])/.exec(w)?.[1] ?? '').length));
      art = true;
    } else if (!arabic && /^(al|el)[bcdfghjklmnpqrstvwxz][a-z]{2,}$/.test(w)) {
      // Alqahtani, Elmasri, Alsaleh: the article written into the word (kept as an alternative: Elham).
      whole = w;
      w = w.slice(2);
      art = true;
    }
    out.push(whole === undefined ? { w, article: art } : { w, article: art, whole });
    article = false;
  }
  return out;
}

function isNisbaWord(w: string, article: boolean): boolean {
  if (!article) return false;
  return /[iy]$/.test(w) || /ي$/u.test(w);
}

/**
 * Splits a name into skeleton tokens with their roles.
 * @example parseName('Abu Hamza al-Tunisi') // kunya hmz, nisba tns; nomDeGuerre true
 * @example parseName('Abdul Rahman bin Khalid al-Dosari') // ism bdrhmn, nasab kld, nisba dsr
 */
export function parseName(name: string): ParsedName {
  const arabic = hasArabicLetter(name);
  const ws = words(name);
  const tokens: NameToken[] = [];
  let next: NameRole | null = null;
  let sawIsm = false;
  let sawKunya = false;
  for (let i = 0; i < ws.length; i++) {
    const { w, article, whole } = ws[i] as { w: string; article: boolean; whole?: string };
    if (ABU.has(w) && next === 'nasab' && i + 1 < ws.length) {
      // "bin Abu Bakr": after a nasab particle, Abu X is the father's name, not a kunya.
      const key = nameSkeleton(`${w}${ws[i + 1]?.w ?? ''}`);
      i++;
      if (key !== '') tokens.push({ key, role: 'nasab' });
      next = null;
      continue;
    }
    if (ABU.has(w)) {
      next = 'kunya';
      continue;
    }
    const benX = /^(?:ben|bin)(?!n)([a-z]{3,})$/.exec(w);
    if (benX?.[1] && next === null) {
      // Benali, Benaissa, Benyoucef: a Maghrebi family name written as one word.
      ws[i] = { w: benX[1], article };
      next = 'nasab';
      i--;
      continue;
    }
    const fused = /^(?:abu|abou|abo)([a-z]{3,})$/.exec(w);
    if (fused?.[1] && next === null) {
      // Aboubakar, Abuhamza: a kunya written as one word.
      ws[i] = { w: fused[1], article };
      next = 'kunya';
      i--;
      continue;
    }
    if (NASAB.has(w)) {
      next = 'nasab';
      continue;
    }
    let text = w;
    if ((w === 'bu' || w === 'bou' || w === 'بو') && i + 1 < ws.length) {
      // Maghrebi family names: Bu Zayd is Bouzid, one name.
      text = `${w}${ws[i + 1]?.w ?? ''}`;
      i++;
    } else if ((w === 'bel' || w === 'bil') && i + 1 < ws.length) {
      // Bel-Qasim, Bil-Hadj: the Maghrebi "son of" (بل) written apart from the name it is fused to (Belkacem).
      text = `${w}${ws[i + 1]?.w ?? ''}`;
      i++;
    } else if (ABD.has(w) && i + 1 < ws.length) {
      text = `${w} ${ws[i + 1]?.w ?? ''}`;
      i++;
    }
    const skel = nameSkeleton(text);
    const key = VARIANTS.get(text) ?? skel;
    if (key === '') continue;
    let role: NameRole;
    if (next) role = next;
    else if (isNisbaWord(w, article)) role = 'nisba';
    else if (!sawIsm && !sawKunya) role = 'ism';
    else if (article) role = 'family';
    else role = sawIsm ? 'nasab' : 'family';
    if (role === 'ism') sawIsm = true;
    if (role === 'kunya') sawKunya = true;
    const token: NameToken = key === skel ? { key, role } : { key, role, skel };
    let alt = whole !== undefined && text === w ? (arabic ? wordSkeletons(whole).at(-1) : nameSkeleton(whole)) : undefined;
    // Alafari or al-Afari, Alyami or al-Yami: a vowel (or y, w) after "al" leaves it open whether the article is
    // written into the word.
    if (!arabic && alt === undefined && /^(al|el)[aeiouyw][a-z]{2,}$/.test(w)) alt = nameSkeleton(w.slice(2));
    if (alt !== undefined && alt !== key) token.alt = alt;
    tokens.push(token);
    next = null;
  }
  return { tokens, nomDeGuerre: sawKunya && !sawIsm };
}
