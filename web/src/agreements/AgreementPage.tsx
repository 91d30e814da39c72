import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { TRANSITIONS, type TAgreement } from '../../../src/agreements/agreements.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useAgreement, useChangeStatus } from './api.js';
import './agreements.css';

const VERB: Record<string, string> = { draft: 'Back to draft', negotiating: 'Open negotiation', signed: 'Sign', suspended: 'Suspend' };

function StatusActions({ a }: { a: TAgreement }) {
  const [note, setNote] = useState('');
  const change = useChangeStatus(a.code);
  return (
    <div className="status-actions">
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.currentTarget.value)} placeholder="why (optional)" />
      </label>
      {TRANSITIONS[a.status].map((to) => (
        <button key={to} type="button" disabled={change.isPending} onClick={() => change.mutate({ to, version: a.version, ...(note.trim() ? { note: note.trim() } : {}) })}>
          {VERB[to] ?? to}
        </button>
      ))}
      {change.isError && <p className="state state-error" role="alert">{change.error.message}</p>}
    </div>
  );
}

/** One agreement: parties, quotas, assurances, the conditions plans must respect, its history and status actions. */
export function AgreementPage() {
  const { code = '' } = useParams();
  const q = useAgreement(code);
  useShownMarkings(q.data ? [q.data.marking] : []);
  useTitle(`Agreement ${code}`);
  if (q.isPending) return <Loading what="the agreement" />;
  if (q.isError) return <ErrorState error={q.error} what="the agreement" retry={() => void q.refetch()} />;
  const a = q.data;
  return (
    <article className="page" aria-labelledby="agreement-title">
      <p className="breadcrumb"><Link to="/agreements">Agreements</Link> / {a.code}</p>
      <h1 id="agreement-title"><PortionMark marking={a.marking} /> {a.code}: {a.title}</h1>
      <dl className="details">
        <dt>Status</dt>
        <dd><span className={`agreement-status status-${a.status}`} data-testid="agreement-status">{a.status}</span> (version {a.version})</dd>
        <dt>Holding force</dt><dd>{a.parties.holding}</dd>
        <dt>Receiving government</dt><dd>{a.parties.receiving}</dd>
        <dt>Airlift command</dt><dd>{a.parties.airlift}</dd>
        <dt>Receiving facility</dt><dd>{a.destination}</dd>
        <dt>Valid</dt><dd>{a.validFrom} to {a.validTo ?? 'open'}</dd>
        <dt>Quota per day</dt><dd>{a.perDay ?? '–'}</dd>
        <dt>Per nationality, per day</dt><dd>{Object.entries(a.nationalityQuotas).map(([k, v]) => `${k} ${v}`).join(', ') || '–'}</dd>
      </dl>
      <StatusActions a={a} />
      <section aria-labelledby="assurances-title">
        <h2 id="assurances-title"><PortionMark marking={a.marking} /> Assurances</h2>
        <ul>{a.assurances.map((x) => <li key={`${x.kind}${x.text}`}><strong>{humanize(x.kind)}</strong>: {x.text}</li>)}</ul>
      </section>
      <section aria-labelledby="conditions-title">
        <h2 id="conditions-title"><PortionMark marking={a.marking} /> Conditions plans must respect</h2>
        <ul>{a.conditions.map((x) => <li key={`${x.kind}${x.text}`}><strong>{humanize(x.kind)}</strong>{x.value === undefined ? '' : ` (${x.value})`}: {x.text}</li>)}</ul>
        <p className="muted">Once signed and in force, the quota per day is the airlift instance&apos;s quota for {a.destination}.</p>
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title"><PortionMark marking={a.marking} /> History</h2>
        <ol className="agreement-history">
          {a.history.map((h) => <li key={`${h.at}${h.to}`}>{h.at.slice(0, 16).replace('T', ' ')}: {h.from ?? 'new'} → <strong>{h.to}</strong> by {h.by}{h.note ? ` — ${h.note}` : ''}</li>)}
        </ol>
      </section>
    </article>
  );
}
