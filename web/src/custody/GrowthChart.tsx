/** The log's signed size day by day, as a small SVG step line (with a table for screen readers). */

const W = 640;
const H = 160;
const PAD = { left: 64, right: 12, top: 10, bottom: 26 };

/** The points of the step line, in SVG coordinates. */
export function growthPath(points: readonly { at: string; size: number }[]): string {
  if (points.length === 0) return '';
  const t0 = Date.parse(points[0]!.at);
  const t1 = Math.max(t0 + 1, Date.parse(points[points.length - 1]!.at));
  const max = Math.max(1, ...points.map((p) => p.size));
  const x = (at: string) => PAD.left + ((Date.parse(at) - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (size: number) => H - PAD.bottom - (size / max) * (H - PAD.top - PAD.bottom);
  let d = `M${x(points[0]!.at).toFixed(1)},${y(0).toFixed(1)} V${y(points[0]!.size).toFixed(1)}`;
  for (const p of points.slice(1)) d += ` H${x(p.at).toFixed(1)} V${y(p.size).toFixed(1)}`;
  return d;
}

export function GrowthChart({ points }: { points: readonly { at: string; size: number }[] }) {
  if (points.length === 0) return null;
  const max = Math.max(...points.map((p) => p.size));
  return (
    <figure className="growth-chart" data-testid="log-growth">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Signed log size from ${points[0]!.at.slice(0, 10)} to ${points[points.length - 1]!.at.slice(0, 10)}, up to ${max} entries`}>
        <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#8a9bb0" />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="#8a9bb0" />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11">{max.toLocaleString('en-GB')}</text>
        <text x={PAD.left - 6} y={H - PAD.bottom} textAnchor="end" fontSize="11">0</text>
        <text x={PAD.left} y={H - 8} fontSize="11">{points[0]!.at.slice(0, 10)}</text>
        <text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize="11">{points[points.length - 1]!.at.slice(0, 10)}</text>
        <path d={growthPath(points)} fill="none" stroke="#1f4e79" strokeWidth="2" />
      </svg>
      <figcaption>Entries under the newest signed head, at the end of each day with a checkpoint.</figcaption>
      <table className="sr-only">
        <tbody>{points.map((p) => <tr key={p.at}><td>{p.at.slice(0, 10)}</td><td>{p.size}</td></tr>)}</tbody>
      </table>
    </figure>
  );
}
