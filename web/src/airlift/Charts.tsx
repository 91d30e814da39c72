import type { TSortieStatus } from '../../../src/airlift/execution.schemas.js';
import type { Bar, Series } from './plan-data.js';

/** Hand-rolled SVG charts of the plan page: the Gantt timeline and line charts (evacuation, expected loss). */

const PALETTE = ['#1864ab', '#c92a2a', '#2b8a3e', '#e67700', '#5f3dc4', '#0b7285', '#a61e4d', '#495057', '#364fc7', '#862e9c'];
export const STATUS_COLOURS: Record<TSortieStatus, string> = {
  planned: '#74c0fc', boarding: '#ffd43b', airborne: '#fd7e14', landed: '#51cf66', closed: '#2b8a3e', cancelled: '#adb5bd',
};

function ticks(max: number, n = 6): number[] {
  const step = Math.max(1, Math.ceil(max / n));
  const out: number[] = [];
  for (let t = 0; t <= max; t += step) out.push(t);
  return out;
}

/** Sorties per aircraft over time; a bar per leg, coloured by its sortie's status (lighter when empty). */
export function Gantt({ rows, bars, end, statusOf }: { rows: string[]; bars: Bar[]; end: number; statusOf: (sortie: string | null) => TSortieStatus | undefined }) {
  const rowH = 14;
  const left = 90;
  const width = 900;
  const height = rows.length * rowH + 30;
  const x = (t: number) => left + (t / end) * (width - left - 10);
  const index = new Map(rows.map((r, i) => [r, i]));
  return (
    <figure className="airlift-chart">
      <figcaption>Timeline: sorties per aircraft (hours from the start)</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Timeline of ${bars.length} legs on ${rows.length} aircraft`} data-testid="gantt">
        {ticks(end, 10).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={0} y2={height - 20} stroke="#dee2e6" />
            <text x={x(t)} y={height - 6} fontSize="10" textAnchor="middle">{t} h</text>
          </g>
        ))}
        {rows.map((r, i) => <text key={r} x={4} y={i * rowH + 11} fontSize="10">{r}</text>)}
        {bars.map((b, i) => {
          const status = statusOf(b.sortie) ?? 'planned';
          return (
            <rect key={i} x={x(b.start)} y={index.get(b.aircraft)! * rowH + 2} width={Math.max(1, x(b.end) - x(b.start))} height={rowH - 4}
              fill={STATUS_COLOURS[status]} opacity={b.people > 0 ? 1 : 0.45} data-sortie={b.sortie ?? ''}>
              <title>{`${b.sortie ?? b.aircraft}: ${b.from} → ${b.to}, ${b.people} boarding, ${status}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="legend">{Object.entries(STATUS_COLOURS).map(([s, c]) => <span key={s}><span className="swatch" style={{ background: c }} /> {s} </span>)}</p>
    </figure>
  );
}

/** Lines over time (hours), one colour each, with a legend. */
export function LineChart({ title, series, end, unit, testId }: { title: string; series: Series[]; end: number; unit: string; testId: string }) {
  const width = 900;
  const height = 240;
  const left = 50;
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.v)));
  const x = (t: number) => left + (Math.min(t, end) / end) * (width - left - 10);
  const y = (v: number) => height - 24 - (v / max) * (height - 40);
  return (
    <figure className="airlift-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} data-testid={testId}>
        {ticks(end, 10).map((t) => <text key={t} x={x(t)} y={height - 6} fontSize="10" textAnchor="middle">{t} h</text>)}
        {ticks(max, 4).map((v) => (
          <g key={v}>
            <line x1={left} x2={width - 10} y1={y(v)} y2={y(v)} stroke="#f1f3f5" />
            <text x={left - 4} y={y(v) + 3} fontSize="10" textAnchor="end">{v}</text>
          </g>
        ))}
        {series.map((s, i) => (
          <polyline key={s.name} fill="none" stroke={PALETTE[i % PALETTE.length]} strokeWidth={1.5}
            points={s.points.filter((p) => p.t <= end).map((p) => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ')} />
        ))}
      </svg>
      <p className="legend">{series.map((s, i) => <span key={s.name}><span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} /> {s.name} </span>)} <small>({unit})</small></p>
    </figure>
  );
}
