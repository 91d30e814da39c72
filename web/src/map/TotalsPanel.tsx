import { Link } from 'react-router';
import { formatCount } from '../common/format.js';
import { KIND_LABELS, STATUS_COLOURS } from './markers.js';
import type { Totals } from './totals.js';

function Figure({ label, value, testId }: { label: string; value: number | null; testId: string }) {
  return (
    <div className="figure">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value === null ? '…' : formatCount(value)}</dd>
    </div>
  );
}

/** The side panel of the operating picture: detainees by custody state, and every visible site's numbers. */
export function TotalsPanel({ totals }: { totals: Totals }) {
  return (
    <aside className="totals" aria-labelledby="totals-title">
      <h2 id="totals-title">Totals</h2>
      <p className="hint">Counts include only the records you may see.</p>
      <dl className="figures">
        <Figure label="Held" value={totals.held} testId="total-held" />
        <Figure label="In transit" value={totals.inTransit} testId="total-in-transit" />
        <Figure label="Transferred" value={totals.transferred} testId="total-transferred" />
        <Figure label="Camp residents" value={totals.campResidents} testId="total-camp-residents" />
      </dl>
      <h3 id="by-site-title">By site</h3>
      {totals.sites.length === 0 ? (
        <p className="state state-empty">No sites you may see.</p>
      ) : (
        <table className="by-site" aria-labelledby="by-site-title" data-testid="by-site">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col" className="num">Held</th>
              <th scope="col" className="num">Population</th>
            </tr>
          </thead>
          <tbody>
            {totals.sites.map((s) => (
              <tr key={s.code} data-code={s.code}>
                <th scope="row">
                  <span className="status-dot" style={{ background: STATUS_COLOURS[s.status] }} aria-hidden="true" />
                  <Link to={`/facilities/${encodeURIComponent(s.code)}`} title={`${s.name} (${KIND_LABELS[s.kind].toLowerCase()}, ${s.status})`}>
                    {s.code}
                  </Link>
                </th>
                <td className="num">{formatCount(s.held)}</td>
                <td className="num">{formatCount(s.population)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All listed sites</th>
              <td className="num">{formatCount(totals.heldAtSites)}</td>
              <td className="num" />
            </tr>
          </tfoot>
        </table>
      )}
    </aside>
  );
}
