import { Link } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { formatCount, formatPercent, humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useOriginCountries, useWorldMap } from './api.js';
import { STATUS_COLOURS } from './status.js';
import { WorldMap } from './WorldMap.js';
import './repatriation.css';

/** A status as a coloured badge. */
export function StatusBadge({ status }: { status: keyof typeof STATUS_COLOURS }) {
  return <span className="status-badge" style={{ background: STATUS_COLOURS[status] }}>{humanize(status)}</span>;
}

/** A progress bar with its percentage. */
export function Progress({ value, label }: { value: number; label: string }) {
  // Early on a whole percentage reads 0 %: show a tenth below 10 %.
  const text = value > 0 && value < 0.1 ? `${(value * 100).toFixed(1)} %` : formatPercent(value);
  return (
    <span aria-label={`${label}: ${text}`}>
      <span className="progress" aria-hidden="true"><span style={{ width: `${Math.max(value > 0 ? 1 : 0, Math.round(value * 100))}%` }} /></span>
      {text}
    </span>
  );
}

/** The repatriation board: the world map of nationals held and repatriated, and every country of origin. */
export function RepatriationPage() {
  useTitle('Repatriation');
  const list = useOriginCountries();
  const map = useWorldMap();
  useShownMarkings([...(list.data ? [list.data.marking] : []), ...(map.data ? [map.data.marking] : [])]);
  return (
    <div className="page">
      <h1>Repatriation</h1>
      {map.isPending ? <Loading what="the world map" /> : map.isError ? <ErrorState error={map.error} what="the world map" /> : <WorldMap data={map.data} />}
      {list.isPending ? (
        <Loading what="countries of origin" />
      ) : list.isError ? (
        <ErrorState error={list.error} what="countries of origin" retry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Empty>There is no country of origin you may see.</Empty>
      ) : (
        <table className="data-table" data-testid="countries-table">
          <thead>
            <tr>
              <th scope="col">Country</th><th scope="col">Status</th><th scope="col" className="num">Still held</th>
              <th scope="col" className="num">Repatriated</th><th scope="col">Progress</th><th scope="col">Conditions</th>
              <th scope="col">Last engagement</th><th scope="col">Marking</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((c) => (
              <tr key={c.country} data-country={c.country}>
                <th scope="row"><Link to={`/repatriation/${c.country}`}>{c.name}</Link> <span className="code">{c.country}</span></th>
                <td><StatusBadge status={c.status} /></td>
                <td className="num">{formatCount(c.held)}</td>
                <td className="num">{formatCount(c.repatriated)}</td>
                <td><Progress value={c.progress} label={`${c.name} repatriated`} /></td>
                <td>{c.conditions.map(humanize).join(', ') || '—'}</td>
                <td>{c.lastEngagement?.slice(0, 10) ?? '—'}</td>
                <td><PortionMark marking={c.marking} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.data && list.data.withheldCamps.length > 0 && (
        <p className="hint">Camps whose agreement withholds nationality from you are not counted: {list.data.withheldCamps.join(', ')}.</p>
      )}
      <p className="hint">Counts cover only the detainees and camp residents you may see; children's records need child-protection access.</p>
    </div>
  );
}
