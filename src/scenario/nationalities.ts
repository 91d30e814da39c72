import { LOCAL, MUHAJIR_NISBA, parseNameTable, type NamePart, type NameRegion } from './names-ar.js';
import { NATIONALITIES, type LatinTradition } from './nationalities.data.js';
import { weightedPicker, type Prng, type WeightedPicker } from './prng.js';

/**
 * The nationalities as the generator uses them: samplers for naming region, nisbas of origin and places of
 * birth, and the weights of each population (detainees, the two camps).
 */

/** One nationality, ready to sample from. */
export interface Nationality {
  code: string;
  share: number;
  tradition: LatinTradition;
  region: WeightedPicker<NameRegion>;
  /** True when the country's people mostly bear non-Arab civil names (converts, Central Asians, …). */
  nonArab: boolean;
  nisbas: readonly NamePart[];
  places: readonly string[];
}

function regionPicker(spec: string): { picker: WeightedPicker<NameRegion>; arabShare: number } {
  const parts = spec.split(/\s+/).map((p) => {
    const [name = '', w = '1'] = p.split(':');
    return { name: name as NameRegion, w: Number(w) };
  });
  const arab = new Set<string>(['iraq', 'syria', 'gulf', 'levant', 'maghreb']);
  const total = parts.reduce((s, p) => s + p.w, 0);
  const arabShare = parts.filter((p) => arab.has(p.name)).reduce((s, p) => s + p.w, 0) / total;
  return { picker: weightedPicker(parts.map((p) => p.name), parts.map((p) => p.w)), arabShare };
}

/** Every nationality of the scenario, in the order of the data table (Iraq, Syria, then foreign). */
export const NATIONS: readonly Nationality[] = NATIONALITIES.map((n) => {
  const { picker, arabShare } = regionPicker(n.regions);
  const own = n.nisbas === '' ? (LOCAL[n.code] ?? []) : parseNameTable(n.nisbas);
  return {
    code: n.code,
    share: n.share,
    tradition: n.latin,
    region: picker,
    nonArab: arabShare < 0.5,
    nisbas: own.length > 0 ? own : [MUHAJIR_NISBA],
    places: n.places.split(',').map((p) => p.trim()),
  };
});

const BY_CODE: ReadonlyMap<string, Nationality> = new Map(NATIONS.map((n) => [n.code, n]));

/** The nationality with alpha-3 `code`. @throws RangeError when the scenario does not know it. */
export function nationality(code: string): Nationality {
  const n = BY_CODE.get(code);
  if (!n) throw new RangeError(`unknown scenario nationality ${code}`);
  return n;
}

/** A nisba for a man of this nationality; foreigners are sometimes simply "al-Muhajir". */
export function drawNisba(rng: Prng, n: Nationality): NamePart {
  if (n.code !== 'IRQ' && n.code !== 'SYR' && rng.chance(0.15)) return MUHAJIR_NISBA;
  return rng.pick(n.nisbas);
}

/** Shares of detainees by nationality, parallel to `NATIONS`. */
export function detaineeWeights(): number[] {
  return NATIONS.map((n) => n.share);
}

/**
 * Shares of camp residents by nationality, parallel to `NATIONS`. Al-Hol is about half Iraqi and a third Syrian;
 * Roj holds mostly foreign families, Western, Caucasian and Central Asian ones above all.
 */
export function campWeights(camp: 'HOL' | 'ROJ'): number[] {
  const foreignTotal = NATIONS.filter((n) => n.code !== 'IRQ' && n.code !== 'SYR').reduce((s, n) => s + n.share, 0);
  return NATIONS.map((n) => {
    if (camp === 'HOL') {
      if (n.code === 'IRQ') return 47;
      if (n.code === 'SYR') return 36;
      return (17 * n.share) / foreignTotal;
    }
    if (n.code === 'IRQ') return 4;
    if (n.code === 'SYR') return 6;
    return ((90 * n.share) / foreignTotal) * (n.nonArab ? 3 : 1);
  });
}
