import { useState, type FormEvent } from 'react';
import type { TBatch, TBatchMemberRef } from '../../../src/repatriation/repatriation.schemas.js';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';
import { Loading } from '../common/states.js';
import { useBatchAction, useCandidates, useCreateBatch } from './api.js';

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : 'The action failed.';
}

/** One batch: where, when, who (as the user may see them), and the actions its state allows. */
export function BatchCard({ batch }: { batch: TBatch }) {
  const act = useBatchAction();
  const planned = batch.members.some((m) => m.state === 'planned');
  const awaiting = batch.members.some((m) => m.state === 'awaiting-receipt');
  const open = batch.status === 'planned' || batch.status === 'handing-over';
  return (
    <section className="batch-card" data-testid="batch-card" data-batch={batch.id} data-status={batch.status} aria-label={`Batch ${batch.id}`}>
      <h3>
        <PortionMark marking={batch.marking} /> Batch to {batch.receivingAgency} at {batch.place}, {batch.at.slice(0, 10)} — <span data-testid="batch-status">{humanize(batch.status)}</span>
      </h3>
      <table className="data-table">
        <thead><tr><th scope="col">Person</th><th scope="col">Name</th><th scope="col">Sex</th><th scope="col" className="num">Age</th><th scope="col">State</th></tr></thead>
        <tbody>
          {batch.members.map((m) => (
            <tr key={`${m.kind}:${m.id}`}>
              <td><PortionMark marking={m.marking} /> {m.kind === 'detainee' ? m.isn : `resident ${m.id}`}</td>
              <td>{m.name ?? <span className="withheld">withheld</span>}</td>
              <td>{m.sex ?? '—'}</td>
              <td className="num">{m.age ?? '—'}</td>
              <td>
                {humanize(m.state)}
                {m.outcome && <span className="hint" data-testid="member-outcome"> — {m.outcome}: {m.outcomeReason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {batch.hidden > 0 && <p className="hint">{batch.hidden} more member(s) you may not see.</p>}
      {open && (
        <div className="batch-actions">
          {planned && <button type="button" disabled={act.isPending} onClick={() => act.mutate({ id: batch.id, action: 'handover', body: {} })}>Hand over</button>}
          {awaiting && <button type="button" disabled={act.isPending} onClick={() => act.mutate({ id: batch.id, action: 'receive' })}>Receive (sign as receiving agency)</button>}
          {batch.status === 'planned' && <button type="button" disabled={act.isPending} onClick={() => act.mutate({ id: batch.id, action: 'cancel', body: {} })}>Cancel</button>}
        </div>
      )}
      {open && awaiting && <RefuseOrWithdraw id={batch.id} act={act} />}
      {act.isPending && <p className="state state-loading" role="status"><span className="spinner" aria-hidden="true" /> Signing and recording…</p>}
      {act.isError && <p className="form-error" role="alert">{message(act.error)}</p>}
    </section>
  );
}

/**
 * When the handovers awaiting receipt will not complete: the receiving agency refuses them, or the holder
 * withdraws them, with a reason recorded on each member; the batch follows (handed over with those received,
 * or, nobody received, back to planned or cancelled).
 */
function RefuseOrWithdraw({ id, act }: { id: string; act: ReturnType<typeof useBatchAction> }) {
  const [reason, setReason] = useState('');
  const [ifNoneReceived, setIfNoneReceived] = useState<'planned' | 'cancelled'>('planned');
  const [missing, setMissing] = useState(false);
  const run = (action: 'refuse' | 'withdraw') => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    act.mutate({ id, action, body: { reason: reason.trim(), ifNoneReceived } });
  };
  return (
    <div className="batch-actions" role="group" aria-label="Handovers not received">
      <label>Reason (not received)<input name="outcome-reason" value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={missing} /></label>
      <label>If nobody was received
        <select name="if-none-received" value={ifNoneReceived} onChange={(e) => setIfNoneReceived(e.target.value as 'planned' | 'cancelled')}>
          <option value="planned">back to planned</option>
          <option value="cancelled">cancel the batch</option>
        </select>
      </label>
      <button type="button" disabled={act.isPending} onClick={() => run('refuse')}>Refuse (receiving agency)</button>
      <button type="button" disabled={act.isPending} onClick={() => run('withdraw')}>Withdraw (releasing agency)</button>
      {missing && <p className="form-error" role="alert">reason: say why the handover is refused or withdrawn.</p>}
    </div>
  );
}

function text(form: FormData, k: string): string {
  const v = form.get(k);
  return typeof v === 'string' ? v.trim() : '';
}

/** Plans a batch: choose the country's detainees and camp residents, the receiving agency, the place and date. */
export function BatchForm({ country }: { country: string }) {
  const [chosen, setChosen] = useState<Map<string, TBatchMemberRef>>(new Map());
  const candidates = useCandidates(country, true);
  const create = useCreateBatch();
  useShownMarkings([...(candidates.detainees.data?.items.map((d) => d.marking) ?? []), ...(candidates.residents.data?.items.map((r) => r.marking) ?? [])]);
  const toggle = (ref: TBatchMemberRef) => setChosen((s) => {
    const n = new Map(s);
    const key = `${ref.kind}:${ref.id}`;
    if (n.has(key)) n.delete(key); else n.set(key, ref);
    return n;
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate({
      country, receivingAgency: text(form, 'receiver'), place: text(form, 'place'), at: text(form, 'at'), members: [...chosen.values()], marking: text(form, 'marking'),
      ...(text(form, 'assurances') ? { assurances: text(form, 'assurances') } : {}),
    }, { onSuccess: () => setChosen(new Map()) });
  };
  return (
    <form className="board-form" onSubmit={submit} aria-label="Plan a batch">
      <fieldset>
        <legend>Detainees held</legend>
        {candidates.detainees.isPending ? <Loading what="detainees" /> : candidates.detainees.data?.items.map((d) => (
          <label key={d.id} className="check">
            <input type="checkbox" data-isn={d.isn} checked={chosen.has(`detainee:${d.isn}`)} onChange={() => toggle({ kind: 'detainee', id: d.isn })} />
            {d.isn} — {d.nameLatin} ({d.sex}, {d.birthYear ?? d.birthDate?.slice(0, 4) ?? '?'}) at {d.facility ?? '?'}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Camp residents present</legend>
        {candidates.residents.isPending ? <Loading what="residents" /> : candidates.residents.data?.items.map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" data-resident={r.id} checked={chosen.has(`resident:${r.id}`)} onChange={() => toggle({ kind: 'resident', id: r.id })} />
            {r.nameLatin ?? '(name withheld)'} — {r.sex ?? '?'}, {r.age ?? '?'} in {r.camp}
          </label>
        ))}
      </fieldset>
      <label>Receiving agency (code)<input name="receiver" required /></label>
      <label>Place (facility code or aircraft tail)<input name="place" required /></label>
      <label>Planned date<input name="at" type="date" required /></label>
      <label>Prosecution assurances (reference)<input name="assurances" /></label>
      <label>Marking<input name="marking" required defaultValue={`C//REL TO ${country}, SYR, USA`} /></label>
      {create.isError && <p className="form-error" role="alert">{message(create.error)}</p>}
      {create.isSuccess && <p className="form-done" role="status">Batch planned.</p>}
      <button type="submit" disabled={chosen.size === 0 || create.isPending}>Plan the batch ({chosen.size})</button>
    </form>
  );
}
