import './airlift.css';
import { Link } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { formatCount } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { usePlans, usePlanScenario } from './api.js';

/** Stored airlift plans the user may see, and a button to plan the scenario now. */
export function PlansPage() {
  useTitle('Airlift');
  const plans = usePlans();
  const plan = usePlanScenario();
  useShownMarkings(plans.data?.map((p) => p.marking) ?? []);
  return (
    <div className="page">
      <h1>Airlift plans</h1>
      <p>
        <button type="button" onClick={() => plan.mutate()} disabled={plan.isPending} data-testid="plan-scenario">Plan the scenario now</button>{' '}
        {plan.isPending ? <span role="status"><span className="spinner" aria-hidden="true" /> Planning and computing the lower bound…</span> : null}
        {plan.isError ? <span role="alert">Could not plan: {plan.error.message}</span> : null}
        {' '}<Link to="/airlift/scan">Scan wristbands</Link>
      </p>
      {plans.isPending ? <Loading what="plans" /> : plans.isError ? <ErrorState error={plans.error} what="plans" retry={() => void plans.refetch()} /> : plans.data.length === 0 ? (
        <Empty>No stored plan you may see yet.</Empty>
      ) : (
        <table className="data-table" data-testid="plans-table">
          <thead><tr><th scope="col">Plan</th><th scope="col">Status</th><th scope="col" className="num">Detainees</th><th scope="col" className="num">Sorties</th><th scope="col" className="num">Expected loss</th><th scope="col" className="num">Bound</th><th scope="col" className="num">Gap</th><th scope="col">Created</th></tr></thead>
          <tbody>
            {plans.data.map((p) => (
              <tr key={p.id}>
                <th scope="row"><Link to={`/airlift/plans/${p.id}`}>{p.name}</Link>{p.parentId ? <small> (re-plan)</small> : null}</th>
                <td>{p.status}</td><td className="num">{formatCount(p.detainees)}</td><td className="num">{formatCount(p.sorties)}</td>
                <td className="num">{p.expectedLoss.toFixed(1)}</td><td className="num">{p.boundLoss.toFixed(1)}</td><td className="num">{(p.gap * 100).toFixed(1)} %</td>
                <td>{p.createdAt.slice(0, 16).replace('T', ' ')} by {p.createdBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
