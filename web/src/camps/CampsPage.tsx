import { Link } from 'react-router';
import { formatCount } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useCamps } from './api.js';

/** Every camp the user may see, with the residents present they may see and who controls it. */
export function CampsPage() {
  useTitle('Camps');
  const camps = useCamps();
  return (
    <div className="page">
      <h1>Camps</h1>
      <p><Link to="/camps/reviews">Likely duplicate residents awaiting review</Link> (reviewers)</p>
      {camps.isPending ? (
        <Loading what="camps" />
      ) : camps.isError ? (
        <ErrorState error={camps.error} what="camps" retry={() => void camps.refetch()} />
      ) : camps.data.length === 0 ? (
        <Empty>There are no camps you may see.</Empty>
      ) : (
        <table className="data-table" data-testid="camps-table">
          <thead>
            <tr>
              <th scope="col">Camp</th>
              <th scope="col" className="num">Residents present</th>
              <th scope="col">Controlling authority</th>
            </tr>
          </thead>
          <tbody>
            {camps.data.map((c) => (
              <tr key={c.code} data-code={c.code}>
                <th scope="row"><Link to={`/camps/${encodeURIComponent(c.code)}`}>{c.name}</Link> <span className="code">{c.code}</span></th>
                <td className="num" data-testid={`population-${c.code}`}>{formatCount(c.population)}</td>
                <td>{c.authority ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">Counts cover only the residents you may see: children's records need child-protection access.</p>
    </div>
  );
}
