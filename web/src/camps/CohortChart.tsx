import type { TCohorts } from '../../../src/camps/cohorts.schemas.js';
import './camps.css';

const COLOURS: Record<number, string> = { 12: '#1c7ed6', 15: '#f08c00', 18: '#c92a2a' };

/** Children reaching each age in each month, summed over the groups shown: `[age][month] → count`. */
export function cohortTotals(c: TCohorts): Map<number, Map<string, number>> {
  const out = new Map<number, Map<string, number>>(c.ages.map((a) => [a, new Map(c.months.map((m) => [m, 0]))]));
  for (const camp of c.camps) {
    for (const g of camp.groups) {
      for (const cell of g.cells) {
        const row = out.get(cell.age);
        if (row?.has(cell.month)) row.set(cell.month, (row.get(cell.month) ?? 0) + cell.count);
      }
    }
  }
  return out;
}

/** One bar chart per age: how many children reach it in each month of the window. */
export function CohortChart({ cohorts }: { cohorts: TCohorts }) {
  const totals = cohortTotals(cohorts);
  const max = Math.max(1, ...[...totals.values()].flatMap((m) => [...m.values()]));
  const w = 18;
  const h = 70;
  const top = 14;
  return (
    <div className="cohort-chart" data-testid="cohort-chart">
      {cohorts.ages.map((age) => {
        const row = totals.get(age) ?? new Map<string, number>();
        return (
          <figure key={age}>
            <figcaption>Reaching {age}, by month</figcaption>
            <svg width={cohorts.months.length * w + 40} height={top + h + 18} role="img" aria-label={`Children reaching ${age}: ${cohorts.months.map((m) => `${m} ${row.get(m) ?? 0}`).join(', ')}`}>
              {cohorts.months.map((m, i) => {
                const n = row.get(m) ?? 0;
                const bar = Math.round((n / max) * h);
                return (
                  <g key={m} transform={`translate(${i * w + 5},${top})`}>
                    <rect x={2} y={h - bar} width={w - 4} height={bar} fill={COLOURS[age] ?? '#495057'}><title>{`${m}: ${n}`}</title></rect>
                    {n > 0 && <text x={w / 2} y={h - bar - 2} textAnchor="middle">{n}</text>}
                    {i % 6 === 0 && <text x={0} y={h + 12}>{m}</text>}
                  </g>
                );
              })}
            </svg>
          </figure>
        );
      })}
    </div>
  );
}
