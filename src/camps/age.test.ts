import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, anniversary, birthRef, bornOnOrBefore, isCalendarDate, monthRange } from './age.js';

const exact = (date: string) => ({ date, year: Number(date.slice(0, 4)), estimated: false });
const estimated = (year: number) => ({ date: null, year, estimated: true });

describe('age arithmetic', () => {
  it('reaches an age on the birthday, and on 1 March in a common year for a 29 February birth', () => {
    expect(anniversary(exact('2008-02-29'), 18)).toBe('2026-03-01');
    expect(anniversary(exact('2008-02-29'), 16)).toBe('2024-02-29');
    expect(ageOn(exact('2008-02-29'), '2026-02-28')).toBe(17);
    expect(ageOn(exact('2008-02-29'), '2026-03-01')).toBe(18);
    expect(ageOn(exact('2008-02-29'), '2024-02-29')).toBe(16);
    expect(ageOn(exact('2008-02-29'), '2024-02-28')).toBe(15);
  });

  it('counts whole years at month ends', () => {
    expect(ageOn(exact('2014-01-31'), '2026-01-30')).toBe(11);
    expect(ageOn(exact('2014-01-31'), '2026-01-31')).toBe(12);
    expect(ageOn(exact('2010-12-31'), '2025-12-31')).toBe(15);
    expect(ageOn(exact('2010-12-31'), '2025-12-30')).toBe(14);
    expect(ageOn({ date: null, year: null, estimated: false }, '2026-01-01')).toBeNull();
  });

  it('places an estimated year on 1 July', () => {
    expect(birthRef(estimated(2011))).toBe('2011-07-01');
    expect(birthRef({ date: '2011-01-01', year: 2011, estimated: true })).toBe('2011-07-01');
    expect(anniversary(estimated(2011), 15)).toBe('2026-07-01');
    expect(ageOn(estimated(2011), '2026-06-30')).toBe(14);
    expect(ageOn(estimated(2011), '2026-07-01')).toBe(15);
  });

  it('agrees with the age filter bound for every date and birth (property)', () => {
    const day = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms - (ms % 86_400_000)).toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 30 }), (birth, on, age) => {
      const old = ageOn(exact(birth), on)!;
      expect(birth <= bornOnOrBefore(on, age)).toBe(old >= age);
    }), { numRuns: 2000 });
  });

  it('validates calendar dates and walks months', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-04-31')).toBe(false);
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthRange('2026-01', 24).at(-1)).toBe('2027-12');
  });
});
