import { useMemo } from 'react';
import { Link } from 'react-router';
import { useFacilities } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { countryName, formatCount, formatPercent, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { KIND_LABELS, KIND_ORDER, STATUS_COLOURS } from '../map/markers.js';

/** Every facility the user may see, prisons first, in one table. */
export function FacilitiesPage() {
  useTitle('Facilities');
  const facilities = useFacilities();
  const rows = useMemo(
    () => [...(facilities.data ?? [])].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.name.localeCompare(b.name)),
    [facilities.data],
  );
  useShownMarkings(rows.flatMap((f) => [f.marking, f.heldMarking]));

  return (
    <div className="page">
      <h1>Facilities</h1>
      {facilities.isPending ? (
        <Loading what="facilities" />
      ) : facilities.isError ? (
        <ErrorState error={facilities.error} what="facilities" retry={() => void facilities.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>There are no facilities you may see.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="facilities-table">
            <caption className="sr-only">Facilities you may see ({rows.length})</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Country</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Collapse risk</th>
                <th scope="col" className="num">Population</th>
                <th scope="col" className="num">Capacity</th>
                <th scope="col" className="num">Detainees held</th>
                <th scope="col" className="num">Guard force</th>
                <th scope="col" className="num">Landing zones</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((f) => (
                <tr key={f.id} data-code={f.code}>
                  <th scope="row">
                    <Link to={`/facilities/${encodeURIComponent(f.code)}`}>{f.name}</Link> <span className="code">{f.code}</span>
                  </th>
                  <td>{KIND_LABELS[f.kind]}</td>
                  <td title={countryName(f.country)}>{f.country}</td>
                  <td className="nowrap">
                    <span className="status-dot" style={{ background: STATUS_COLOURS[f.status] }} aria-hidden="true" /> {humanize(f.status)}
                  </td>
                  <td className="num">{formatPercent(f.collapseRisk)}</td>
                  <td className="num">{formatCount(f.population)}</td>
                  <td className="num">{formatCount(f.capacity)}</td>
                  <td className="num">{formatCount(f.detaineesHeld)}</td>
                  <td className="num">{formatCount(f.guardForce)}</td>
                  <td className="num">{f.landingZones.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
