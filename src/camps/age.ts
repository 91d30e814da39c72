/**
 * Age arithmetic on calendar dates (`YYYY-MM-DD`, UTC), for cohorts and age filters. Two conventions, both
 * written down because they move children between months:
 * - Someone born on 29 February reaches a new age on 1 March in a common year (the rule of English law and of
 *   most registration systems that follow it), on 29 February in a leap year.
 * - Someone whose birth is known only by an estimated year is taken to be born on 1 July of that year: the
 *   mid-year convention keeps the error within six months either way. Such a date is flagged as estimated.
 */

/** A birth as camps knows it: an exact date, or only a year (estimated), or nothing. */
export interface Birth {
  date: string | null;
  year: number | null;
  estimated: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True when `date` is a real calendar date `YYYY-MM-DD` (no 30 February, no 29 February in a common year). */
export function isCalendarDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * The date on which a birth reaches `age` years: the birthday in year `birth + age` (29 February → 1 March in a
 * common year), or 1 July of `year + age` for an estimated year. Null when the birth is unknown.
 */
export function anniversary(birth: Birth, age: number): string | null {
  const ref = birthRef(birth);
  if (ref === null) return null;
  const [y, m, d] = parts(ref);
  const year = y + age;
  if (m === 2 && d === 29 && !isLeapYear(year)) return `${pad(year, 4)}-03-01`;
  return `${pad(year, 4)}-${pad(m)}-${pad(d)}`;
}

/** The date age arithmetic uses: the exact date of birth, or 1 July of an estimated year; null when unknown. */
export function birthRef(birth: Birth): string | null {
  if (birth.date !== null && !birth.estimated) return birth.date;
  const year = birth.year ?? (birth.date !== null ? Number(birth.date.slice(0, 4)) : null);
  return year === null ? null : `${pad(year, 4)}-07-01`;
}

/** Whole years of age on `date`; null when the birth is unknown; negative ages are reported as they are. */
export function ageOn(birth: Birth, date: string): number | null {
  const ref = birthRef(birth);
  if (ref === null) return null;
  const years = parts(date)[0] - parts(ref)[0];
  const due = anniversary(birth, years);
  return due !== null && due > date ? years - 1 : years;
}

/**
 * The latest birth reference date of someone at least `age` on `date`: `age` years before, with 29 February
 * becoming 28 February in a common year (so that a 29 February birth counts as reaching the age on 1 March).
 * Age filters compare stored birth references against it.
 */
export function bornOnOrBefore(date: string, age: number): string {
  const [y, m, d] = parts(date);
  const year = y - age;
  const day = m === 2 && d === 29 && !isLeapYear(year) ? 28 : d;
  return `${pad(year, 4)}-${pad(m)}-${pad(day)}`;
}

/** `YYYY-MM` of a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `n` months after `month` (`YYYY-MM`); `n` may be negative. */
export function addMonths(month: string, n: number): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const idx = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(idx / 12), 4)}-${pad((idx % 12) + 1)}`;
}

/** The `count` months starting with `first` (`YYYY-MM`). */
export function monthRange(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

/** The calendar date (`YYYY-MM-DD`) of an instant. */
export function dateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
