import { useState } from 'react';
import { Link } from 'react-router';
import { DISRUPTION_KINDS, type TAirliftPlan, type TDisruption, type TReplanDiff } from '../../../src/airlift/airlift.schemas.js';
import { useDisrupt } from './api.js';

/** A disruption's target: which field it names and the choices the plan offers. */
function targetOf(kind: TDisruption['kind'], plan: TAirliftPlan): { field: 'aircraft' | 'site' | 'node' | 'destination'; options: string[] } {
  const nodes = (k: string) => plan.instance.nodes.filter((n) => k === '' || n.kind === k).map((n) => n.id);
  switch (kind) {
    case 'aircraft-out-of-service': return { field: 'aircraft', options: plan.instance.aircraft.map((a) => a.id) };
    case 'site-breached':
    case 'site-cut-off': return { field: 'site', options: nodes('origin') };
    case 'landing-zone-closed': return { field: 'node', options: nodes('') };
    case 'intake-halted': return { field: 'destination', options: nodes('destination') };
  }
}

/** What a re-plan changed, in a few lines. */
export function DiffSummary({ diff }: { diff: TReplanDiff }) {
  return (
    <dl className="fields" data-testid="replan-diff">
      <dt>Disruption</dt><dd>{diff.disruption.kind} at {diff.disruption.at}</dd>
      <dt>Sorties kept as flown</dt><dd>{diff.frozen.length}</dd>
      <dt>Sorties flown again</dt><dd>{diff.kept.length} ({diff.kept.filter((k) => k.retimed).length} retimed)</dd>
      <dt>Sorties cancelled / added</dt><dd>{diff.cancelled.length} / {diff.added.length}</dd>
      <dt>Detainees moved to other sorties</dt><dd data-testid="moved-count">{diff.moved.length}</dd>
      <dt>Stranded</dt><dd data-testid="stranded-count">{diff.stranded.length}</dd>
      <dt>Expected loss</dt><dd data-testid="loss-change">{diff.objectiveBefore.expectedLoss.toFixed(2)} → {diff.objectiveAfter.expectedLoss.toFixed(2)}</dd>
      {diff.strategy ? (
        <>
          <dt>Re-plan kept</dt><dd data-testid="replan-strategy">{diff.strategy.reason}</dd>
          <dt>Considered</dt>
          <dd>{diff.strategy.candidates.map((c) => `${c.kind === 'local' ? 'local repair' : 'full re-plan'}: loss ${c.objective.expectedLoss.toFixed(2)}, ${c.moved} moved, ${c.stranded} stranded`).join(' · ')}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** The button that declares a disruption against the plan, then shows the re-plan and its diff. */
export function DisruptionPanel({ planId, plan }: { planId: string; plan: TAirliftPlan }) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<TDisruption['kind']>('aircraft-out-of-service');
  const target = targetOf(kind, plan);
  const [choice, setChoice] = useState('');
  const [at, setAt] = useState(plan.instance.start.replace(/:\d\dZ$|Z$/, '').slice(0, 16));
  const disrupt = useDisrupt(planId);
  if (!open) return <button type="button" onClick={() => setOpen(true)} data-testid="declare-disruption">Declare a disruption…</button>;
  const value = choice !== '' && target.options.includes(choice) ? choice : target.options[0] ?? '';
  const submit = () => disrupt.mutate({ kind, [target.field]: value, at: `${at}:00Z` } as TDisruption);
  return (
    <section className="panel" aria-labelledby="disrupt-title">
      <h2 id="disrupt-title">Declare a disruption</h2>
      <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <label>Kind <select value={kind} onChange={(e) => setKind(e.target.value as TDisruption['kind'])} data-testid="disruption-kind">
          {DISRUPTION_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </select></label>{' '}
        <label>{target.field} <select value={value} onChange={(e) => setChoice(e.target.value)} data-testid="disruption-target">
          {target.options.map((o) => <option key={o} value={o}>{o}</option>)}
        </select></label>{' '}
        <label>From (UTC) <input type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} data-testid="disruption-at" /></label>{' '}
        <button type="submit" disabled={disrupt.isPending} data-testid="replan">Re-plan</button>
        {disrupt.isPending ? <span role="status"><span className="spinner" aria-hidden="true" /> Re-planning…</span> : null}
      </form>
      {disrupt.isError ? <p role="alert">Could not re-plan: {disrupt.error.message}</p> : null}
      {disrupt.data ? (
        <div data-testid="replan-result">
          <p>Re-plan stored as a draft: <Link to={`/airlift/plans/${disrupt.data.plan.id}`}>{disrupt.data.plan.name}</Link> — expected loss {disrupt.data.plan.expectedLoss.toFixed(2)}, gap {(disrupt.data.plan.gap * 100).toFixed(1)} %.</p>
          <DiffSummary diff={disrupt.data.diff} />
        </div>
      ) : null}
    </section>
  );
}
