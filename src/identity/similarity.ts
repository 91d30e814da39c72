/**
 * String and date similarities the matcher combines: Jaro–Winkler (on consonant skeletons and on plain
 * strings), date-of-birth agreement levels, place agreement.
 */

/** Jaro similarity of two strings, 0–1. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      ma[i] = 1;
      mb[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  return (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
}

/** Jaro–Winkler similarity (prefix scale 0.1, up to 4 characters), 0–1. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  let p = 0;
  while (p < 4 && p < a.length && p < b.length && a[p] === b[p]) p++;
  return j + p * 0.1 * (1 - j);
}

/** How well two birth records agree, as a level the fused model weighs. */
export type BirthLevel = 'exact' | 'transposed' | 'same-year' | 'year-1' | 'year-2' | 'differ' | 'missing';

function parseDate(d: string | null | undefined): { y: number; m: number; d: number } | null {
  if (!d) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(d.trim());
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** The birth agreement level of two records from full dates when both have them, else birth years. */
export function birthLevel(a: { birthDate?: string | null; birthYear?: number | null }, b: { birthDate?: string | null; birthYear?: number | null }): BirthLevel {
  const da = parseDate(a.birthDate);
  const db = parseDate(b.birthDate);
  if (da && db) {
    if (da.y === db.y && da.m === db.m && da.d === db.d) return 'exact';
    // Day and month swapped, or one digit slip in the day: common transcription errors.
    if (da.y === db.y && ((da.m === db.d && da.d === db.m) || (da.m === db.m && Math.abs(da.d - db.d) <= 1))) return 'transposed';
  }
  const ya = da?.y ?? a.birthYear ?? null;
  const yb = db?.y ?? b.birthYear ?? null;
  if (ya === null || yb === null) return 'missing';
  const dy = Math.abs(ya - yb);
  if (dy === 0) return da && db ? 'same-year' : 'same-year';
  if (dy === 1) return 'year-1';
  if (dy === 2) return 'year-2';
  return 'differ';
}
