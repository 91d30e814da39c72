import { useMemo } from 'react';
import type { TAirliftPlan } from '../../../src/airlift/airlift.schemas.js';
import { conditionsOf, describeConditions, WINDOW_RULES, type TArrivalWindows } from '../../../src/airlift/conditions.schemas.js';

/**
 * The agreement conditions a plan keeps (extension rules x-2 … x-5, docs/airlift.md) and those a person must
 * check by hand, with a strip per set of arrival windows showing when arrivals may land and when the plan's do.
 */

const HOUR = 3_600_000;

interface Strip {
  key: string;
  label: string;
  windows: [number, number][];
  arrivals: number[];
}

/** One strip per window list: its windows and the plan's arrivals it binds, in hours since the plan's start. */
function stripsOf(plan: TAirliftPlan): { strips: Strip[]; end: number } {
  const start = Date.parse(plan.instance.start);
  const h = (iso: string) => (Date.parse(iso) - start) / HOUR;
  const medical = new Set(plan.instance.detainees.filter((d) => d.medical).map((d) => d.id));
  const arrivals = plan.legs.filter((l) => l.alight.length > 0);
  const end = Math.max(24, ...arrivals.map((l) => h(l.arrive))) + 2;
  const c = conditionsOf(plan.instance);
  const strips = WINDOW_RULES.flatMap((r) => c.windows[r.field].map((e: TArrivalWindows, i): Strip => ({
    key: `${r.field}-${i}`,
    label: `${r.rule} ${r.kind} · ${e.destination}${e.agreement ? ` · ${e.agreement}` : ''}`,
    windows: e.windows.map((w): [number, number] => [h(w.from), h(w.until)]).filter(([a, b]) => b > 0 && a < end),
    arrivals: arrivals.filter((l) => l.to === e.destination && (r.field !== 'x-screeningWindows' || l.alight.some((id) => medical.has(id)))).map((l) => h(l.arrive)),
  })));
  return { strips, end };
}

function WindowStrips({ strips, end }: { strips: Strip[]; end: number }) {
  const width = 720;
  const left = 260;
  const row = 22;
  const x = (t: number) => left + (Math.max(0, Math.min(end, t)) / end) * (width - left - 8);
  return (
    <figure className="airlift-chart">
      <figcaption>When arrivals may land (green) and when the plan&apos;s arrivals land (ticks), hours from the start</figcaption>
      <svg viewBox={`0 0 ${width} ${strips.length * row + 24}`} role="img" aria-label={`Arrival windows of ${strips.length} conditions`} data-testid="condition-windows">
        {strips.map((s, i) => (
          <g key={s.key} transform={`translate(0, ${i * row + 4})`}>
            <text x={4} y={14} fontSize={11}>{s.label}</text>
            <rect x={left} y={2} width={width - left - 8} height={row - 6} fill="#f1f3f5" />
            {s.windows.map(([a, b]) => <rect key={a} x={x(a)} y={2} width={Math.max(1, x(b) - x(a))} height={row - 6} fill="#b2f2bb" />)}
            {s.arrivals.map((t, k) => <line key={k} x1={x(t)} x2={x(t)} y1={0} y2={row - 2} stroke="#1864ab" strokeWidth={1} />)}
          </g>
        ))}
        {Array.from({ length: Math.floor(end / 24) + 1 }, (_, d) => (
          <text key={d} x={x(d * 24)} y={strips.length * row + 18} fontSize={10} textAnchor="middle">{d * 24} h</text>
        ))}
      </svg>
    </figure>
  );
}

/** The plan's agreement conditions: the rules it keeps, the strips of arrival windows, the conditions to check by hand. */
export function Conditions({ plan }: { plan: TAirliftPlan }) {
  const { rules, byHand } = useMemo(() => describeConditions(plan.instance), [plan]);
  const strips = useMemo(() => stripsOf(plan), [plan]);
  if (rules.length === 0 && byHand.length === 0) return null;
  return (
    <section data-testid="plan-conditions">
      <h2>Agreement conditions</h2>
      {rules.length > 0 ? (
        <table>
          <thead><tr><th>Rule</th><th>Condition</th><th>Destination</th><th>Agreement</th><th>What the plan keeps</th><th>Wording</th></tr></thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={i}><td>{r.rule}</td><td>{r.kind}</td><td>{r.destination}</td><td>{r.agreement ?? '—'}</td><td>{r.summary}</td><td>{r.text ?? ''}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {strips.strips.length > 0 ? <WindowStrips strips={strips.strips} end={strips.end} /> : null}
      {byHand.length > 0 ? (
        <>
          <h3>Conditions to check by hand</h3>
          <p>No program checks these: a person confirms each before the plan is approved.</p>
          <ul data-testid="conditions-by-hand">
            {byHand.map((c, i) => <li key={i}><strong>{c.kind}</strong>{c.destination ? ` at ${c.destination}` : ''}{c.agreement ? ` (agreement ${c.agreement})` : ''}: {c.text}{c.reason ? <small> — {c.reason}</small> : null}</li>)}
          </ul>
        </>
      ) : null}
    </section>
  );
}
