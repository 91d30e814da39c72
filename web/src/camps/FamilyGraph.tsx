import { Link } from 'react-router';
import type { TFamilyGraph } from '../../../src/camps/cohorts.schemas.js';
import { humanize } from '../common/format.js';
import './camps.css';

type Node = TFamilyGraph['nodes'][number];

/** Positions: residents on an inner circle, detainees and other persons on an outer one. */
export function layout(nodes: readonly Node[], size: number): Map<string, { x: number; y: number }> {
  const c = size / 2;
  const inner = nodes.filter((n) => n.type === 'resident');
  const outer = nodes.filter((n) => n.type !== 'resident');
  const place = (ring: readonly Node[], r: number, turn: number) =>
    ring.map((n, i) => [n.id, { x: c + r * Math.cos(turn + (2 * Math.PI * i) / Math.max(1, ring.length)), y: c + r * Math.sin(turn + (2 * Math.PI * i) / Math.max(1, ring.length)) }] as const);
  return new Map([...place(inner, inner.length > 1 ? size * 0.27 : 0, -Math.PI / 2), ...place(outer, size * 0.43, -Math.PI / 4)]);
}

function labelOf(n: Node): string {
  return n.label ?? '(name withheld)';
}

/** A short label for the drawing: the first name (or the ISN of a detainee) and the age; the list has the rest. */
function shortLabel(n: Node): string {
  const first = n.label === null ? '(withheld)' : (n.label.split(' ')[0] ?? n.label);
  return n.age !== undefined && n.age !== null ? `${first}, ${n.age}` : first;
}

/** A family graph: a drawing, and the same links as a list (for screen readers and for reading). */
export function FamilyGraph({ graph }: { graph: TFamilyGraph }) {
  const size = 560;
  const at = layout(graph.nodes, size);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  return (
    <div className="family-graph" data-testid="family-graph">
      <svg viewBox={`0 0 ${size} ${size}`} width={size} height={size} aria-hidden="true">
        {graph.edges.map((e, i) => {
          const a = at.get(e.from);
          const b = at.get(e.to);
          return a && b ? <line key={i} className={`edge edge-${e.kind}`} x1={a.x} y1={a.y} x2={b.x} y2={b.y} /> : null;
        })}
        {graph.nodes.map((n) => {
          const p = at.get(n.id)!;
          return (
            <g key={n.id} transform={`translate(${p.x},${p.y})`}>
              <circle r={9} className={`node-${n.type}`}><title>{labelOf(n)}</title></circle>
              <text y={22} textAnchor="middle">{shortLabel(n)}</text>
            </g>
          );
        })}
      </svg>
      {graph.edges.length === 0 ? (
        <p className="state state-empty">No family link you may see is recorded.</p>
      ) : (
        <ul>
          {graph.edges.map((e, i) => {
            const to = byId.get(e.to);
            const from = byId.get(e.from);
            const name = (n: Node | undefined) => (n?.type === 'detainee' ? <Link to={`/detainees/${encodeURIComponent(n.id)}`}>{labelOf(n)}</Link> : n?.type === 'resident' ? <Link to={`/camps/residents/${encodeURIComponent(n.id)}`}>{labelOf(n)}</Link> : labelOf(n ?? { id: '', type: 'person', label: null, camp: null, status: null }));
            return (
              <li key={i}>
                {name(from)} → {name(to)}: {humanize(e.kind)} ({humanize(e.relation)})
              </li>
            );
          })}
        </ul>
      )}
      {graph.withheld.length > 0 && <p className="hint">Withheld from you under the camp's data-sharing agreement or your roles: {graph.withheld.join(', ')}.</p>}
    </div>
  );
}
