import type { TRiskHistory } from '../../../src/warning/warning.schemas.js';

const W = 640;
const H = 200;
const PAD = { left: 40, right: 12, top: 10, bottom: 24 };

/** x and y of a point in the chart's pixel space. */
export function scale(points: TRiskHistory['points'], t: string, p: number): { x: number; y: number } {
  const t0 = Date.parse(points[0]?.at ?? t);
  const t1 = Date.parse(points[points.length - 1]?.at ?? t);
  const span = Math.max(1, t1 - t0);
  return { x: PAD.left + ((Date.parse(t) - t0) / span) * (W - PAD.left - PAD.right), y: PAD.top + (1 - p) * (H - PAD.top - PAD.bottom) };
}

/** The SVG path through the points of one series. */
export function pathOf(points: TRiskHistory['points'], pick: (p: TRiskHistory['points'][number]) => number): string {
  return points.map((p, i) => {
    const { x, y } = scale(points, p.at, pick(p));
    return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
  }).join(' ');
}

/**
 * A site's breach probability over time: within 7 days (solid) and 30 days (dashed), the alert thresholds,
 * each alert as a tick, the breach as a red line.
 */
export function RiskHistoryChart({ history, thresholds }: { history: TRiskHistory; thresholds: { warning: number; critical: number } }) {
  const pts = history.points;
  if (pts.length === 0) return <p className="state state-empty">No history in this window.</p>;
  const last = pts[pts.length - 1]!;
  const inRange = (t: string) => t >= pts[0]!.at && t <= last.at;
  const label = `Probability of a breach within 7 days, from ${pts[0]!.at.slice(0, 10)} (${Math.round(pts[0]!.p7 * 100)} %) to ${last.at.slice(0, 10)} (${Math.round(last.p7 * 100)} %)`;
  return (
    <figure className="risk-chart" data-testid="risk-chart">
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label}>
        {[0, 0.25, 0.5, 0.75, 1].map((p) => {
          const { y } = scale(pts, pts[0]!.at, p);
          return (
            <g key={p}>
              <line x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className="grid" />
              <text x={PAD.left - 4} y={y + 3} textAnchor="end">{Math.round(p * 100)} %</text>
            </g>
          );
        })}
        {(['warning', 'critical'] as const).map((k) => {
          const { y } = scale(pts, pts[0]!.at, thresholds[k]);
          return <line key={k} x1={PAD.left} x2={W - PAD.right} y1={y} y2={y} className={`threshold threshold-${k}`}><title>{`${k} threshold`}</title></line>;
        })}
        <path d={pathOf(pts, (p) => p.p30)} className="series p30" />
        <path d={pathOf(pts, (p) => p.p7)} className="series p7" />
        {history.alerts.filter((a) => inRange(a.asOf)).map((a) => {
          const { x } = scale(pts, a.asOf, 0);
          return <line key={a.id} x1={x} x2={x} y1={PAD.top} y2={PAD.top + 8} className={`alert-tick alert-${a.level}`}><title>{`${a.level} alert ${a.asOf}`}</title></line>;
        })}
        {history.breachedAt && inRange(history.breachedAt) && (() => {
          const { x } = scale(pts, history.breachedAt, 0);
          return <line x1={x} x2={x} y1={PAD.top} y2={H - PAD.bottom} className="breach"><title>{`fell ${history.breachedAt}`}</title></line>;
        })()}
        <text x={PAD.left} y={H - 6}>{pts[0]!.at.slice(0, 10)}</text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end">{last.at.slice(0, 10)}</text>
      </svg>
      <figcaption>
        <span className="key p7">within 7 days</span> <span className="key p30">within 30 days</span> <span className="key threshold-warning">warning</span>{' '}
        <span className="key threshold-critical">critical</span>
      </figcaption>
    </figure>
  );
}
