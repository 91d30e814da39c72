import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useIdentity, useUndo } from './api.js';
import { QualityBars } from './Charts.js';

/** A person's identity: the linked records, every name they go by, their enrollments and the decisions. */
export function IdentityPage() {
  const { id = '' } = useParams();
  const q = useIdentity(id);
  const undo = useUndo();
  const [reason, setReason] = useState('');
  const p = q.data;
  useShownMarkings(p ? [p.marking, ...p.members.map((m) => m.marking), ...p.enrollments.map((e) => e.marking)] : []);
  useTitle(p?.name.latin ?? 'Identity');
  if (q.isPending) return <Loading what="the identity" />;
  if (q.isError || !p) return <ErrorState error={q.error} what="the identity" retry={() => void q.refetch()} />;
  return (
    <article className="page" aria-labelledby="id-title">
      <p className="breadcrumb"><Link to="/identity">Adjudication queue</Link> / <Link to={`/detainees/${encodeURIComponent(p.isn)}`}>{p.isn}</Link></p>
      <h1 id="id-title" className="person-name"><PortionMark marking={p.marking} /> {p.name.latin} <span className="name-ar arabic" lang="ar" dir="rtl">{p.name.ar}</span></h1>
      <section aria-labelledby="alias-title">
        <h2 id="alias-title">Also known as</h2>
        {p.aliases.length === 0 ? <p>No other names recorded.</p> : (
          <ul data-testid="aliases">
            {p.aliases.map((a) => (
              <li key={a.name}><bdi className={/[\u0600-\u06ff]/.test(a.name) ? 'arabic' : undefined} dir="auto">{a.name}</bdi> — {a.source}{a.isn ? ` (${a.isn})` : ''}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Records linked as this person</h2>
        <ul data-testid="members">
          {p.members.map((m) => <li key={m.detaineeId}><PortionMark marking={m.marking} /> <Link to={`/identity/detainees/${encodeURIComponent(m.isn)}`}>{m.isn}</Link> {m.nameLatin} <span className="arabic" lang="ar" dir="rtl">{m.nameAr}</span></li>)}
        </ul>
      </section>
      <section aria-labelledby="enr-title">
        <h2 id="enr-title">Enrollments</h2>
        <div className="enrollments">
          {p.enrollments.map((e) => (
            <div key={e.id} className="enrollment">
              <h3><PortionMark marking={e.marking} /> {e.isn} · {e.capturedAt.slice(0, 16).replace('T', ' ')} · {e.station} ({e.agency})</h3>
              <QualityBars templates={e.templates} />
            </div>
          ))}
        </div>
      </section>
      <section aria-labelledby="dec-title">
        <h2 id="dec-title">Decisions</h2>
        {p.decisions.length === 0 ? <p>None.</p> : (
          <table className="data-table">
            <thead><tr><th scope="col">When</th><th scope="col">Decision</th><th scope="col">Other record</th><th scope="col">By</th><th scope="col">Reason</th><th scope="col" /></tr></thead>
            <tbody>
              {p.decisions.map((d) => (
                <tr key={`${d.candidateId}-${d.at}`}>
                  <td>{d.at.slice(0, 16).replace('T', ' ')}</td><td>{d.decision}</td><td>{d.otherIsn}</td><td>{d.by}</td><td>{d.reason}</td>
                  <td>{d.decision === 'same' ? <button type="button" disabled={reason.trim().length < 3 || undo.isPending} onClick={() => undo.mutate({ id: d.candidateId, reason })}>Undo link</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <label>Reason for an undo <input value={reason} onChange={(e) => setReason(e.target.value)} /></label>
      </section>
    </article>
  );
}
