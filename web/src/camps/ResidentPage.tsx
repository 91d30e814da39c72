import { Link, useParams } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, humanize } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useGraph, useResident } from './api.js';
import { EndGuardianship } from './EndGuardianship.js';
import { FamilyGraph } from './FamilyGraph.js';

const W = <span className="withheld">withheld</span>;

/** One resident: identity, guardians, links, movements and programmes — each only when the user may see it. */
export function ResidentPage() {
  const { id = '' } = useParams();
  const resident = useResident(id);
  const graph = useGraph('residents', id);
  const r = resident.data;
  useShownMarkings(r ? [r.marking] : []);
  useTitle(r?.nameLatin ?? 'Resident');
  if (resident.isPending) return <Loading what="the resident" />;
  if (resident.isError || !r) return <ErrorState error={resident.error} what="the resident" retry={() => void resident.refetch()} />;
  return (
    <article className="page" aria-labelledby="res-title">
      <p className="breadcrumb"><Link to="/camps">Camps</Link> / <Link to={`/camps/${encodeURIComponent(r.camp)}`}>{r.camp}</Link>{r.household ? <> / <Link to={`/camps/households/${encodeURIComponent(r.household)}`}>{r.household}</Link></> : null}</p>
      <h1 id="res-title" className="person-name"><PortionMark marking={r.marking} /> {r.nameLatin ?? '(name withheld)'} {r.nameAr && <span className="name-ar arabic" lang="ar" dir="rtl">{r.nameAr}</span>}</h1>
      <dl className="details">
        <dt>Status</dt><dd>{humanize(r.status)}</dd>
        <dt>Born</dt><dd>{r.age === undefined ? W : `${r.birthDate ?? `${r.birthYear ?? '?'} (estimated year)`} — ${r.age ?? '?'} years`}</dd>
        <dt>Sex</dt><dd>{r.sex ?? W}</dd>
        <dt>Nationality</dt><dd>{r.nationality ? countryName(r.nationality) : W}</dd>
        <dt>Relation to head</dt><dd>{r.relation ? humanize(r.relation) : W}</dd>
        <dt>Languages</dt><dd>{r.languages ? r.languages.join(', ') || '—' : W}</dd>
        <dt>Vulnerabilities</dt><dd>{r.vulnerabilities ? r.vulnerabilities.map(humanize).join(', ') || '—' : W}</dd>
        <dt>Guardians</dt>
        <dd data-testid="guardians">
          {!r.guardians ? W : r.guardians.length === 0 ? 'none recorded' : (
            <ul className="plain">
              {r.guardians.map((g) => (
                <li key={g.id} data-testid="guardianship" data-ended={g.until ? 'yes' : 'no'}>
                  {g.guardian.name ?? '(name withheld)'} ({g.kind}), since {g.since}{g.until ? `, ended ${g.until}` : ''}{' '}
                  {!g.until && <EndGuardianship id={g.id} guardian={g.guardian.name ?? g.kind} />}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Relatives abroad</dt><dd>{r.relativesAbroad ? r.relativesAbroad.map((x) => `${x.name} (${x.relation}${x.country ? `, ${x.country}` : ''})`).join(', ') || '—' : W}</dd>
        <dt>Programmes</dt><dd>{r.programmes ? r.programmes.map((p) => `${p.name} (${p.status}, ${p.attended}/${p.sessions})`).join(', ') || '—' : W}</dd>
      </dl>
      <section aria-labelledby="mv-title">
        <h2 id="mv-title"><PortionMark marking={r.marking} /> Movements</h2>
        {r.movements ? (
          <table className="data-table" data-testid="resident-movements">
            <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Where</th><th scope="col">Authority</th><th scope="col">To whom</th><th scope="col">Recorded by</th></tr></thead>
            <tbody>
              {r.movements.map((m) => (
                <tr key={m.id}><td>{m.at.slice(0, 16).replace('T', ' ')}</td><td>{humanize(m.kind)}</td><td>{m.destination ?? `${m.camp}${m.section ? ` ${m.section}` : ''}`}</td><td>{m.authority ?? '—'}</td><td>{m.releasedTo ?? '—'}</td><td>{m.recordedBy}</td></tr>
              ))}
            </tbody>
          </table>
        ) : <p className="withheld">Movements are withheld from you.</p>}
      </section>
      <section aria-labelledby="g-title">
        <h2 id="g-title">Family graph</h2>
        {graph.data ? <FamilyGraph graph={graph.data} /> : graph.isError ? <ErrorState error={graph.error} what="the family graph" /> : <Loading what="the family graph" />}
      </section>
    </article>
  );
}
