import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { TCandidate } from '../../../src/identity/identity.schemas.js';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useCandidate, useDecide } from './api.js';
import { ContributionChart, QualityBars } from './Charts.js';

type Side = TCandidate['left'];

function SideView({ side, label }: { side: Side; label: string }) {
  return (
    <section className="side" aria-label={label} data-testid={`side-${label.toLowerCase()}`}>
      <h2><PortionMark marking={side.marking} /> {label}: <Link to={`/identity/detainees/${encodeURIComponent(side.isn)}`}>{side.isn}</Link></h2>
      <dl className="details">
        <dt>Name</dt><dd>{side.nameLatin ?? '—'}</dd>
        <dt>Name (Arabic)</dt><dd><span className="arabic" lang="ar" dir="rtl">{side.nameAr ?? '—'}</span></dd>
        <dt>Aliases</dt><dd>{side.aliases.length === 0 ? '—' : side.aliases.map((a) => <bdi key={a} className="alias">{a}</bdi>)}</dd>
        <dt>Born</dt><dd>{side.birthDate ?? (side.birthYear ? `${side.birthYear} (year only)` : '—')}</dd>
        <dt>Place of birth</dt><dd>{side.birthPlace ?? '—'}</dd>
        <dt>Nationality</dt><dd>{side.nationality ? countryName(side.nationality) : '—'}</dd>
      </dl>
      <QualityBars templates={side.templates} />
    </section>
  );
}

/** One candidate pair side by side, the score's components, and the decision form. */
export function CandidatePage() {
  const { id = '' } = useParams();
  const q = useCandidate(id);
  const decide = useDecide(id);
  const [decision, setDecision] = useState<'same' | 'different' | 'unsure'>('same');
  const [reason, setReason] = useState('');
  const c = q.data;
  useShownMarkings(c ? [c.left.marking, c.right.marking] : []);
  useTitle('Compare pair');
  if (q.isPending) return <Loading what="the pair" />;
  if (q.isError || !c) return <ErrorState error={q.error} what="the pair" retry={() => void q.refetch()} />;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    decide.mutate({ decision, reason });
  };
  const err = decide.error instanceof ApiError ? decide.error : null;
  return (
    <article className="page" aria-labelledby="pair-title">
      <p className="breadcrumb"><Link to="/identity">Adjudication queue</Link></p>
      <h1 id="pair-title">Same person? Score {c.score.toFixed(1)}</h1>
      <div className="side-by-side">
        <SideView side={c.left} label="Left" />
        <SideView side={c.right} label="Right" />
      </div>
      <section aria-labelledby="why-title">
        <h2 id="why-title">Why they match or not</h2>
        <ContributionChart components={c.components} score={c.score} />
      </section>
      {c.status === 'pending' ? (
        <form onSubmit={submit} aria-labelledby="decide-title" className="decision-form">
          <h2 id="decide-title">Decision</h2>
          {(['same', 'different', 'unsure'] as const).map((d) => (
            <label key={d} className="check"><input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} /> {d}</label>
          ))}
          <label>Reason <textarea name="reason" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} /></label>
          {err ? <p role="alert" className="error">{err.message}</p> : null}
          <button type="submit" disabled={decide.isPending}>{decide.isPending ? 'Recording…' : 'Record decision'}</button>
        </form>
      ) : (
        <p role="status" data-testid="decided">Decided <strong>{c.status}</strong> by {c.decidedBy} ({c.reason}). <Link to={`/identity/detainees/${encodeURIComponent(c.left.isn)}`}>Open the identity of {c.left.isn}</Link></p>
      )}
    </article>
  );
}
