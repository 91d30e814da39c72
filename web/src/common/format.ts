import { COUNTRIES } from '../../../src/kernel/countries.js';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A count with thousands separators: 35,000. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** A probability as a whole percentage: 0.38 → 38 %. */
export function formatPercent(p: number): string {
  return `${Math.round(p * 100)} %`;
}

/** The English short name of an ISO alpha-3 code, or the code itself when unknown. */
export function countryName(alpha3: string): string {
  return COUNTRIES.get(alpha3)?.name ?? alpha3;
}

/** Every country, sorted by name, for pickers. */
export function countryOptions(): { code: string; name: string }[] {
  return [...COUNTRIES.entries()].map(([code, c]) => ({ code, name: c.name })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/** A code written for people: `in-transit` → `in transit`. */
export function humanize(code: string): string {
  return code.replace(/-/g, ' ');
}
