import { Link, useParams, useSearchParams } from 'react-router';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useFacilityRisk, useRiskHistory } from './api.js';
import { FactorChart } from './FactorChart.js';
import { Indicators } from './Indicators.js';
import { LEVEL_LABEL, asOfOf, percent } from './format.js';
import { RiskHistoryChart } from './RiskHistoryChart.js';
import './warning.css';

/** One site's breach risk: the figures, every factor's contribution, and the history of the last 60 days. */
export function SiteRiskPage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const asOf = asOfOf(params.get('asOf') ?? '');
  const risk = useFacilityRisk(code, asOf);
  const history = useRiskHistory(code, asOf);
  useShownMarkings([...(risk.data ? [risk.data.marking] : []), ...(history.data ? [history.data.marking] : [])]);
  useTitle(`Breach risk: ${code}`);
  if (risk.isPending) return <Loading what="the site's risk" />;
  if (risk.isError) return <ErrorState error={risk.error} what="the site's risk" retry={() => void risk.refetch()} />;
  const r = risk.data;
  return (
    <article className="page" aria-labelledby="site-risk-title">
      <p className="breadcrumb"><Link to="/warning">Breach risk</Link> / {r.facility}</p>
      <h1 id="site-risk-title"><PortionMark marking={r.marking} /> {r.name}</h1>
      <dl className="details">
        <dt>Level</dt>
        <dd><span className={`level level-${r.level}`} data-testid="site-level">{LEVEL_LABEL[r.level]}</span>{r.breachedAt ? ` (fell ${r.breachedAt.slice(0, 16)})` : ''}</dd>
        <dt>Breach within 7 days</dt>
        <dd data-testid="site-p7">{percent(r.p7)}</dd>
        <dt>Breach within 30 days</dt>
        <dd>{percent(r.p30)}</dd>
        <dt>Hazard per hour</dt>
        <dd>{r.hazardPerHour.toExponential(2)} (what the airlift planner uses)</dd>
        <dt>Inputs you may see</dt>
        <dd>{r.inputs.events} conflict events within 150 km, {r.inputs.observations} indicator observations; latest {r.inputs.latestData?.slice(0, 10) ?? '–'}</dd>
        <dt>Open alerts</dt>
        <dd><Link to="/warning/alerts">{r.openAlerts}</Link></dd>
      </dl>
      <section aria-labelledby="factors-title">
        <h2 id="factors-title"><PortionMark marking={r.marking} /> Factors</h2>
        <p className="muted">Hazard = baseline × e^(sum of contributions). Each bar is one factor&apos;s weight × its input; see docs/warning.md.</p>
        <FactorChart factors={r.factors} />
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{history.data && <PortionMark marking={history.data.marking} />} History (60 days)</h2>
        {history.isPending ? <Loading what="the history" /> : history.isError ? <ErrorState error={history.error} what="the history" /> : (
          <RiskHistoryChart history={history.data} thresholds={{ warning: 0.25, critical: 0.5 }} />
        )}
      </section>
      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">Indicators over time</h2>
        <Indicators code={r.facility} marking={r.marking} />
      </section>
    </article>
  );
}
