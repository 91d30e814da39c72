import { Link } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useAgreements } from './api.js';
import './agreements.css';

/** Transfer agreements the user may see: parties, validity, quotas and status. */
export function AgreementsPage() {
  useTitle('Agreements');
  const list = useAgreements();
  useShownMarkings(list.data ? list.data.items.map((a) => a.marking) : []);
  return (
    <div className="page">
      <h1>Transfer agreements</h1>
      <p><Link to="/agreements/new">New agreement</Link></p>
      {list.isPending ? <Loading what="agreements" /> : list.isError ? <ErrorState error={list.error} what="agreements" retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <Empty>No agreements you may see.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="agreements-table">
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">Status</th>
                <th scope="col">Holding force → receiving government</th>
                <th scope="col">Airlift</th>
                <th scope="col">Destination</th>
                <th scope="col">Valid</th>
                <th scope="col" className="num">Per day</th>
                <th scope="col">Per nationality</th>
                <th scope="col">Marking</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((a) => (
                <tr key={a.id} data-code={a.code}>
                  <th scope="row"><Link to={`/agreements/${encodeURIComponent(a.code)}`}>{a.code}</Link> <span className="muted">{a.title}</span></th>
                  <td><span className={`agreement-status status-${a.status}`}>{a.status}</span></td>
                  <td>{a.parties.holding} → {a.parties.receiving}</td>
                  <td>{a.parties.airlift}</td>
                  <td>{a.destination}</td>
                  <td className="nowrap">{a.validFrom} – {a.validTo ?? 'open'}</td>
                  <td className="num">{a.perDay ?? '–'}</td>
                  <td>{Object.entries(a.nationalityQuotas).map(([k, v]) => `${k} ${v}`).join(', ') || '–'}</td>
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
