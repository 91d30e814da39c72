import type { TReadiness } from '../../../src/cases/cases.schemas.js';
import { PortionMark } from '../common/PortionMark.js';
import './cases.css';

const STATES = [
  ['releasable', 'Releasable'],
  ['pending', 'Pending review'],
  ['denied', 'Denied'],
  ['notRequested', 'Not requested'],
] as const;

const CLASS: Record<(typeof STATES)[number][0], string> = { releasable: 'releasable', pending: 'pending', denied: 'denied', notRequested: 'not-requested' };

/** What a case's evidence is releasable to its jurisdiction's prosecutor, as one stacked bar and a legend. */
export function Readiness({ r }: { r: TReadiness }) {
  const W = 400;
  const widths = STATES.map(([key]) => (r.total === 0 ? 0 : (r[key] / r.total) * W));
  const segments = STATES.map(([key, label], i) => ({ key, label, w: widths[i]!, n: r[key], x: widths.slice(0, i).reduce((a, b) => a + b, 0) }));
  return (
    <figure className="readiness" data-testid="readiness">
      <figcaption>
        <PortionMark marking={r.marking} /> {r.releasable} of {r.total} evidence items releasable to the prosecutor of {r.country} today
      </figcaption>
      <svg viewBox={`0 0 ${W} 24`} role="img" aria-label={`${r.releasable} of ${r.total} releasable`}>
        <rect x={0} y={0} width={W} height={24} fill="#f1f3f5" />
        {segments.map((s) => (s.w > 0 ? <rect key={s.key} className={`state-${CLASS[s.key]}`} x={s.x} y={0} width={s.w} height={24}><title>{`${s.label}: ${s.n}`}</title></rect> : null))}
      </svg>
      <div className="legend">
        {segments.map((s) => (
          <span key={s.key}><span className={`swatch state-${CLASS[s.key]}`} />{s.label}: {s.n}</span>
        ))}
      </div>
    </figure>
  );
}
