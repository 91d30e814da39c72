import { Link, useParams } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useGraph, useHousehold } from './api.js';
import { FamilyGraph } from './FamilyGraph.js';
import { ResidentTable } from './ResidentTable.js';

/** A household: its shelter, its members the user may see, and its family graph (links to detainees when allowed). */
export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useHousehold(id);
  const graph = useGraph('households', id);
  const h = household.data;
  useShownMarkings(h ? [h.marking, ...h.residents.map((r) => r.marking)] : []);
  useTitle(h ? `Household ${h.code}` : 'Household');
  if (household.isPending) return <Loading what="the household" />;
  if (household.isError || !h) return <ErrorState error={household.error} what="the household" retry={() => void household.refetch()} />;
  return (
    <article className="page" aria-labelledby="hh-title">
      <p className="breadcrumb"><Link to="/camps">Camps</Link> / <Link to={`/camps/${encodeURIComponent(h.camp)}`}>{h.camp}</Link> / {h.code}</p>
      <h1 id="hh-title"><PortionMark marking={h.marking} /> Household {h.code}</h1>
      <dl className="details">
        <dt>Head</dt><dd>{h.headName ?? <span className="withheld">withheld</span>}</dd>
        <dt>Nationality</dt><dd>{h.nationality ? countryName(h.nationality) : <span className="withheld">withheld</span>}</dd>
        <dt>Section and shelter</dt><dd>{h.section === undefined ? <span className="withheld">withheld</span> : `${h.section ?? '—'} ${h.shelter ?? ''}`}</dd>
        <dt>Present</dt><dd>{h.members ?? '—'}</dd>
      </dl>
      <section aria-labelledby="members-title">
        <h2 id="members-title">Members</h2>
        <ResidentTable residents={h.residents} />
      </section>
      <section aria-labelledby="graph-title">
        <h2 id="graph-title">Family graph</h2>
        {graph.data ? <FamilyGraph graph={graph.data} /> : graph.isError ? <ErrorState error={graph.error} what="the family graph" /> : <Loading what="the family graph" />}
      </section>
    </article>
  );
}
