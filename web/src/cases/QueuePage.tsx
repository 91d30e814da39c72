import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { TDecisionInput, TQueueEntry } from '../../../src/cases/cases.schemas.js';
import { useMe } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useConfirm, useDecide, useQueue } from './api.js';
import { VersionView } from './VersionView.js';
import './cases.css';

const FILTERS = ['open', 'pending', 'awaiting-confirmation', 'released', 'denied', 'expired', 'all'] as const;

function DecisionForm({ entry }: { entry: TQueueEntry }) {
  const decide = useDecide(entry.id);
  const [outcome, setOutcome] = useState<TDecisionInput['outcome']>('redact');
  const [marking, setMarking] = useState(`C//REL TO ${[entry.audience.country, 'USA'].sort().join(', ')}`);
  const [body, setBody] = useState(entry.original.body ?? '');
  const [reason, setReason] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    const why = reason.trim() ? { reason } : {};
    const input: TDecisionInput = outcome === 'release' ? { outcome, ...why }
      : outcome === 'deny' ? { outcome, reason }
        : outcome === 'downgrade' ? { outcome, marking, ...why }
          : { outcome, marking, content: { body }, ...why };
    decide.mutate(input);
  }
  return (
    <form className="decision-form" onSubmit={submit} aria-label={`Decide request ${entry.id}`}>
      <label>
        Decision
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as TDecisionInput['outcome'])}>
          <option value="release">Release as is</option>
          <option value="redact">Release a redacted version</option>
          <option value="downgrade">Downgrade</option>
          <option value="deny">Deny</option>
        </select>
      </label>
      {(outcome === 'redact' || outcome === 'downgrade') && (
        <label>Marking of the released version<input value={marking} onChange={(e) => setMarking(e.target.value)} required /></label>
      )}
      {outcome === 'redact' && <label>Redacted text<textarea value={body} onChange={(e) => setBody(e.target.value)} required /></label>}
      <label>Reason{outcome === 'deny' ? ' (required)' : ''}<input value={reason} onChange={(e) => setReason(e.target.value)} required={outcome === 'deny'} /></label>
      <button type="submit" disabled={decide.isPending}>Sign and record the decision</button>
      {decide.isError && <p role="alert">{decide.error.message}</p>}
    </form>
  );
}

function ConfirmForm({ entry, me }: { entry: TQueueEntry; me: string | undefined }) {
  const confirm = useConfirm(entry.id);
  if (entry.proposedBy === me) return <p>You proposed this downgrade; a second reviewer of {entry.agency} must confirm it.</p>;
  return (
    <div className="decision-form">
      <p>{entry.proposedBy} proposes to downgrade to <PortionMark marking={entry.proposedMarking ?? 'U'} />{entry.reason ? `: ${entry.reason}` : ''}</p>
      <div>
        <button type="button" onClick={() => confirm.mutate({ approve: true })} disabled={confirm.isPending}>Confirm the downgrade</button>{' '}
        <button type="button" onClick={() => confirm.mutate({ approve: false })} disabled={confirm.isPending}>Refuse</button>
      </div>
      {confirm.isError && <p role="alert">{confirm.error.message}</p>}
    </div>
  );
}

function Entry({ entry, me }: { entry: TQueueEntry; me: string | undefined }) {
  return (
    <article className={`queue-entry${entry.overdue ? ' overdue' : ''}`} data-testid={`request-${entry.id}`}>
      <h2>
        <PortionMark marking={entry.marking} /> {entry.item} v{entry.version} for the {entry.audience.kind} of {countryName(entry.audience.country)}{' '}
        <span className="badge">{humanize(entry.status)}</span> {entry.overdue && <span className="badge overdue">Overdue</span>}
      </h2>
      <p className="version-meta">
        Case <Link to={`/cases/${encodeURIComponent(entry.case)}`}>{entry.case}</Link> · requested by {entry.requestedBy} on {entry.requestedAt.slice(0, 10)} · due {entry.dueAt.slice(0, 10)} · expires {entry.expiresAt.slice(0, 10)}
      </p>
      <p>Purpose: {entry.purpose}</p>
      <div className="side-by-side">
        <section aria-label="Original"><h3>Original</h3><VersionView v={entry.original} /></section>
        <section aria-label="Released">
          <h3>Released</h3>
          {entry.released ? <VersionView v={entry.released} /> : <p className="version-meta">{entry.status === 'denied' ? `Denied: ${entry.reason ?? ''}` : 'Nothing released yet.'}</p>}
        </section>
      </div>
      {entry.status === 'pending' && <DecisionForm entry={entry} />}
      {entry.status === 'awaiting-confirmation' && <ConfirmForm entry={entry} me={me} />}
      {entry.signature && <p className="version-meta">Decided by {[entry.decidedBy, entry.confirmedBy].filter(Boolean).join(' and ')}; signed with {entry.signature.key}</p>}
    </article>
  );
}

/** The reviewer's queue: requests about their agency's items, overdue flagged, original and released side by side. */
export function QueuePage() {
  useTitle('Declassification');
  const [status, setStatus] = useState<(typeof FILTERS)[number]>('open');
  const queue = useQueue(status);
  const me = useMe();
  useShownMarkings(queue.data && queue.data.items.length > 0 ? [queue.data.marking] : []);
  return (
    <div className="page">
      <h1>Declassification review</h1>
      <label>
        Show{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value as (typeof FILTERS)[number])}>
          {FILTERS.map((f) => <option key={f} value={f}>{humanize(f)}</option>)}
        </select>
      </label>
      {queue.isPending ? <Loading what="the queue" />
        : queue.isError ? <ErrorState error={queue.error} what="the queue" retry={() => void queue.refetch()} />
          : queue.data.items.length === 0 ? <Empty>No requests about your agency's evidence here.</Empty>
            : (
              <>
                <p data-testid="overdue-count">{queue.data.items.length} requests, {queue.data.overdue} overdue</p>
                {queue.data.items.map((e) => <Entry key={e.id} entry={e} me={me.data?.username} />)}
              </>
            )}
    </div>
  );
}
