import { describe, expect, it } from 'vitest';
import { cohortsOf, type CohortPerson } from './cohorts.js';

const person = (over: Partial<CohortPerson> & { date?: string; year?: number }): CohortPerson => ({
  camp: 'HOL',
  nationality: 'IRQ',
  birth: over.date ? { date: over.date, year: Number(over.date.slice(0, 4)), estimated: false } : { date: null, year: over.year ?? null, estimated: true },
  hasGuardian: true,
  parentDetained: false,
  ...over,
});

describe('cohorts', () => {
  const window = { asOf: '2026-01-31', months: 24, ages: [12, 15, 18] };

  it('counts children reaching 12, 15 and 18 by the month of the birthday, month ends and leap days included', () => {
    const groups = cohortsOf([
      person({ date: '2014-01-31' }), // 12 on 2026-01-31: the first month
      person({ date: '2008-02-29' }), // 18 on 2026-03-01 (common year): March, not February
      person({ date: '2012-02-29' }), // 15 on 2027-03-01 (common year)
      person({ date: '2010-12-31' }), // 15 on 2025-12-31: before the window; 18 on 2028-12-31: after it
      person({ date: '2007-12-31' }), // 18 on 2025-12-31: an adult, outside the window
      person({ date: '2009-12-31' }), // 18 on 2027-12-31: the last month
    ], window);
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g.children).toBe(5);
    expect(g.cells).toEqual([
      { month: '2026-01', age: 12, count: 1, estimated: 0 },
      { month: '2026-03', age: 18, count: 1, estimated: 0 },
      { month: '2027-03', age: 15, count: 1, estimated: 0 },
      { month: '2027-12', age: 18, count: 1, estimated: 0 },
    ]);
  });

  it('places estimated birth years in July and counts them apart', () => {
    const [g] = cohortsOf([person({ year: 2011 }), person({ date: '2011-07-15' })], window);
    expect(g!.cells).toEqual([{ month: '2026-07', age: 15, count: 2, estimated: 1 }]);
  });

  it('groups by camp and nationality, counting children without a guardian or with a parent detained', () => {
    const groups = cohortsOf([
      person({ date: '2016-05-01', hasGuardian: false }),
      person({ date: '2016-05-01', parentDetained: true }),
      person({ date: '2016-05-01', nationality: 'FRA' }),
      person({ date: '2016-05-01', camp: 'ROJ', nationality: null, hasGuardian: null, parentDetained: null }),
    ], window);
    expect(groups.map((g) => [g.camp, g.nationality, g.children, g.withoutGuardian, g.parentDetained])).toEqual([
      ['HOL', 'FRA', 1, 0, 0],
      ['HOL', 'IRQ', 2, 1, 1],
      ['ROJ', null, 1, null, null],
    ]);
  });
});
