import { useState } from 'react';
import { Link } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useRiskBoard } from './api.js';
import { LEVEL_LABEL, asOfOf, percent } from './format.js';
import { EventForm } from './EventForm.js';
import { ImportEvents } from './ImportEvents.js';
import './warning.css';

/** Every prison and camp the user may see, riskiest first: breach probabilities, the largest factor, open alerts. */
export function RiskBoardPage() {
  useTitle('Breach risk');
  const [date, setDate] = useState('');
  const board = useRiskBoard(asOfOf(date));
  useShownMarkings(board.data ? [board.data.marking, ...board.data.items.map((i) => i.marking)] : []);
  const q = date ? `?asOf=${encodeURIComponent(date)}` : '';
  return (
    <div className="page">
      <h1>Breach risk</h1>
      <div className="risk-toolbar">
        <label>
          As of (end of day, UTC)
          <input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </label>
        <ImportEvents />
      </div>
      <EventForm />
      {board.isPending ? (
        <Loading what="the risk board" />
      ) : board.isError ? (
        <ErrorState error={board.error} what="the risk board" retry={() => void board.refetch()} />
      ) : board.data.items.length === 0 ? (
        <Empty>There are no prisons or camps you may see.</Empty>
      ) : (
        <>
          <p className="muted">
            Model {board.data.model}, as of {board.data.asOf.slice(0, 16).replace('T', ' ')} UTC. Alerts at {percent(board.data.thresholds.warning)} (warning) and{' '}
            {percent(board.data.thresholds.critical)} (critical) within 7 days. Computed only from records you may see. <Link to="/warning/alerts">Alerts</Link>
          </p>
          <div className="table-wrap">
            <table className="data-table" data-testid="risk-board">
              <caption className="sr-only">Sites ranked by the probability of a breach within 7 days</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Site</th>
                  <th scope="col">Level</th>
                  <th scope="col" className="num">Within 7 days</th>
                  <th scope="col" className="num">Within 30 days</th>
                  <th scope="col">Largest factor</th>
                  <th scope="col" className="num">Open alerts</th>
                  <th scope="col">Marking</th>
                </tr>
              </thead>
              <tbody>
                {board.data.items.map((i, n) => {
                  const top = [...i.factors].sort((a, b) => b.contribution - a.contribution)[0];
                  return (
                    <tr key={i.facility} data-code={i.facility}>
                      <td className="num">{n + 1}</td>
                      <th scope="row">
                        <Link to={`/warning/sites/${encodeURIComponent(i.facility)}${q}`}>{i.name}</Link> <span className="code">{i.facility}</span>
                      </th>
                      <td><span className={`level level-${i.level}`} data-testid={`level-${i.facility}`}>{LEVEL_LABEL[i.level]}</span></td>
                      <td className="num" data-testid={`p7-${i.facility}`}>{i.breachedAt ? `fell ${i.breachedAt.slice(0, 10)}` : percent(i.p7)}</td>
                      <td className="num">{i.breachedAt ? '–' : percent(i.p30)}</td>
                      <td>{top && top.contribution > 0 ? `${top.label} (×${top.hazardRatio.toFixed(1)})` : '–'}</td>
                      <td className="num">{i.openAlerts}</td>
                      <td><PortionMark marking={i.marking} /></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
