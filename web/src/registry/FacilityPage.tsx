import { Link, useParams } from 'react-router';
import { DETAINEE_STATUSES, type TFacility } from '../api/schemas.js';
import { useFacility, useStatusCounts } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { countryName, formatCount, formatPercent, humanize } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { KIND_LABELS, STATUS_COLOURS } from '../map/markers.js';
import { BarChart, statusBars } from './PopulationChart.js';
import { PopulationHistory } from './PopulationHistory.js';

const DETAINEE_COLOURS: Record<string, string> = {
  held: '#495057', 'in-transit': '#f08c00', transferred: '#1c7ed6', repatriated: '#2f9e44', released: '#74b816', deceased: '#212529', missing: '#c92a2a',
};

function Details({ f }: { f: TFacility }) {
  return (
    <dl className="details">
      <dt>Kind</dt>
      <dd>{KIND_LABELS[f.kind]}</dd>
      <dt>Country</dt>
      <dd>{countryName(f.country)}</dd>
      <dt>Status</dt>
      <dd>
        <span className="status-dot" style={{ background: STATUS_COLOURS[f.status] }} aria-hidden="true" /> {humanize(f.status)}
      </dd>
      <dt>Collapse risk</dt>
      <dd>{formatPercent(f.collapseRisk)}</dd>
      <dt>Guard force</dt>
      <dd>
        {formatCount(f.guardForce)} {f.guardAgency ? `(${f.guardAgency})` : ''}
      </dd>
      <dt>Location</dt>
      <dd>
        {f.lat.toFixed(3)} N, {f.lon.toFixed(3)} E
      </dd>
    </dl>
  );
}

function Population({ f }: { f: TFacility }) {
  const { counts, markings } = useStatusCounts(DETAINEE_STATUSES, f.code);
  useShownMarkings([f.heldMarking, ...markings]);
  return (
    <div className="population">
      <BarChart
        title="Population and capacity (now)"
        bars={[
          { label: 'population', value: f.population, colour: STATUS_COLOURS[f.status] },
          { label: 'capacity', value: f.capacity, colour: '#adb5bd' },
          { label: 'detainees held you may see', value: f.detaineesHeld, colour: '#495057' },
        ]}
      />
      <BarChart title="Detainees recorded here, by status" bars={statusBars(DETAINEE_STATUSES, counts, DETAINEE_COLOURS)} />
      <PopulationHistory code={f.code} />
    </div>
  );
}

/** One facility: its status and risk, population, landing zones and guard force, each with its portion mark. */
export function FacilityPage() {
  const { id = '' } = useParams();
  const facility = useFacility(id);
  const f = facility.data;
  useShownMarkings(f ? [f.marking] : []);
  useTitle(f?.name ?? 'Facility');

  if (facility.isPending) return <Loading what="the facility" />;
  if (facility.isError || !f) return <ErrorState error={facility.error} what="the facility" retry={() => void facility.refetch()} />;
  return (
    <article className="page facility" aria-labelledby="facility-title">
      <p className="breadcrumb">
        <Link to="/facilities">Facilities</Link> / {f.code}
      </p>
      <h1 id="facility-title">
        <PortionMark marking={f.marking} /> {f.name}
      </h1>
      <section aria-labelledby="status-title">
        <h2 id="status-title"><PortionMark marking={f.marking} /> Status and risk</h2>
        <Details f={f} />
      </section>
      <section aria-labelledby="population-title">
        <h2 id="population-title"><PortionMark marking={f.marking} /> Population</h2>
        <Population f={f} />
        <p>
          <Link to={`/detainees?facility=${encodeURIComponent(f.code)}`}>List the detainees held here</Link>
        </p>
      </section>
      <section aria-labelledby="lz-title">
        <h2 id="lz-title"><PortionMark marking={f.marking} /> Landing zones</h2>
        {f.landingZones.length === 0 ? (
          <p className="state state-empty">No landing zone is recorded.</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Position</th>
                <th scope="col" className="num">Slots</th>
                <th scope="col">Largest aircraft</th>
              </tr>
            </thead>
            <tbody>
              {f.landingZones.map((lz) => (
                <tr key={lz.name}>
                  <th scope="row">{lz.name}</th>
                  <td>{lz.lat.toFixed(4)} N, {lz.lon.toFixed(4)} E</td>
                  <td className="num">{lz.slots}</td>
                  <td>{lz.maxCategory}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
