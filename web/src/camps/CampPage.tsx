import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TCampOverview } from '../../../src/camps/cohorts.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, formatCount } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { BarChart } from '../registry/PopulationChart.js';
import { useCampAuthority, useCampOverview, useHouseholds } from './api.js';
import { Pyramid } from './Pyramid.js';

const MOVES = ['arrival', 'transfer', 'release', 'repatriation', 'death', 'unaccounted'] as const;

function Withheld({ what }: { what: string }) {
  return <p className="withheld">{what} withheld from you under this camp's data-sharing agreement or your roles.</p>;
}

function Movements({ o }: { o: TCampOverview }) {
  if (!o.movements) return <Withheld what="Movements are" />;
  if (o.movements.length === 0) return <Empty>No movement is recorded.</Empty>;
  return (
    <table className="data-table" data-testid="movements-table">
      <thead>
        <tr><th scope="col">Month</th>{MOVES.map((m) => <th key={m} scope="col" className="num">{m}</th>)}</tr>
      </thead>
      <tbody>
        {o.movements.map((r) => (
          <tr key={r.month}><th scope="row">{r.month}</th>{MOVES.map((m) => <td key={m} className="num">{formatCount(r[m])}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

function Households({ code }: { code: string }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const page = useHouseholds(code, cursors.at(-1) ?? null);
  useShownMarkings(page.data?.items.map((h) => h.marking) ?? []);
  if (page.isPending) return <Loading what="households" />;
  if (page.isError) return <ErrorState error={page.error} what="households" />;
  return (
    <>
      <table className="data-table" data-testid="households-table">
        <thead><tr><th scope="col">Household</th><th scope="col">Head</th><th scope="col">Nationality</th><th scope="col">Section</th><th scope="col" className="num">Present</th></tr></thead>
        <tbody>
          {page.data.items.map((h) => (
            <tr key={h.id}>
              <th scope="row"><Link to={`/camps/households/${encodeURIComponent(h.code)}`}>{h.code}</Link></th>
              <td>{h.headName ?? <span className="withheld">withheld</span>}</td>
              <td>{h.nationality ?? <span className="withheld">withheld</span>}</td>
              <td>{h.section ?? '—'}</td>
              <td className="num">{h.members ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {formatCount(page.data.total)} households.{' '}
        {cursors.length > 1 && <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</button>}{' '}
        {page.data.nextCursor && <button type="button" onClick={() => setCursors((c) => [...c, page.data.nextCursor])}>Next</button>}
      </p>
    </>
  );
}

/** A camp: population by age and sex, nationalities, movements over time, sections, control, households. */
export function CampPage() {
  const { code = '' } = useParams();
  const overview = useCampOverview(code);
  const authority = useCampAuthority(code);
  const o = overview.data;
  useShownMarkings(o ? [o.marking] : []);
  useTitle(o?.name ?? 'Camp');
  if (overview.isPending) return <Loading what="the camp" />;
  if (overview.isError || !o) return <ErrorState error={overview.error} what="the camp" retry={() => void overview.refetch()} />;
  return (
    <article className="page camp" aria-labelledby="camp-title">
      <p className="breadcrumb"><Link to="/camps">Camps</Link> / {o.code}</p>
      <h1 id="camp-title"><PortionMark marking={o.marking} /> {o.name}</h1>
      <p>
        <strong data-testid="camp-population">{formatCount(o.population)}</strong> residents present that you may see; controlled by <strong>{o.authority ?? '—'}</strong>.{' '}
        <Link to={`/camps/${encodeURIComponent(o.code)}/cohorts`}>Cohorts and work list</Link> · <Link to={`/camps/${encodeURIComponent(o.code)}/release`}>Record a release</Link>
      </p>
      <div className="camp-grid">
        <section aria-labelledby="age-title">
          <h2 id="age-title"><PortionMark marking={o.marking} /> Population by age and sex</h2>
          {o.pyramid ? <Pyramid bands={o.pyramid} caption="Residents present, by five-year age band" /> : <Withheld what="Ages or sex are" />}
        </section>
        <section aria-labelledby="nat-title">
          <h2 id="nat-title"><PortionMark marking={o.marking} /> Nationalities</h2>
          {o.nationalities ? (
            <BarChart title="Residents present, by nationality (top 12)" bars={o.nationalities.slice(0, 12).map((n) => ({ label: countryName(n.nationality), value: n.count, colour: '#5c7cfa' }))} />
          ) : <Withheld what="Nationalities are" />}
        </section>
      </div>
      <section aria-labelledby="mov-title">
        <h2 id="mov-title"><PortionMark marking={o.marking} /> Movements over time</h2>
        <Movements o={o} />
      </section>
      {o.sections && (
        <section aria-labelledby="sec-title">
          <h2 id="sec-title"><PortionMark marking={o.marking} /> Sections</h2>
          <BarChart title="Residents present, by section" bars={o.sections.map((s) => ({ label: `${s.code} ${s.name}`, value: s.population, colour: '#868e96' }))} />
        </section>
      )}
      <section aria-labelledby="ctl-title">
        <h2 id="ctl-title">Control and data sharing</h2>
        {authority.data ? (
          <>
            <p>Your fields: {authority.data.yourFields.join(', ') || 'none'}.</p>
            <table className="data-table">
              <thead><tr><th scope="col">Agency</th><th scope="col">From</th><th scope="col">Fields</th><th scope="col">Reference</th></tr></thead>
              <tbody>
                {authority.data.control.map((c) => <tr key={`c${c.from}`}><th scope="row">{c.agency} (controls)</th><td>{c.from.slice(0, 10)}{c.until ? ` – ${c.until.slice(0, 10)}` : ''}</td><td>all, unless an agreement says otherwise</td><td>{c.reference ?? '—'}</td></tr>)}
                {authority.data.agreements.map((g) => <tr key={g.id}><th scope="row">{g.agency}</th><td>{g.from.slice(0, 10)}</td><td>{g.fields.join(', ') || 'none'}</td><td>{g.reference}</td></tr>)}
              </tbody>
            </table>
          </>
        ) : <Loading what="control" />}
      </section>
      <section aria-labelledby="hh-title">
        <h2 id="hh-title">Households</h2>
        <Households code={o.code} />
      </section>
      {o.withheld.length > 0 && <p className="hint">Withheld from you in this camp: {o.withheld.join(', ')}.</p>}
    </article>
  );
}
