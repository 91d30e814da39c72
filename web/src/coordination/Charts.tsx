import { formatCount } from '../common/format.js';
import { extent, stepPath, type Series } from './charts.js';

const W = 360;
const H = 120;
const PAD = { left: 44, right: 10, top: 8, bottom: 20 };

/** Figures over time as step lines, with a legend; readable by screen readers through its label. */
export function LineChart({ title, series }: { title: string; series: readonly Series[] }) {
  const e = extent(series);
  const box = { w: W - PAD.left - PAD.right, h: H - PAD.top - PAD.bottom };
  const first = new Date(e.t0).toISOString().slice(0, 10);
  const last = new Date(e.t1).toISOString().slice(0, 10);
  const label = `${title}: ${series.map((s) => `${s.label} ${formatCount(s.points.at(-1)?.value ?? 0)}`).join(', ')}, from ${first} to ${last}`;
  return (
    <figure data-testid="line-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label}>
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          <line x1={0} y1={box.h} x2={box.w} y2={box.h} stroke="#adb5bd" />
          <line x1={0} y1={0} x2={0} y2={box.h} stroke="#adb5bd" />
          <text x={-4} y={6} textAnchor="end">{formatCount(e.max)}</text>
          <text x={-4} y={box.h} textAnchor="end">0</text>
          <text x={0} y={box.h + 14}>{first}</text>
          <text x={box.w} y={box.h + 14} textAnchor="end">{last}</text>
          {series.map((s) => <path key={s.label} d={stepPath(s.points, box, e)} fill="none" stroke={s.colour} strokeWidth={2}><title>{s.label}</title></path>)}
        </g>
      </svg>
      <p className="legend">{series.map((s) => <span key={s.label}><i style={{ background: s.colour }} />{s.label}</span>)}</p>
    </figure>
  );
}

/** Moved and remaining per site as stacked horizontal bars. */
export function SiteBars({ rows }: { rows: readonly { site: string; label: string; moved: number | null; remaining: number | null }[] }) {
  const max = Math.max(1, ...rows.map((r) => (r.moved ?? 0) + (r.remaining ?? 0)));
  const rowH = 22;
  const labelW = 260;
  const barW = 300;
  return (
    <figure className="site-chart" data-testid="site-chart">
      <figcaption>Moved and remaining, per site</figcaption>
      <svg viewBox={`0 0 ${labelW + barW + 70} ${rows.length * rowH + 4}`} width={labelW + barW + 70} height={rows.length * rowH + 4} role="img"
        aria-label={rows.map((r) => `${r.label}: moved ${r.moved ?? 'unknown'}, remaining ${r.remaining ?? 'unknown'}`).join('; ')}>
        {rows.map((r, i) => {
          const moved = ((r.moved ?? 0) / max) * barW;
          const remaining = ((r.remaining ?? 0) / max) * barW;
          return (
            <g key={r.site} transform={`translate(0,${i * rowH + 2})`}>
              <text x={labelW - 6} y={14} textAnchor="end">{r.label}</text>
              <rect x={labelW} y={2} width={moved} height={16} fill="#2f9e44"><title>{`moved ${r.moved ?? '—'}`}</title></rect>
              <rect x={labelW + moved} y={2} width={remaining} height={16} fill="#e8590c"><title>{`remaining ${r.remaining ?? '—'}`}</title></rect>
              <text x={labelW + moved + remaining + 4} y={14}>{`${formatCount(r.moved ?? 0)} / ${formatCount(r.remaining ?? 0)}`}</text>
            </g>
          );
        })}
      </svg>
      <p className="legend"><span><i style={{ background: '#2f9e44' }} />moved</span><span><i style={{ background: '#e8590c' }} />remaining</span></p>
    </figure>
  );
}
