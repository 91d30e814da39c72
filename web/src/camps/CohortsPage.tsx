import { Link, useParams } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, formatCount } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useCampAuthority, useCohorts, useWorklist } from './api.js';
import { CohortChart } from './CohortChart.js';

function Worklist({ code, allowed }: { code: string; allowed: boolean }) {
  const list = useWorklist(code, allowed);
  useShownMarkings(list.data?.items.map((i) => i.resident.marking) ?? []);
  if (!allowed) return <p className="withheld">The work list needs child-protection access to this camp's programmes.</p>;
  if (list.isPending) return <Loading what="the work list" />;
  if (list.isError) return <ErrorState error={list.error} what="the work list" />;
  return (
    <>
      <p>{formatCount(list.data.total)} children reach 12, 15 or 18 within twelve months; soonest first.</p>
      <table className="data-table" data-testid="worklist-table">
        <thead><tr><th scope="col">Child</th><th scope="col">Reaches</th><th scope="col">On</th><th scope="col">Programmes</th></tr></thead>
        <tbody>
          {list.data.items.map((i) => (
            <tr key={i.resident.id}>
              <th scope="row"><Link to={`/camps/residents/${encodeURIComponent(i.resident.id)}`}>{i.resident.nameLatin ?? '(name withheld)'}</Link></th>
              <td className="num">{i.reaches.age}</td>
              <td>{i.reaches.on}</td>
              <td>{i.programmes.length === 0 ? 'none' : i.programmes.map((p) => `${p.programme} (${p.status}, ${p.attended}/${p.sessions})`).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Cohorts of a camp: children reaching 12, 15 and 18 by month, by nationality, and the programme work list. */
export function CohortsPage() {
  const { code = '' } = useParams();
  const cohorts = useCohorts(code);
  const authority = useCampAuthority(code);
  const c = cohorts.data;
  useShownMarkings(c ? [c.marking] : []);
  useTitle(`Cohorts ${code}`);
  if (cohorts.isPending) return <Loading what="the cohorts" />;
  if (cohorts.isError || !c) return <ErrorState error={cohorts.error} what="the cohorts" retry={() => void cohorts.refetch()} />;
  const groups = c.camps.flatMap((x) => x.groups);
  const children = groups.reduce((n, g) => n + g.children, 0);
  return (
    <article className="page" aria-labelledby="co-title">
      <p className="breadcrumb"><Link to="/camps">Camps</Link> / <Link to={`/camps/${encodeURIComponent(code)}`}>{code}</Link> / cohorts</p>
      <h1 id="co-title"><PortionMark marking={c.marking} /> Age cohorts, {code}</h1>
      <p><strong data-testid="cohort-children">{formatCount(children)}</strong> children present that you may see, from {c.months[0]} to {c.months.at(-1)}. Counts only: nothing here scores a child.</p>
      <CohortChart cohorts={c} />
      <section aria-labelledby="nat-title">
        <h2 id="nat-title"><PortionMark marking={c.marking} /> By nationality</h2>
        <table className="data-table" data-testid="cohort-groups">
          <thead><tr><th scope="col">Nationality</th><th scope="col" className="num">Children</th><th scope="col" className="num">No guardian</th><th scope="col" className="num">Parent detained</th>{c.ages.map((a) => <th key={a} scope="col" className="num">Reach {a}</th>)}</tr></thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.nationality ?? '-'}>
                <th scope="row">{g.nationality ? countryName(g.nationality) : <span className="withheld">withheld</span>}</th>
                <td className="num">{formatCount(g.children)}</td>
                <td className="num">{g.withoutGuardian ?? '—'}</td>
                <td className="num">{g.parentDetained ?? '—'}</td>
                {c.ages.map((a) => <td key={a} className="num">{g.cells.filter((x) => x.age === a).reduce((n, x) => n + x.count, 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="wl-title">
        <h2 id="wl-title">Work list</h2>
        {authority.data ? <Worklist code={code} allowed={authority.data.yourFields.includes('programmes') && authority.data.yourFields.includes('birth')} /> : <Loading what="your access" />}
      </section>
    </article>
  );
}
