import { useState } from 'react';
import type { TOutcomeFigure } from '../../../src/coordination/coordination.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { formatCount, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useOutcomes } from './api.js';
import { siteRows } from './charts.js';
import { LineChart, SiteBars } from './Charts.js';
import './coordination.css';

const COLOURS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599', '#c92a2a', '#5c940d'];

function value(f: TOutcomeFigure): string {
  return Number.isInteger(f.value) ? formatCount(f.value) : f.value.toFixed(1);
}

/** The operation's figures over time: moved vs remaining per site, exposure averted, camps and every other source's figures. */
export function OutcomesPage() {
  useTitle('Outcomes');
  const [asOf, setAsOf] = useState<string | null>(null);
  const q = useOutcomes(asOf);
  useShownMarkings(q.data ? q.data.areas.flatMap((a) => a.figures.map((f) => f.marking)) : []);
  const o = q.data;
  const figures = o?.areas.flatMap((a) => a.figures) ?? [];
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const totals = ['movement.moved', 'movement.remaining'].flatMap((k) => {
    const f = byKey.get(k);
    return f?.series && f.series.length > 0 ? [f] : [];
  });
  const charted = figures.filter((f) => (f.series?.length ?? 0) > 1 && !/^movement\.(moved|remaining)\./.test(f.key) && !totals.includes(f));
  return (
    <article className="page" aria-labelledby="out-title">
      <h1 id="out-title">Outcome dashboard</h1>
      <p className="sitrep-tools">
        <label className="field">As of (end of day; empty for now)<input type="date" value={asOf ?? ''} onChange={(e) => setAsOf(e.target.value || null)} /></label>
      </p>
      {q.isPending && <Loading what="the outcome figures" />}
      {q.isError && <ErrorState error={q.error} what="the outcome figures" retry={() => void q.refetch()} />}
      {o && (
        <>
          {o.omitted.length > 0 && <p className="hint">Not included (your roles do not reach them): {o.omitted.join(', ')}.</p>}
          {figures.length === 0 && <Empty>No figure is available to you.</Empty>}
          {siteRows(figures).length > 0 && <SiteBars rows={siteRows(figures)} />}
          <div className="outcome-charts">
            {totals.length > 0 && (
              <LineChart title="Moved vs remaining, all sites" series={totals.map((f, i) => ({ label: f.label, colour: COLOURS[i] ?? '#495057', points: f.series ?? [] }))} />
            )}
            {charted.map((f, i) => <LineChart key={f.key} title={f.label} series={[{ label: f.label, colour: COLOURS[(i + 2) % COLOURS.length] ?? '#495057', points: f.series ?? [] }]} />)}
          </div>
          {o.areas.map((a) => (
            <section key={a.source} aria-label={humanize(a.area)}>
              <h2>{humanize(a.area)} <span className="hint">({a.source})</span></h2>
              <table className="data-table" data-testid={`figures-${a.area}`}>
                <thead><tr><th scope="col">Figure</th><th scope="col" className="num">Value</th><th scope="col">Unit</th></tr></thead>
                <tbody>
                  {a.figures.map((f) => (
                    <tr key={f.key}><th scope="row"><PortionMark marking={f.marking} /> {f.label}</th><td className="num">{value(f)}</td><td>{f.unit ?? ''}</td></tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </article>
  );
}
