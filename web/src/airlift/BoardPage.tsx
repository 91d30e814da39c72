import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PLACE_KINDS, SORTIE_TRANSITIONS, type TDiscrepancy } from '../../../src/airlift/execution.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { formatCount } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { BOARD_PAGE, useBoardSorties, useDiscrepancies, useReconciliation, useResolve, useSortieStatus } from './api.js';
import { STATUS_COLOURS } from './Charts.js';

const KIND_COLOURS = { site: '#c92a2a', aircraft: '#fd7e14', staging: '#fab005', destination: '#2b8a3e' } as const;

function ResolveForm({ d }: { d: TDiscrepancy }) {
  const resolve = useResolve();
  const [action, setAction] = useState<'accept' | 'void' | 'place'>(d.kind === 'missing-at-arrival' ? 'place' : 'accept');
  const [place, setPlace] = useState('');
  const [note, setNote] = useState('');
  return (
    <form className="inline" onSubmit={(e) => { e.preventDefault(); resolve.mutate({ id: d.id, body: { action, note, ...(action === 'place' ? { place } : {}) } }); }}>
      <select value={action} onChange={(e) => setAction(e.target.value as typeof action)} aria-label="action">
        <option value="accept">accept</option><option value="void">void the scan</option><option value="place">place at…</option>
      </select>
      {action === 'place' ? <input value={place} onChange={(e) => setPlace(e.target.value)} placeholder="node id" aria-label="place" size={10} /> : null}
      <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="note (required)" aria-label="note" required minLength={3} />
      <button type="submit" disabled={resolve.isPending}>Resolve</button>
      {resolve.isError ? <span role="alert"> {resolve.error.message}</span> : null}
    </form>
  );
}

/** The execution board: live reconciliation totals, sorties with their next statuses, open discrepancies. */
export function BoardPage() {
  const { id = '' } = useParams();
  useTitle('Execution board');
  const rec = useReconciliation(id);
  const [filter, setFilter] = useState<'active' | 'all'>('active');
  // The cursors of the pages before this one: the last is this page's (null: the first page).
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const sorties = useBoardSorties(id, filter, cursors[cursors.length - 1]!);
  const open = useDiscrepancies(id);
  const status = useSortieStatus();
  useShownMarkings([...(rec.data ? [rec.data.marking] : []), ...(sorties.data?.items ?? []).map((s) => s.marking), ...(open.data ?? []).map((d) => d.marking)]);
  if (rec.isPending) return <Loading what="the board" />;
  if (rec.isError) return <ErrorState error={rec.error} what="the board" retry={() => void rec.refetch()} />;
  const r = rec.data;
  const shown = sorties.data?.items ?? [];
  const first = (cursors.length - 1) * BOARD_PAGE;
  const next = sorties.data?.nextCursor ?? null;
  return (
    <div className="page">
      <h1>Execution board</h1>
      <p><Link to={`/airlift/plans/${id}`}>The plan</Link> · <Link to="/airlift/scan">Scan</Link> · as of {r.asOf.slice(11, 19)} UTC</p>
      <section aria-labelledby="totals" data-testid="totals">
        <h2 id="totals">Where everyone is: {formatCount(r.total)} {r.balanced ? <span className="ok">reconciled</span> : <span role="alert">NOT RECONCILED</span>}</h2>
        <svg viewBox="0 0 600 24" className="stacked" role="img" aria-label="people by place">
          {PLACE_KINDS.reduce<{ x: number; els: React.ReactNode[] }>((acc, k) => {
            const w = r.total > 0 ? (r.byKind[k] / r.total) * 600 : 0;
            acc.els.push(<rect key={k} x={acc.x} y={0} width={w} height={24} fill={KIND_COLOURS[k]}><title>{`${k}: ${r.byKind[k]}`}</title></rect>);
            acc.x += w;
            return acc;
          }, { x: 0, els: [] }).els}
        </svg>
        <p>{PLACE_KINDS.map((k) => <span key={k} data-testid={`count-${k}`}><span className="swatch" style={{ background: KIND_COLOURS[k] }} /> {k} {formatCount(r.byKind[k])} </span>)} · open discrepancies <strong data-testid="open-count">{r.openDiscrepancies}</strong></p>
      </section>
      <section aria-labelledby="disc">
        <h2 id="disc">Open discrepancies ({open.data?.length ?? '…'})</h2>
        <table className="data-table"><thead><tr><th>Kind</th><th>Detainee</th><th>Sortie</th><th>Detail</th><th>Resolve</th></tr></thead>
          <tbody>{(open.data ?? []).slice(0, 100).map((d) => (
            <tr key={d.id}><td>{d.kind}</td><td><Link to={`/detainees/${d.isn}`}>{d.isn}</Link></td><td><Link to={`/airlift/sorties/${d.sortie}`}>sortie</Link></td><td>{d.detail}</td><td><ResolveForm d={d} /></td></tr>
          ))}</tbody></table>
      </section>
      <section aria-labelledby="sorties">
        <h2 id="sorties">Sorties <select value={filter} onChange={(e) => { setFilter(e.target.value as 'active' | 'all'); setCursors([null]); }} aria-label="which sorties" data-testid="sorties-filter"><option value="active">in progress</option><option value="all">all</option></select></h2>
        <nav className="pager" aria-label="sortie pages">
          <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))} disabled={cursors.length === 1} data-testid="sorties-prev">Previous</button>{' '}
          <span data-testid="sorties-range">{sorties.data ? (shown.length > 0 ? `${formatCount(first + 1)}–${formatCount(first + shown.length)} of ${formatCount(sorties.data.total)}` : `none of ${formatCount(sorties.data.total)}`) : '…'}</span>{' '}
          <button type="button" onClick={() => { if (next !== null) setCursors((c) => [...c, next]); }} disabled={next === null} data-testid="sorties-next">Next</button>
          {sorties.isFetching ? <span role="status"> <span className="spinner" aria-hidden="true" /></span> : null}
        </nav>
        {sorties.isError ? <p role="alert">Could not load the sorties: {sorties.error.message}</p> : null}
        {status.data && status.data.blockers.length > 0 ? <p role="alert">{status.data.sortie.label} not closed: {status.data.blockers.join('; ')}</p> : null}
        {status.isError ? <p role="alert">{status.error.message}</p> : null}
        <table className="data-table" data-testid="sorties-table"><thead><tr><th>Sortie</th><th>Status</th><th>Route</th><th>Departs</th><th className="num">Manifest</th><th className="num">Open</th><th>Next</th></tr></thead>
          <tbody>{shown.map((s) => (
            <tr key={s.id}>
              <th scope="row"><Link to={`/airlift/sorties/${s.id}`}>{s.label}</Link></th>
              <td><span className="swatch" style={{ background: STATUS_COLOURS[s.status] }} /> {s.status}</td>
              <td>{s.from} → {s.to}</td><td>{s.depart.slice(5, 16).replace('T', ' ')}</td><td className="num">{s.manifested}</td><td className="num">{s.openDiscrepancies}</td>
              <td>{SORTIE_TRANSITIONS[s.status].map((n) => <button key={n} type="button" onClick={() => status.mutate({ id: s.id, status: n })} disabled={status.isPending}>{n}</button>)}</td>
            </tr>
          ))}</tbody></table>
      </section>
    </div>
  );
}
