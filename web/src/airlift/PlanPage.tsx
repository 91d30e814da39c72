import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ZAirliftPlan, ZReplanDiff } from '../../../src/airlift/airlift.schemas.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { formatCount } from '../common/format.js';
import { ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useApprove, usePlan, useSorties } from './api.js';
import { Gantt, LineChart } from './Charts.js';
import { DiffSummary, DisruptionPanel } from './DisruptionPanel.js';
import { Conditions } from './Conditions.js';
import { evacuationCurves, ganttBars, lossCurves } from './plan-data.js';

/** A stored plan: figures, bound and gap, the timeline, evacuation and loss curves, approval, disruption. */
export function PlanPage() {
  const { id = '' } = useParams();
  useTitle('Airlift plan');
  const stored = usePlan(id);
  const sorties = useSorties(id, true);
  const approve = useApprove();
  const doc = useMemo(() => (stored.data ? ZAirliftPlan.parse(stored.data.plan) : null), [stored.data]);
  const charts = useMemo(() => {
    if (!doc) return null;
    const g = ganttBars(doc);
    return { gantt: g, evac: evacuationCurves(doc), loss: lossCurves(doc, g.end) };
  }, [doc]);
  const statusBySortie = useMemo(() => new Map((sorties.data ?? []).map((s) => [s.label, s.status])), [sorties.data]);
  useShownMarkings([...(stored.data ? [stored.data.marking] : []), ...(sorties.data ?? []).map((s) => s.marking)]);
  if (stored.isPending) return <Loading what="the plan" />;
  if (stored.isError) return <ErrorState error={stored.error} what="the plan" retry={() => void stored.refetch()} />;
  const p = stored.data;
  const diff = p.diff ? ZReplanDiff.safeParse(p.diff) : null;
  return (
    <div className="page">
      <h1>{p.name} <small>({p.status})</small></h1>
      <dl className="fields" data-testid="plan-figures">
        <dt>Detainees</dt><dd>{formatCount(p.detainees)} in {formatCount(p.sorties)} sorties</dd>
        <dt>Expected loss</dt><dd>{p.expectedLoss.toFixed(2)} (lower bound {p.boundLoss.toFixed(2)}, gap <strong data-testid="gap">{(p.gap * 100).toFixed(1)} %</strong>)</dd>
        <dt>Completion</dt><dd>{p.completionHours === null ? 'not everyone delivered' : `${p.completionHours.toFixed(1)} h`} (bound {p.boundCompletionHours.toFixed(1)} h)</dd>
        <dt>Flight hours</dt><dd>{p.flightHours.toFixed(0)}</dd>
        {p.parentId ? <><dt>Re-plan of</dt><dd><Link to={`/airlift/plans/${p.parentId}`}>the previous plan</Link></dd></> : null}
      </dl>
      <p>
        {p.status === 'draft' ? <button type="button" onClick={() => approve.mutate(p.id)} disabled={approve.isPending} data-testid="approve">Approve for execution</button> : null}{' '}
        {approve.isError ? <span role="alert">{approve.error.message}</span> : null}
        <Link to={`/airlift/plans/${p.id}/board`}>Execution board</Link>
      </p>
      {diff?.success ? <section><h2>What changed</h2><DiffSummary diff={diff.data} /></section> : null}
      {doc ? <DisruptionPanel planId={p.id} plan={doc} /> : null}
      {doc ? <Conditions plan={doc} /> : null}
      {charts ? (
        <>
          <Gantt rows={charts.gantt.rows} bars={charts.gantt.bars} end={charts.gantt.end} statusOf={(s) => (s ? statusBySortie.get(s) : undefined)} />
          <LineChart title="Detainees remaining at each site" series={charts.evac} end={charts.gantt.end} unit="detainees" testId="evacuation" />
          <LineChart title="Expected loss accrued over time" series={charts.loss} end={charts.gantt.end} unit="expected detainees lost, weighted by tier" testId="loss" />
        </>
      ) : null}
    </div>
  );
}
