import { useState } from 'react';
import { Link } from 'react-router';
import type { TAlert } from '../../../src/warning/warning.schemas.js';
import { FilterSelect, MarkedTable, type Column } from '../common/MarkedTable.js';
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

const HEAD: Column<TAlert> = {
  header: 'Site',
  cell: (a) => <><Link to={`/warning/sites/${encodeURIComponent(a.facility)}`}>{a.facilityName}</Link> <span className="code">{a.facility}</span></>,
};
const COLUMNS: readonly Column<TAlert>[] = [
  { header: 'Level', cell: (a) => <span className={`level level-${a.level}`}>{a.level}</span> },
  { header: 'As of', nowrap: true, cell: (a) => a.asOf.slice(0, 16).replace('T', ' ') },
  { header: 'Within 7 days', num: true, cell: (a) => percent(a.p7) },
  { header: 'Largest factor', cell: (a) => [...a.factors].sort((x, y) => y.contribution - x.contribution)[0]?.label ?? '–' },
  {
    header: 'Status',
    cell: (a) => (a.status === 'open' ? <Acknowledge alert={a} /> : (
      <span data-testid="acknowledged">Acknowledged by {a.acknowledgedBy} at {a.acknowledgedAt?.slice(0, 16).replace('T', ' ')}{a.note ? `: ${a.note}` : ''}</span>
    )),
  },
];
const STATUSES = ['open', 'acknowledged'] as const;

/** Breach-risk alerts, open first; a person acknowledges each (recorded with who and when). */
export function AlertsPage() {
  useTitle('Alerts');
  const [status, setStatus] = useState<'open' | 'acknowledged' | null>('open');
  const alerts = useAlerts(status);
  return (
    <div className="page">
      <h1>Breach-risk alerts</h1>
      <p className="breadcrumb"><Link to="/warning">Breach risk</Link> / Alerts</p>
      <FilterSelect label="Show" value={status} options={STATUSES} onChange={setStatus} />
      <MarkedTable what="alerts" query={alerts} head={HEAD} columns={COLUMNS} rowKey={(a) => a.id} rowData={(a) => ({ 'data-alert': a.id, 'data-code': a.facility })}
        marking={(a) => a.marking} empty="No alerts you may see." testId="alerts-table" />
    </div>
  );
}
