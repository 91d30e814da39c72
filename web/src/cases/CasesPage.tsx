import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { CASE_STATUSES } from '../../../src/cases/cases.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useCases, useEvidenceSearch } from './api.js';
import './cases.css';

/** A search over the evidence versions the user may see; the hits carry their portion marks and the banner. */
function EvidenceSearch() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const hits = useEvidenceSearch(q);
  useShownMarkings(hits.data && hits.data.total > 0 ? [hits.data.marking] : []);
  function submit(e: FormEvent) {
    e.preventDefault();
    setQ(text.trim());
  }
  return (
    <section aria-label="Evidence search">
      <form onSubmit={submit}>
        <label>Search evidence <input value={text} onChange={(e) => setText(e.target.value)} minLength={2} /></label> <button type="submit">Search</button>
      </form>
      {q.length >= 2 && (hits.isPending ? <Loading what="evidence" />
        : hits.isError ? <ErrorState error={hits.error} what="evidence" />
          : hits.data.total === 0 ? <Empty>No evidence you may see matches “{q}”.</Empty>
            : (
              <ul data-testid="evidence-hits">
                {hits.data.items.map((h) => (
                  <li key={`${h.item}-${h.version}`}><PortionMark marking={h.marking} /> <Link to={`/cases/${encodeURIComponent(h.case)}`}>{h.case}</Link> {h.item} v{h.version} ({humanize(h.kind)}): {h.description}</li>
                ))}
              </ul>
            ))}
    </section>
  );
}

/** The case files the user may see, with the evidence items they may see counted. */
export function CasesPage() {
  useTitle('Cases');
  const [status, setStatus] = useState('');
  const cases = useCases(status);
  useShownMarkings(cases.data && cases.data.items.length > 0 ? [cases.data.marking] : []);
  return (
    <div className="page">
      <h1>Case files</h1>
      <label>
        Status{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any</option>
          {CASE_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
        </select>
      </label>
      {cases.isPending ? (
        <Loading what="case files" />
      ) : cases.isError ? (
        <ErrorState error={cases.error} what="case files" retry={() => void cases.refetch()} />
      ) : cases.data.items.length === 0 ? (
        <Empty>There are no case files you may see.</Empty>
      ) : (
        <table className="data-table" data-testid="cases-table">
          <thead>
            <tr>
              <th scope="col">Case</th>
              <th scope="col">Status</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">Prosecutor's agency</th>
              <th scope="col" className="num">Evidence items</th>
            </tr>
          </thead>
          <tbody>
            {cases.data.items.map((c) => (
              <tr key={c.id} data-ref={c.ref}>
                <th scope="row"><PortionMark marking={c.marking} /> <Link to={`/cases/${encodeURIComponent(c.ref)}`}>{c.title}</Link> <span className="code">{c.ref}</span></th>
                <td>{humanize(c.status)}</td>
                <td>{humanize(c.jurisdiction.kind)}: {c.jurisdiction.name ?? countryName(c.jurisdiction.country)}</td>
                <td>{c.agency}</td>
                <td className="num" data-testid={`evidence-${c.ref}`}>{c.evidence}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">Counts cover only the evidence you may see; what you may not see is not counted.</p>
      <EvidenceSearch />
    </div>
  );
}
