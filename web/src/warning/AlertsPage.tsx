import { useState } from 'react';
import { Link } from 'react-router';
import type { TAlert } from '../../../src/warning/warning.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useAcknowledge, useAlerts } from './api.js';
import { percent } from './format.js';
import './warning.css';

function Acknowledge({ alert }: { alert: TAlert }) {
  const [note, setNote] = useState('');
  const ack = useAcknowledge();
  return (
    <form className="ack-form" onSubmit={(e) => { e.preventDefault(); ack.mutate({ id: alert.id, ...(note.trim() ? { note: note.trim() } : {}) }); }}>
      <input aria-label={`Note on the ${alert.facility} alert`} placeholder="what is being done (optional)" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <button type="submit" disabled={ack.isPending} aria-label={`Acknowledge the ${alert.facility} alert`}>Acknowledge</button>
      {ack.isError && <span className="state state-error" role="alert">{ack.error.message}</span>}
    </form>
  );
}

/** Breach-risk alerts, open first; a person acknowledges each (recorded with who and when). */
export function AlertsPage() {
  useTitle('Alerts');
  const [status, setStatus] = useState<'open' | 'acknowledged' | null>('open');
  const alerts = useAlerts(status);
  useShownMarkings(alerts.data ? alerts.data.items.map((a) => a.marking) : []);
  return (
    <div className="page">
      <h1>Breach-risk alerts</h1>
      <p className="breadcrumb"><Link to="/warning">Breach risk</Link> / Alerts</p>
      <label>
        Show{' '}
        <select value={status ?? 'all'} onChange={(e) => setStatus(e.currentTarget.value === 'all' ? null : (e.currentTarget.value as 'open' | 'acknowledged'))}>
          <option value="open">open</option>
          <option value="acknowledged">acknowledged</option>
          <option value="all">all</option>
        </select>
      </label>
      {alerts.isPending ? <Loading what="alerts" /> : alerts.isError ? <ErrorState error={alerts.error} what="alerts" retry={() => void alerts.refetch()} /> : alerts.data.items.length === 0 ? (
        <Empty>No alerts you may see.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="alerts-table">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Level</th>
                <th scope="col">As of</th>
                <th scope="col" className="num">Within 7 days</th>
                <th scope="col">Largest factor</th>
                <th scope="col">Status</th>
                <th scope="col">Marking</th>
              </tr>
            </thead>
            <tbody>
              {alerts.data.items.map((a) => (
                <tr key={a.id} data-alert={a.id} data-code={a.facility}>
                  <th scope="row"><Link to={`/warning/sites/${encodeURIComponent(a.facility)}`}>{a.facilityName}</Link> <span className="code">{a.facility}</span></th>
                  <td><span className={`level level-${a.level}`}>{a.level}</span></td>
                  <td className="nowrap">{a.asOf.slice(0, 16).replace('T', ' ')}</td>
                  <td className="num">{percent(a.p7)}</td>
                  <td>{[...a.factors].sort((x, y) => y.contribution - x.contribution)[0]?.label ?? '–'}</td>
                  <td>{a.status === 'open' ? <Acknowledge alert={a} /> : <span data-testid="acknowledged">Acknowledged by {a.acknowledgedBy} at {a.acknowledgedAt?.slice(0, 16).replace('T', ' ')}{a.note ? `: ${a.note}` : ''}</span>}</td>
                  <td><PortionMark marking={a.marking} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
