import { formatCount, humanize } from '../common/format.js';

/** One bar: a label, a value (null while loading) and its colour. */
export interface Bar {
  label: string;
  value: number | null;
  colour: string;
}

/** The length of a bar of `value` on a scale whose longest bar is `max`, in percent (a non-zero value shows). */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * 100));
}

/** The bars of a detainee-status chart from per-status count queries (same order as `statuses`). */
export function statusBars(statuses: readonly string[], counts: readonly (number | undefined)[], colours: Readonly<Record<string, string>>): Bar[] {
  return statuses.map((s, i) => ({ label: humanize(s), value: counts[i] ?? null, colour: colours[s] ?? '#495057' }));
}

/** A small horizontal bar chart, readable as a list by screen readers. */
export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.label}>
            <span className="bar-label">{b.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar" style={{ width: `${barPercent(b.value ?? 0, max)}%`, background: b.colour }} />
            </span>
            <span className="bar-value">{b.value === null ? '…' : formatCount(b.value)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
