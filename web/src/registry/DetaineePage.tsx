import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { TDetainee } from '../api/schemas.js';
import { useDetainee } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, humanize } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';

function Section({ id, title, marking, children }: { id: string; title: string; marking: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        <PortionMark marking={marking} /> {title}
      </h2>
      {children}
    </section>
  );
}

function birth(d: TDetainee): string {
  const when = d.birthDate ?? (d.birthYear === null ? 'unknown' : `${d.birthYear}`);
  return d.birthPlace ? `${when}, ${d.birthPlace}` : when;
}

function Aliases({ d }: { d: TDetainee }) {
  if (d.aliases.length === 0) return <p className="state state-empty">No alias is recorded.</p>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Arabic script</th>
          <th scope="col">Kind</th>
        </tr>
      </thead>
      <tbody>
        {d.aliases.map((a, i) => (
          <tr key={`${a.nameLatin ?? ''}/${a.nameAr ?? ''}/${i}`}>
            <td>{a.nameLatin ?? '—'}</td>
            <td className="arabic" lang="ar" dir="rtl">{a.nameAr ?? '—'}</td>
            <td>{humanize(a.kind)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One detainee: identity (Arabic name right-to-left beside its transliteration), aliases, custody; all portion-marked. */
export function DetaineePage() {
  const { id = '' } = useParams();
  const detainee = useDetainee(id);
  const d = detainee.data;
  useShownMarkings(d ? [d.marking] : []);
  useTitle(d ? `${d.nameLatin} (${d.isn})` : 'Detainee');

  if (detainee.isPending) return <Loading what="the detainee" />;
  if (detainee.isError || !d) return <ErrorState error={detainee.error} what="the detainee" retry={() => void detainee.refetch()} />;
  return (
    <article className="page detainee" aria-labelledby="detainee-title">
      <p className="breadcrumb">
        <Link to="/detainees">Detainees</Link> / {d.isn}
      </p>
      <h1 id="detainee-title" className="person-name">
        <PortionMark marking={d.marking} /> <span>{d.nameLatin}</span>{' '}
        <bdi className="arabic name-ar" lang="ar" dir="rtl" data-testid="name-ar">{d.nameAr}</bdi>
      </h1>
      <Section id="identity-title" title="Identity" marking={d.marking}>
        <dl className="details">
          <dt>ISN</dt>
          <dd className="mono">{d.isn}</dd>
          <dt>Name (transliterated)</dt>
          <dd>{d.nameLatin}</dd>
          <dt>Name (Arabic script)</dt>
          <dd>
            <bdi className="arabic" lang="ar" dir="rtl">{d.nameAr}</bdi>
          </dd>
          <dt>Nationality</dt>
          <dd>{countryName(d.nationality)} ({d.nationality})</dd>
          <dt>Sex</dt>
          <dd>{d.sex === 'M' ? 'male' : 'female'}</dd>
          <dt>Born</dt>
          <dd>{birth(d)}</dd>
        </dl>
      </Section>
      <Section id="aliases-title" title="Aliases" marking={d.marking}>
        <Aliases d={d} />
      </Section>
      <Section id="custody-title" title="Custody" marking={d.marking}>
        <dl className="details">
          <dt>Status</dt>
          <dd data-testid="detainee-status">{humanize(d.status)}</dd>
          <dt>Facility</dt>
          <dd>{d.facility ? <Link to={`/facilities/${encodeURIComponent(d.facility)}`}>{d.facility}</Link> : '—'}</dd>
          <dt>Custodian</dt>
          <dd>{d.custodian ?? '—'}</dd>
          <dt>Chain of custody</dt>
          <dd><Link to={`/custody/detainees/${encodeURIComponent(d.isn)}`} data-testid="custody-timeline-link">Custody timeline, signatures and proofs</Link></dd>
          <dt>Risk tier</dt>
          <dd>{d.riskTier}</dd>
          <dt>Legal status</dt>
          <dd>{d.legalStatus}</dd>
          <dt>Medical needs</dt>
          <dd>{d.medical.length > 0 ? d.medical.map(humanize).join(', ') : 'none recorded'}</dd>
          <dt>Keep apart from groups</dt>
          <dd>{d.keepApart.length > 0 ? d.keepApart.join(', ') : 'none recorded'}</dd>
        </dl>
      </Section>
      <p className="record-meta">
        Record version {d.version}, updated {d.updatedAt.slice(0, 16).replace('T', ' ')} UTC.
      </p>
    </article>
  );
}
