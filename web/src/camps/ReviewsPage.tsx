import { useState } from 'react';
import { Link } from 'react-router';
import type { TDuplicateReview } from '../../../src/camps/reviews.schemas.js';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useDecideReview, useDuplicateReviews } from './api.js';
import './camps.css';

type Person = TDuplicateReview['submitted'] | TDuplicateReview['existing'];

function Side({ title, p }: { title: string; p: Person }) {
  return (
    <div className="review-side">
      <h3>{title}</h3>
      <dl className="details">
        <dt>Name</dt><dd>{p.nameLatin} <bdi className="arabic" lang="ar" dir="rtl">{p.nameAr}</bdi></dd>
        <dt>Sex</dt><dd>{p.sex}</dd>
        <dt>Born</dt><dd>{p.birth}</dd>
        <dt>Nationality</dt><dd>{countryName(p.nationality)}</dd>
        <dt>Household</dt><dd>{p.household ?? '—'} ({p.relation})</dd>
      </dl>
    </div>
  );
}

function Review({ r }: { r: TDuplicateReview }) {
  const decide = useDecideReview();
  const [note, setNote] = useState('');
  return (
    <li className="review" data-testid="duplicate-review" data-id={r.id}>
      <h2><PortionMark marking={r.marking} /> {r.camp}: row {r.submitted.row} imported by {r.requestedBy} on {r.requestedAt.slice(0, 10)}</h2>
      <div className="review-pair">
        <Side title="Imported row (held)" p={r.submitted} />
        <Side title="Registered resident" p={r.existing} />
      </div>
      <p><Link to={`/camps/residents/${encodeURIComponent(r.existing.id)}`}>Open the registered resident</Link></p>
      <label>Note<input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} /></label>
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate({ id: r.id, body: { decision: 'same', ...(note ? { note } : {}) } })}>Same person (create nothing)</button>{' '}
      <button type="button" disabled={decide.isPending} onClick={() => decide.mutate({ id: r.id, body: { decision: 'different', ...(note ? { note } : {}) } })}>Different people (register the row)</button>
      {decide.isError && <p className="form-error" role="alert">{decide.error instanceof ApiError ? decide.error.message : 'not decided'}</p>}
    </li>
  );
}

/** Likely duplicate residents held by imports, side by side, for a reviewer who may see both records. */
export function ReviewsPage() {
  const reviews = useDuplicateReviews('pending');
  useShownMarkings(reviews.data ? reviews.data.map((r) => r.marking) : []);
  useTitle('Duplicate reviews');
  if (reviews.isPending) return <Loading what="the reviews" />;
  if (reviews.isError) return <ErrorState error={reviews.error} what="the reviews" retry={() => void reviews.refetch()} />;
  return (
    <article className="page" aria-labelledby="reviews-title">
      <p className="breadcrumb"><Link to="/camps">Camps</Link> / duplicate reviews</p>
      <h1 id="reviews-title">Likely duplicate residents</h1>
      <p>Each row was held by an import because it looks like a resident its importer could not see. Decide whether they are the same person.</p>
      {reviews.data.length === 0 ? <Empty>No review is waiting for you.</Empty> : <ul className="plain">{reviews.data.map((r) => <Review key={r.id} r={r} />)}</ul>}
    </article>
  );
}
