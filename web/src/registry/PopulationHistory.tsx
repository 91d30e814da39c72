import type { TPlaceHistory } from '../api/schemas.js';
import { usePlaceHistory } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { formatCount } from '../common/format.js';

const W = 480;
const H = 140;
const PAD = 28;

/** The step line of a population series, scaled into the chart's box; exported for its test. */
export function stepPath(points: TPlaceHistory['points'], width = W, height = H): string {
  if (points.length === 0) return '';
  const t = points.map((p) => Date.parse(`${p.day}T00:00:00Z`));
  const t0 = t[0]!;
  const span = Math.max(1, t.at(-1)! - t0);
  const max = Math.max(1, ...points.map((p) => p.count));
  const x = (i: number) => PAD + ((t[i]! - t0) / span) * (width - 2 * PAD);
  const y = (c: number) => height - PAD - (c / max) * (height - 2 * PAD);
  const steps = points.map((p, i) => (i === 0 ? `M${x(i).toFixed(1)},${y(p.count).toFixed(1)}` : `H${x(i).toFixed(1)}V${y(p.count).toFixed(1)}`));
  // One day of events still draws a line: the last count holds to the right edge.
  return points.length === 1 ? `${steps[0]}H${(width - PAD).toFixed(1)}` : steps.join('');
}

/** A site's population over time, replayed from the custody log, with its banner. */
export function PopulationHistory({ code }: { code: string }) {
  const history = usePlaceHistory(code);
  const points = history.data?.points ?? [];
  useShownMarkings(history.data ? [history.data.marking] : []);
  if (history.isPending) return <p className="state">Loading the custody history…</p>;
  if (history.isError) return <p className="state state-error">The custody history could not be loaded.</p>;
  if (points.length === 0) return <p className="hint">The custody log records no detainee here yet.</p>;
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <figure className="population-history">
      <figcaption>Detainees here over time, from the custody log (as you may see them)</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={`From ${formatCount(first.count)} on ${first.day} to ${formatCount(last.count)} on ${last.day}`}>
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#adb5bd" />
        <path d={stepPath(points)} fill="none" stroke="#0033a0" strokeWidth={2} />
        <text x={PAD} y={H - 8} fontSize={11}>{first.day}</text>
        <text x={W - PAD} y={H - 8} fontSize={11} textAnchor="end">{last.day}</text>
        <text x={PAD} y={16} fontSize={11}>{formatCount(Math.max(...points.map((p) => p.count)))} max</text>
      </svg>
    </figure>
  );
}
