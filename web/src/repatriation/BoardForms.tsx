import { useState, type FormEvent } from 'react';
import {
  ANSWER_OUTCOMES, CONDITIONS, ENGAGEMENT_KINDS, type TCountryBoard, type TEngagementRequest,
} from '../../../src/repatriation/repatriation.schemas.js';
import { ApiError } from '../api/client.js';
import { humanize } from '../common/format.js';
import { useEngage, useSetStatus } from './api.js';

function text(form: FormData, k: string): string {
  const v = form.get(k);
  return typeof v === 'string' ? v.trim() : '';
}

function failure(error: unknown, what: string): string {
  return error instanceof ApiError ? error.message : `The ${what} was not recorded.`;
}

/** Records a meeting, note verbale, request or answer; the marking is the user's choice, checked by the server. */
export function EngagementForm({ country }: { country: string }) {
  const engage = useEngage(country);
  const [kind, setKind] = useState<(typeof ENGAGEMENT_KINDS)[number]>('meeting');
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body: TEngagementRequest = {
      kind, summary: text(form, 'summary'), marking: text(form, 'marking'),
      ...(text(form, 'counterpart') ? { counterpart: text(form, 'counterpart') } : {}),
      ...(text(form, 'reference') ? { reference: text(form, 'reference') } : {}),
      ...(kind === 'answer' ? { outcome: text(form, 'outcome') as (typeof ANSWER_OUTCOMES)[number] } : {}),
      ...(kind === 'request' && text(form, 'dueBy') ? { dueBy: text(form, 'dueBy') } : {}),
    };
    const target = e.currentTarget;
    engage.mutate(body, { onSuccess: () => { setDone(true); target.reset(); } });
  };
  return (
    <form className="board-form" onSubmit={submit} aria-label="Record an engagement">
      <label>Kind<select name="kind" value={kind} onChange={(e) => { setKind(e.target.value as typeof kind); setDone(false); }}>
        {ENGAGEMENT_KINDS.map((k) => <option key={k} value={k}>{humanize(k)}</option>)}
      </select></label>
      <label>Summary<input name="summary" required maxLength={300} /></label>
      {kind === 'answer' && <label>Outcome<select name="outcome" defaultValue="accepted">{ANSWER_OUTCOMES.map((o) => <option key={o} value={o}>{humanize(o)}</option>)}</select></label>}
      {kind === 'request' && <label>Answer due by<input name="dueBy" type="date" /></label>}
      <label>Counterpart<input name="counterpart" /></label>
      <label>Reference<input name="reference" /></label>
      <label>Marking<input name="marking" required defaultValue={`C//REL TO ${country}, USA`} /></label>
      {engage.isError && <p className="form-error" role="alert">{failure(engage.error, 'engagement')}</p>}
      {done && !engage.isPending && <p className="form-done" role="status">Engagement recorded.</p>}
      <button type="submit" disabled={engage.isPending}>Record the engagement</button>
    </form>
  );
}

/** Moves the country to one of the statuses allowed next, with its conditions. */
export function StatusForm({ board }: { board: TCountryBoard }) {
  const set = useSetStatus(board.summary.country);
  const [conditions, setConditions] = useState<Set<string>>(new Set(board.summary.conditions));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    set.mutate({
      status: text(form, 'status') as TCountryBoard['transitions'][number],
      conditions: CONDITIONS.filter((c) => conditions.has(c)),
      ...(board.summary.version !== null ? { version: board.summary.version } : { marking: text(form, 'marking') }),
      ...(text(form, 'note') ? { note: text(form, 'note') } : {}),
    });
  };
  if (board.transitions.length === 0) return null;
  return (
    <form className="board-form" onSubmit={submit} aria-label="Change the status">
      <label>New status<select name="status" defaultValue={board.transitions[0]}>{board.transitions.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}</select></label>
      <fieldset>
        <legend>Conditions</legend>
        {CONDITIONS.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={conditions.has(c)} onChange={() => setConditions((s) => { const n = new Set(s); if (n.has(c)) n.delete(c); else n.add(c); return n; })} />
            {humanize(c)}
          </label>
        ))}
      </fieldset>
      {board.summary.version === null && <label>Marking of the country record<input name="marking" required defaultValue={`C//REL TO ${board.summary.country}, USA`} /></label>}
      <label>Note<input name="note" /></label>
      {set.isError && <p className="form-error" role="alert">{failure(set.error, 'status change')}</p>}
      <button type="submit" disabled={set.isPending}>Change the status</button>
    </form>
  );
}
