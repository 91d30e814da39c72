import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { usePaperEntry, useSortie } from './api.js';

/** A sortie's manifest (who has boarded, arrived, where each is), its printouts, and the paper manifest entered back. */
export function SortiePage() {
  const { id = '' } = useParams();
  useTitle('Sortie');
  const sortie = useSortie(id);
  const paper = usePaperEntry(id);
  const [kind, setKind] = useState<'board' | 'arrive'>('board');
  const [ticked, setTicked] = useState('');
  const [at, setAt] = useState(() => new Date().toISOString().slice(0, 16));
  useShownMarkings(sortie.data ? [sortie.data.marking, ...sortie.data.discrepancies.map((d) => d.marking)] : []);
  if (sortie.isPending) return <Loading what="the sortie" />;
  if (sortie.isError) return <ErrorState error={sortie.error} what="the sortie" retry={() => void sortie.refetch()} />;
  const s = sortie.data;
  const base = `/api/airlift/sorties/${encodeURIComponent(s.id)}/manifest`;
  return (
    <div className="page">
      <h1>Sortie {s.label} <small>({s.status})</small></h1>
      <p>Aircraft {s.aircraft} · {s.from} → {s.to} · departs {s.depart} · arrives {s.arrive} · <Link to={`/airlift/plans/${s.planId}/board`}>board</Link></p>
      <p>
        <a href={`${base}?format=html`} target="_blank" rel="noreferrer">Print the manifest</a> · <a href={`${base}?format=pdf`}>PDF</a> · <a href={`${base}?format=csv`} data-testid="csv">CSV</a> ·{' '}
        <a href={`/api/airlift/wristbands?sortie=${encodeURIComponent(s.id)}&format=pdf`}>Wristbands (PDF)</a> · <Link to={`/airlift/scan?sortie=${encodeURIComponent(s.id)}`}>Scan for this sortie</Link>
      </p>
      <table className="data-table" data-testid="manifest"><thead><tr><th>ISN</th><th>Tier</th><th>Route</th><th>Boarded</th><th>Arrived</th><th>Where now</th></tr></thead>
        <tbody>{s.manifest.map((m) => (
          <tr key={m.isn}><th scope="row"><Link to={`/detainees/${m.isn}`}>{m.isn}</Link>{m.amended ? <small> (amended)</small> : null}</th><td>{m.tier}{m.medical ? ' · medical' : ''}</td>
            <td>{m.board} → {m.alight}</td><td>{m.boarded ? '✔' : ''}</td><td>{m.arrived ? '✔' : ''}</td><td>{m.place}</td></tr>
        ))}</tbody></table>
      <h2>Discrepancies</h2>
      <ul>{s.discrepancies.map((d) => <li key={d.id}>{d.status}: {d.kind} — {d.isn}: {d.detail}{d.resolution ? ` (${d.resolution.action} by ${d.resolution.by}: ${d.resolution.note})` : ''}</li>)}</ul>
      <section aria-labelledby="paper">
        <h2 id="paper">Enter a printed manifest back</h2>
        <form onSubmit={(e) => { e.preventDefault(); paper.mutate({ kind, at: `${at}:00Z`, ticked: ticked.split(/[\s,]+/).filter((t) => t !== '') }); }}>
          <label>Ticks for <select value={kind} onChange={(e) => setKind(e.target.value as 'board' | 'arrive')}><option value="board">boarded</option><option value="arrive">arrived</option></select></label>{' '}
          <label>at (UTC) <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} /></label><br />
          <label>Ticked ISNs <textarea value={ticked} onChange={(e) => setTicked(e.target.value)} rows={4} cols={40} placeholder="SP-SY-000001 SP-SY-000006 …" /></label><br />
          <button type="submit" disabled={paper.isPending}>Enter</button>
        </form>
        {paper.isError ? <p role="alert">{paper.error.message}</p> : null}
        {paper.data ? <p role="status">{paper.data.results.filter((r) => 'applied' in r).length} entered, {paper.data.results.filter((r) => 'error' in r).length} refused.</p> : null}
      </section>
    </div>
  );
}
