import { ageOn, anniversary, monthOf, monthRange, type Birth } from './age.js';

/**
 * Age cohorts: how many residents reach each age in each month of a window, per camp and nationality, and
 * the counts programme staff plan with (children, children without a guardian, children with a parent
 * detained). Counting only: no attribute of a child is scored or predicted (see DESIGN.md, Safeguards).
 */

/** One present resident as cohorts see them. `null` where the caller may not see the attribute. */
export interface CohortPerson {
  camp: string;
  nationality: string | null;
  birth: Birth;
  hasGuardian: boolean | null;
  parentDetained: boolean | null;
}

export interface CohortCell {
  month: string;
  age: number;
  count: number;
  estimated: number;
}

export interface CohortGroup {
  camp: string;
  nationality: string | null;
  children: number;
  withoutGuardian: number | null;
  parentDetained: number | null;
  cells: CohortCell[];
}

export interface CohortWindow {
  /** The date children are counted on; the first month of the window is its month. */
  asOf: string;
  months: number;
  ages: readonly number[];
}

const ADULT = 18;

function groupKey(p: CohortPerson): string {
  return `${p.camp}\u0000${p.nationality ?? ''}`;
}

function emptyGroup(p: CohortPerson): CohortGroup & { byCell: Map<string, CohortCell> } {
  return { camp: p.camp, nationality: p.nationality, children: 0, withoutGuardian: p.hasGuardian === null ? null : 0, parentDetained: p.parentDetained === null ? null : 0, cells: [], byCell: new Map() };
}

/**
 * Counts, per camp and nationality, the people reaching each of `ages` in each month of the window (a month
 * counts everyone whose birthday of that age falls in it, before or after `asOf`), and the children on `asOf`.
 * Groups come sorted by camp then nationality; cells by month then age, months with nobody left out.
 */
export function cohortsOf(people: Iterable<CohortPerson>, w: CohortWindow): CohortGroup[] {
  const months = monthRange(monthOf(w.asOf), w.months);
  const window = new Set(months);
  const groups = new Map<string, ReturnType<typeof emptyGroup>>();
  for (const p of people) {
    const age = ageOn(p.birth, w.asOf);
    const reaches = w.ages
      .map((a) => ({ a, on: anniversary(p.birth, a) }))
      .filter((x): x is { a: number; on: string } => x.on !== null && window.has(monthOf(x.on)));
    const child = age !== null && age >= 0 && age < ADULT;
    if (!child && reaches.length === 0) continue;
    const key = groupKey(p);
    const g = groups.get(key) ?? emptyGroup(p);
    groups.set(key, g);
    if (child) {
      g.children += 1;
      if (g.withoutGuardian !== null && p.hasGuardian === false) g.withoutGuardian += 1;
      if (g.parentDetained !== null && p.parentDetained === true) g.parentDetained += 1;
    }
    for (const { a, on } of reaches) {
      const cellKey = `${monthOf(on)}/${String(a).padStart(3, '0')}`;
      const cell = g.byCell.get(cellKey) ?? { month: monthOf(on), age: a, count: 0, estimated: 0 };
      cell.count += 1;
      if (p.birth.estimated) cell.estimated += 1;
      g.byCell.set(cellKey, cell);
    }
  }
  return [...groups.values()]
    .sort((x, y) => (x.camp < y.camp ? -1 : x.camp > y.camp ? 1 : (x.nationality ?? '').localeCompare(y.nationality ?? '')))
    .map(({ byCell, ...g }) => ({ ...g, cells: [...byCell.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, c]) => c) }));
}
