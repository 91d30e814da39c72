import { Link, useSearchParams } from 'react-router';
import type { TSitrep } from '../../../src/coordination/coordination.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { formatCount, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useSitrep } from './api.js';
import './coordination.css';

const n = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? formatCount(v) : v.toFixed(1));

function parts(s: TSitrep): string[] {
  return [
    ...s.calls.map((c) => c.marking), ...s.sites.map((x) => x.marking), ...s.figures.map((f) => f.marking), ...s.changes.map((i) => i.marking),
    ...s.decisions.map((d) => d.marking), ...s.actions.map((a) => a.marking),
  ];
}

/** The SITREP as a document: banner first and last, every part with its portion mark. */
function SitrepDoc({ s }: { s: TSitrep }) {
  useShownMarkings([s.marking, ...parts(s)]);
  return (
    <div className="sitrep-doc" data-testid="sitrep">
      <p className="sitrep-banner" data-testid="sitrep-banner">{s.banner}</p>
      <h2>Situation report — {s.date}</h2>
      <p><PortionMark marking={s.marking} /> Prepared for {s.reader.username} ({s.reader.agency}, {s.reader.country}, cleared {s.reader.clearance}) at {s.generatedAt}.</p>
      {s.omitted.length > 0 && <p className="hint">Not included (your roles do not reach them): {s.omitted.join(', ')}.</p>}
      <h3>1. Calls</h3>
      {s.calls.length === 0 ? <Empty>No call is recorded for this date.</Empty> : (
        <ul>{s.calls.map((c) => <li key={c.id}><PortionMark marking={c.marking} /> {c.title}, {c.startsAt.slice(11, 16)}Z — {c.attendance.some((a) => a.present) ? c.attendance.filter((a) => a.present).map((a, i) => <span key={`${a.agency}-${a.person}`}>{i > 0 && ', '}<bdi>{a.person}</bdi> ({a.agency})</span>) : 'no attendance recorded'}</li>)}</ul>
      )}
      <h3>2. Numbers</h3>
      {s.sites.length > 0 && (
        <table className="data-table" data-testid="sitrep-sites">
          <thead><tr><th scope="col">Site</th><th scope="col" className="num">Held</th><th scope="col" className="num">Moved</th><th scope="col" className="num">Remaining</th><th scope="col" className="num">Expected loss (7 d)</th></tr></thead>
          <tbody>{s.sites.map((x) => <tr key={x.site}><th scope="row"><PortionMark marking={x.marking} /> {x.label}</th><td className="num">{n(x.held)}</td><td className="num">{n(x.moved)}</td><td className="num">{n(x.remaining)}</td><td className="num">{n(x.expectedLoss)}</td></tr>)}</tbody>
        </table>
      )}
      <ul>{s.figures.map((f) => <li key={f.key}><PortionMark marking={f.marking} /> {f.label}: {n(f.value)}{f.unit ? ` ${f.unit}` : ''}</li>)}</ul>
      <h3>3. What changed since the last call</h3>
      {s.changes.length === 0 ? <Empty>Nothing you may see changed.</Empty> : (
        <ul>{s.changes.map((i) => <li key={`${i.source}-${i.at}-${i.title}`} className={`sev-${i.severity}`}><PortionMark marking={i.marking} /> {humanize(i.section)}: {i.title}{i.detail ? ` — ${i.detail}` : ''}</li>)}</ul>
      )}
      <h3>4. Decisions</h3>
      {s.decisions.length === 0 ? <Empty>No decision is recorded.</Empty> : <ul>{s.decisions.map((d) => <li key={d.id}><PortionMark marking={d.marking} /> {d.text} — decided by {d.decidedBy}</li>)}</ul>}
      <h3>5. Actions</h3>
      {s.actions.length === 0 ? <Empty>No action is open.</Empty> : (
        <ul>{s.actions.map((a) => <li key={a.id} className={a.overdue ? 'overdue' : ''}><PortionMark marking={a.marking} /> {a.title} — owner {a.owner}, due {a.due}, {humanize(a.status)}{a.overdue ? ' (overdue)' : ''}</li>)}</ul>
      )}
      <p className="sitrep-banner">{s.banner}</p>
    </div>
  );
}

/** The SITREP preview of a date, printable (print styles hide the app around it), with downloads of every format. */
export function SitrepPage() {
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? new Date().toISOString().slice(0, 10);
  useTitle(`SITREP ${date}`);
  const q = useSitrep(date);
  const file = (format: string) => `/api/coordination/sitrep/${format}?date=${encodeURIComponent(date)}`;
  return (
    <article className="page" aria-labelledby="sitrep-title">
      <p className="breadcrumb"><Link to="/coordination">Coordination</Link> / SITREP</p>
      <h1 id="sitrep-title" className="no-print">SITREP</h1>
      <div className="sitrep-tools">
        <label className="field">Date<input type="date" value={date} onChange={(e) => e.target.value && setParams({ date: e.target.value })} /></label>
        <a href={file('md')} download={`sitrep-${date}.md`}>Markdown</a>
        <a href={file('html')} target="_blank" rel="noreferrer">Printable HTML</a>
        <a href={file('pdf')} download={`sitrep-${date}.pdf`}>PDF</a>
        <button type="button" onClick={() => window.print()}>Print</button>
      </div>
      {q.isPending && <Loading what="the SITREP" />}
      {q.isError && <ErrorState error={q.error} what="the SITREP" retry={() => void q.refetch()} />}
      {q.data && <SitrepDoc s={q.data} />}
    </article>
  );
}
