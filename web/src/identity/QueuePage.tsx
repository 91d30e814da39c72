import { useState } from 'react';
import { Link } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useCandidates } from './api.js';

const STATUSES = ['pending', 'same', 'different', 'unsure'] as const;

/** The adjudication queue: candidate pairs, best score first, each opening the side-by-side view. */
export function QueuePage() {
  useTitle('Adjudication queue');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('pending');
  const q = useCandidates(status);
  useShownMarkings(q.data ? q.data.items.flatMap((c) => [c.left.marking, c.right.marking]) : []);
  return (
    <article className="page" aria-labelledby="queue-title">
      <h1 id="queue-title">Adjudication queue</h1>
      <p><Link to="/identity/enroll">Enroll an encounter</Link></p>
      <div role="tablist" aria-label="Status">
        {STATUSES.map((s) => (
          <button key={s} role="tab" type="button" aria-selected={s === status} className={s === status ? 'tab active' : 'tab'} onClick={() => setStatus(s)}>{s}</button>
        ))}
      </div>
      {q.isPending ? <Loading what="the queue" /> : q.isError ? <ErrorState error={q.error} what="the queue" retry={() => void q.refetch()} /> : q.data.items.length === 0 ? <Empty>No {status} pairs you may see.</Empty> : (
        <table className="data-table" data-testid="candidate-queue">
          <caption>{q.data.total} {status} pairs</caption>
          <thead><tr><th scope="col">Score</th><th scope="col">Biometric</th><th scope="col">Left</th><th scope="col">Right</th><th scope="col">Source</th><th scope="col" /></tr></thead>
          <tbody>
            {q.data.items.map((c) => (
              <tr key={c.id}>
                <td>{c.score.toFixed(1)}</td>
                <td>{c.biometric === null ? '—' : c.biometric.toFixed(2)}</td>
                <td><PortionMark marking={c.left.marking} /> {c.left.isn} {c.left.nameLatin}{c.left.nameAr ? <> <span className="arabic" lang="ar" dir="rtl">{c.left.nameAr}</span></> : null}</td>
                <td><PortionMark marking={c.right.marking} /> {c.right.isn} {c.right.nameLatin}{c.right.nameAr ? <> <span className="arabic" lang="ar" dir="rtl">{c.right.nameAr}</span></> : null}</td>
                <td>{c.source}</td>
                <td><Link to={`/identity/candidates/${encodeURIComponent(c.id)}`}>Compare</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
