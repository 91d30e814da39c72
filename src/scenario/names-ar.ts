import { FEMALE_ISMS, KUNYA_ONLY, MALE_ISMS } from './names-ar.data.js';
import { FAMILY_NAMES, LOCAL_NISBAS, MUHAJIR } from './names-family.data.js';
import { FOREIGN_NAMES } from './names-foreign.data.js';
import { weightedPicker, type Prng } from './prng.js';

/**
 * Arabic names built from their parts — ism (given name), nasab (father's and grandfather's names, joined by
 * bin/ibn/ben in the Gulf and the Maghreb), family or tribal name, kunya ("Abu X", أبو X) and nisba ("al-Tunisi")
 * — each part held in Arabic script with several Latin spellings, so one person can be written many ways.
 * Non-Arab foreign nationals get civil names from their own region, rendered in Arabic script as well.
 */

/** One name part: its Arabic script and its Latin spellings (academic, English, French, then others). */
export interface NamePart {
  ar: string;
  lat: readonly string[];
}

/** A naming region: how men's and women's names are built. */
export type NameRegion =
  | 'iraq' | 'syria' | 'gulf' | 'levant' | 'maghreb'
  | 'caucasus' | 'centralAsia' | 'turkic' | 'southAsia' | 'southeastAsia' | 'west' | 'balkans' | 'eastAfrica' | 'uyghur';

/** The regions whose names are Arabic names (isms, nasab, family names). */
export const ARAB_REGIONS: readonly NameRegion[] = ['iraq', 'syria', 'gulf', 'levant', 'maghreb'];

/** Parses `arabic|latin|latin…` rows separated by `;` or new lines. */
export function parseNameTable(text: string): NamePart[] {
  return text
    .split(/[;\n]/)
    .map((row) => row.trim())
    .filter((row) => row !== '')
    .map((row) => {
      const [ar = '', ...lat] = row.split('|').map((s) => s.trim());
      return { ar, lat };
    });
}

/** Male isms. */
export const MALE: readonly NamePart[] = parseNameTable(MALE_ISMS);
/** Female isms. */
export const FEMALE: readonly NamePart[] = parseNameTable(FEMALE_ISMS);
/** Names that follow "Abu" in a kunya: most male isms and a few kunya-only names. */
export const KUNYA_NAMES: readonly NamePart[] = [
  ...MALE.filter((p) => !p.ar.startsWith('أبو')),
  ...parseNameTable(KUNYA_ONLY),
];
const FAMILIES: Readonly<Record<string, readonly NamePart[]>> = Object.fromEntries(
  Object.entries(FAMILY_NAMES).map(([k, v]) => [k, parseNameTable(v)]),
);
const FOREIGN = Object.fromEntries(
  Object.entries(FOREIGN_NAMES).map(([k, t]) => [
    k,
    { male: parseNameTable(t.male), female: parseNameTable(t.female), surnames: parseNameTable(t.surnames) },
  ]),
);
/** Nisbas of places inside Iraq and Syria, keyed by country. */
export const LOCAL: Readonly<Record<string, readonly NamePart[]>> = {
  IRQ: parseNameTable(LOCAL_NISBAS.IRQ),
  SYR: parseNameTable(LOCAL_NISBAS.SYR),
};
/** "al-Muhajir", the emigrant: a nisba any foreign fighter may be known by. */
export const MUHAJIR_NISBA: NamePart = parseNameTable(MUHAJIR)[0] as NamePart;

/** How a name is spelled in Latin letters: a spelling column, an article form and a little inconsistency. */
export interface Spelling {
  /** 0 academic, 1 English, 2 French. */
  column: 0 | 1 | 2;
  /** The Latin article put before a family name that has one in Arabic. */
  article: 'al-' | 'Al-' | 'Al ' | 'Al' | 'el-' | 'El ' | '' | 'sun';
  /** Chance that any one part takes a random other spelling. */
  scatter: number;
}

const FRENCH_ARTICLES = weightedPicker(['', 'El ', 'el-'] as const, [5, 3, 2]);
const EGYPTIAN_ARTICLES = weightedPicker(['el-', 'El ', 'al-'] as const, [7, 2, 1]);
const ENGLISH_ARTICLES = weightedPicker(['al-', 'Al-', 'Al ', 'Al'] as const, [60, 25, 10, 5]);

/** Draws a spelling for a document of the given tradition (English, French, Egyptian). */
export function drawSpelling(rng: Prng, tradition: 'en' | 'fr' | 'eg'): Spelling {
  const scatter = 0.12;
  if (tradition === 'fr') {
    const column = rng.chance(0.8) ? 2 : rng.chance(0.5) ? 1 : 0;
    return { column, article: FRENCH_ARTICLES.draw(rng), scatter };
  }
  if (tradition === 'eg') return { column: 1, article: EGYPTIAN_ARTICLES.draw(rng), scatter };
  if (rng.chance(0.15)) return { column: 0, article: rng.chance(0.3) ? 'sun' : 'al-', scatter };
  return { column: 1, article: ENGLISH_ARTICLES.draw(rng), scatter };
}

/** A spelling different from `s` in column or article, for a second enrollment or a variant alias. */
export function otherSpelling(rng: Prng, s: Spelling): Spelling {
  const columns = ([0, 1, 2] as const).filter((c) => c !== s.column);
  const articles = (['al-', 'Al-', 'el-', 'El ', '', 'sun'] as const).filter((a) => a !== s.article);
  return { column: rng.pick(columns), article: rng.pick(articles), scatter: 0.25 };
}

/** The Latin spelling of one part under a spelling. */
export function spell(part: NamePart, s: Spelling, rng: Prng): string {
  const { lat } = part;
  if (lat.length === 0) return '';
  if (lat.length > 1 && rng.chance(s.scatter)) return lat[rng.int(0, lat.length - 1)] as string;
  return (lat[Math.min(s.column, lat.length - 1)] ?? lat[0]) as string;
}

const SUN = /^(Sh|Th|Dh|T|D|R|Z|S|N|L)/;

function withArticle(name: string, part: NamePart, s: Spelling): string {
  if (!part.ar.startsWith('ال')) return name;
  if (s.article === 'Al') return `Al${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  if (s.article !== 'sun') return `${s.article}${name}`;
  const m = SUN.exec(name);
  return m ? `a${(m[1] as string).toLowerCase()}-${name}` : `al-${name}`;
}

/** The parts a person's name is built from, as indexes into the tables; small enough to keep for a re-enrollment. */
export interface NameSpec {
  region: NameRegion;
  sex: 'M' | 'F';
  given: number;
  father: number;
  grand: number;
  /** Index of the family name or surname; -1 when the region uses none. */
  family: number;
  withGrand: boolean;
}

/** A name written out in Arabic script and in Latin letters. */
export interface WrittenName {
  ar: string;
  latin: string;
}

function isArab(region: NameRegion): boolean {
  return ARAB_REGIONS.includes(region);
}

function tables(region: NameRegion): { male: readonly NamePart[]; female: readonly NamePart[]; surnames: readonly NamePart[] } {
  if (isArab(region)) return { male: MALE, female: FEMALE, surnames: FAMILIES[region] ?? [] };
  const t = FOREIGN[region];
  if (!t) throw new RangeError(`no name tables for region ${region}`);
  return t;
}

/** Draws the parts of a name for a person of `region` and `sex`. */
export function drawNameSpec(rng: Prng, region: NameRegion, sex: 'M' | 'F'): NameSpec {
  const t = tables(region);
  const given = rng.int(0, (sex === 'M' ? t.male : t.female).length - 1);
  const dads = isArab(region) ? MALE : t.male;
  const family = t.surnames.length === 0 || (region === 'southeastAsia' && rng.chance(0.4)) ? -1 : rng.int(0, t.surnames.length - 1);
  const father = rng.int(0, dads.length - 1);
  // The grandfather is drawn among the other names, so a nasab never repeats a name by mere chance.
  const grand = (father + rng.int(1, Math.max(1, dads.length - 1))) % dads.length;
  return {
    region,
    sex,
    given,
    father,
    grand,
    family,
    withGrand: sex === 'M' && (region === 'eastAfrica' || (isArab(region) && rng.chance(0.6))),
  };
}

const PARTICLES: Readonly<Record<string, readonly [string, string, string]>> = {
  gulf: ['ibn', 'bin', 'ben'],
  maghreb: ['ibn', 'Ben', 'Ben'],
};

function feminine(part: NamePart): NamePart {
  if (!part.lat.some((l) => /(ov|ev|in)$/.test(l))) return part;
  return { ar: `${part.ar}ا`, lat: part.lat.map((l) => (/(ov|ev|in)$/.test(l) ? `${l}a` : l)) };
}

/** Writes a name out under a spelling. `rng` decides only the scattered spellings. */
export function writeName(spec: NameSpec, s: Spelling, rng: Prng): WrittenName {
  const t = tables(spec.region);
  const given = ((spec.sex === 'M' ? t.male : t.female)[spec.given] ?? MALE[0]) as NamePart;
  const dads = isArab(spec.region) ? MALE : t.male;
  const father = dads[spec.father] as NamePart;
  const grand = dads[spec.grand] as NamePart;
  const ar: string[] = [given.ar];
  const latin: string[] = [spell(given, s, rng)];
  if (isArab(spec.region)) {
    const particle = PARTICLES[spec.region];
    for (const p of spec.withGrand ? [father, grand] : [father]) {
      if (particle) {
        ar.push(spec.sex === 'F' ? 'بنت' : 'بن');
        latin.push(spec.sex === 'F' ? 'bint' : particle[s.column]);
      }
      ar.push(p.ar);
      latin.push(spell(p, s, rng));
    }
  } else if (spec.family < 0 && spec.region !== 'southeastAsia') {
    // Somalis and Uyghurs carry their father's (and a Somali his grandfather's) given name; Indonesians often none.
    ar.push(father.ar);
    latin.push(spell(father, s, rng));
    if (spec.withGrand) {
      ar.push(grand.ar);
      latin.push(spell(grand, s, rng));
    }
  }
  const famPart = spec.family >= 0 ? t.surnames[spec.family] : undefined;
  if (famPart) {
    const fam = spec.sex === 'F' && !isArab(spec.region) ? feminine(famPart) : famPart;
    ar.push(fam.ar);
    latin.push(withArticle(spell(fam, s, rng), fam, s));
  }
  return { ar: ar.join(' '), latin: latin.join(' ') };
}

/** Writes a kunya, "Abu X" (أبو X), from an index into `KUNYA_NAMES`. */
export function writeKunya(index: number, s: Spelling, rng: Prng): WrittenName {
  const part = (KUNYA_NAMES[index] ?? KUNYA_NAMES[0]) as NamePart;
  const abu = s.column === 2 ? 'Abou' : rng.chance(0.08) ? 'Abo' : 'Abu';
  return { ar: `أبو ${part.ar}`, latin: `${abu} ${spell(part, s, rng)}` };
}

/** Writes a nom de guerre: a kunya followed by a nisba, "Abu Hamza al-Tunisi" (أبو حمزة التونسي). */
export function writeNomDeGuerre(kunya: number, nisba: NamePart, s: Spelling, rng: Prng): WrittenName {
  const k = writeKunya(kunya, s, rng);
  return { ar: `${k.ar} ${nisba.ar}`, latin: `${k.latin} ${spell(nisba, s, rng)}` };
}
