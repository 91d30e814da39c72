import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TCountryBoard } from '../../../src/repatriation/repatriation.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { formatCount, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { BarChart } from '../registry/PopulationChart.js';
import { useCountryBoard } from './api.js';
import { BatchCard, BatchForm } from './BatchPanel.js';
import { EngagementForm, StatusForm } from './BoardForms.js';
import { Progress, StatusBadge } from './RepatriationPage.js';
import './repatriation.css';

const AGE_COLOURS: Record<string, string> = { 'under-12': '#f08c00', '12-17': '#e8590c', adult: '#1971c2', unknown: '#868e96' };

/** Children in the camps turning 18 in each of the next 24 months, as columns. */
function MonthChart({ months }: { months: TCountryBoard['reaching18'] }) {
  if (months.every((m) => m.count === 0)) {
    return <p className="state state-empty" data-testid="reaching18">No camp child of this country you may see turns 18 in the next 24 months (children's records need child-protection access).</p>;
  }
  const max = Math.max(1, ...months.map((m) => m.count));
  const w = 18;
  return (
    <figure className="month-chart" data-testid="reaching18">
      <figcaption>Camp children turning 18, month by month</figcaption>
      <svg viewBox={`0 0 ${months.length * w + 10} 120`} role="img" aria-label={months.map((m) => `${m.month}: ${m.count}`).join(', ')}>
        {months.map((m, i) => {
          const h = (m.count / max) * 90;
          return (
            <g key={m.month}>
              <rect x={5 + i * w} y={100 - h} width={w - 4} height={h}><title>{`${m.month}: ${m.count}`}</title></rect>
              {i % 3 === 0 && <text x={5 + i * w} y={114}>{m.month.slice(2)}</text>}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

function Nationals({ b }: { b: TCountryBoard }) {
  const n = b.nationals;
  const bars = (by: Record<string, number>) => Object.entries(by).map(([k, v]) => ({ label: humanize(k), value: v, colour: AGE_COLOURS[k] ?? '#495057' }));
  return (
    <div className="board-grid">
      <section aria-labelledby="det-h">
        <h2 id="det-h">Detainees</h2>
        <p><span data-testid="detainees-held">{formatCount(n.detainees.held)}</span> held, <span data-testid="detainees-repatriated">{formatCount(n.detainees.repatriated)}</span> repatriated.</p>
        <BarChart title="Held, by age group" bars={bars(n.detainees.byAgeGroup)} />
      </section>
      <section aria-labelledby="res-h">
        <h2 id="res-h">Camp residents</h2>
        <p>{formatCount(n.residents.present)} present ({formatCount(n.residents.women)} adult women), {formatCount(n.residents.repatriated)} repatriated.</p>
        <BarChart title="Present, by age group" bars={bars(n.residents.byAgeGroup)} />
        {n.withheldCamps.length > 0 && <p className="withheld">Not counted (nationality withheld from you): {n.withheldCamps.join(', ')}.</p>}
      </section>
      <section aria-labelledby="c18-h"><h2 id="c18-h">Reaching 18</h2><MonthChart months={b.reaching18} /></section>
    </div>
  );
}

/** One country of origin's board: where talks stand, its nationals, the engagement log and the batches. */
export function CountryPage() {
  const { country = '' } = useParams();
  useTitle(`Repatriation · ${country}`);
  const board = useCountryBoard(country);
  const [planning, setPlanning] = useState(false);
  useShownMarkings(board.data ? [board.data.marking] : []);
  if (board.isPending) return <Loading what="the country's board" />;
  if (board.isError) return <ErrorState error={board.error} what="the country's board" retry={() => void board.refetch()} />;
  const b = board.data;
  const s = b.summary;
  return (
    <article className="page" aria-labelledby="country-title">
      <p className="breadcrumb"><Link to="/repatriation">Repatriation</Link> / {s.country}</p>
      <h1 id="country-title">{s.name}</h1>
      <p>
        <span data-testid="country-status"><StatusBadge status={s.status} /></span>{' '}
        Conditions: {s.conditions.map(humanize).join(', ') || 'none'}. Still held: <span data-testid="country-held">{formatCount(s.held)}</span>;
        repatriated: <span data-testid="country-repatriated">{formatCount(s.repatriated)}</span>. <Progress value={s.progress} label="Repatriated" />
      </p>
      <Nationals b={b} />
      <div className="board-grid">
        <section aria-labelledby="status-h"><h2 id="status-h">Status</h2><StatusForm key={`${s.status}/${s.version}`} board={b} />
          <ul>{b.history.map((h) => <li key={`${h.at}/${h.to}`}>{h.at.slice(0, 10)}: {humanize(h.from)} → {humanize(h.to)} by {h.by}{h.note ? ` (${h.note})` : ''}</li>)}</ul>
        </section>
        <section aria-labelledby="eng-h"><h2 id="eng-h">Record an engagement</h2><EngagementForm country={s.country} /></section>
      </div>
      <h2>Engagement log</h2>
      {b.engagements.length === 0 ? <Empty>No engagement you may see.</Empty> : (
        <table className="data-table" data-testid="engagements-table">
          <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Summary</th><th scope="col">Outcome / due</th><th scope="col">By</th></tr></thead>
          <tbody>
            {b.engagements.map((e) => (
              <tr key={e.id}>
                <td>{e.at.slice(0, 10)}</td><td>{humanize(e.kind)}</td><td><PortionMark marking={e.marking} /> {e.summary}</td>
                <td>{e.outcome ? humanize(e.outcome) : e.dueBy ? `due ${e.dueBy}` : '—'}</td><td>{e.recordedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Batches</h2>
      {b.batches.length === 0 ? <Empty>No batch you may see.</Empty> : b.batches.map((x) => <BatchCard key={x.id} batch={x} />)}
      <button type="button" aria-expanded={planning} onClick={() => setPlanning((p) => !p)}>{planning ? 'Close the batch form' : 'Plan a batch'}</button>
      {planning && <BatchForm country={s.country} />}
    </article>
  );
}
