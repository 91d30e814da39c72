import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { ActionTable } from './ActionTable.js';
import { AgendaList } from './AgendaList.js';
import { useAct, useAgenda, useAttend, useCall, useDecide } from './api.js';
import './coordination.css';

function fields(e: FormEvent<HTMLFormElement>): (k: string) => string {
  e.preventDefault();
  const f = new FormData(e.currentTarget);
  return (k) => (() => { const v = f.get(k); return typeof v === 'string' ? v.trim() : ''; })();
}

function problem(e: unknown, what: string) {
  return <p className="form-error" role="alert">{e instanceof ApiError ? e.message : `The ${what} was not recorded.`}</p>;
}

function AttendanceForm({ call }: { call: string }) {
  const attend = useAttend(call);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    const text = fields(e);
    attend.mutate({ agency: text('agency').toUpperCase(), person: text('person'), present: text('present') !== 'no' }, { onSuccess: () => form.reset() });
  };
  return (
    <form className="coord-form" onSubmit={submit} aria-label="Record attendance">
      <div className="row">
        <label>Agency<input name="agency" required /></label>
        <label>Person<input name="person" required /></label>
        <label>Present<select name="present" defaultValue="yes"><option value="yes">present</option><option value="no">apologies</option></select></label>
      </div>
      {attend.isError && problem(attend.error, 'attendance')}
      <button type="submit" disabled={attend.isPending}>Record attendance</button>
    </form>
  );
}

function DecisionForm({ call }: { call: string }) {
  const decide = useDecide(call);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    const text = fields(e);
    decide.mutate({ text: text('text'), decidedBy: text('decidedBy'), ...(text('marking') ? { marking: text('marking') } : {}) }, { onSuccess: () => form.reset() });
  };
  return (
    <form className="coord-form" onSubmit={submit} aria-label="Record a decision">
      <label>Decision<textarea name="text" rows={2} required /></label>
      <div className="row">
        <label>Decided by<input name="decidedBy" required /></label>
        <label>Decision marking (default: the call's)<input name="marking" /></label>
      </div>
      {decide.isError && problem(decide.error, 'decision')}
      <button type="submit" disabled={decide.isPending}>Record the decision</button>
    </form>
  );
}

function ActionForm({ call }: { call: string }) {
  const act = useAct(call);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const form = e.currentTarget;
    const text = fields(e);
    act.mutate({ title: text('title'), owner: text('owner').toUpperCase(), due: text('due'), ...(text('marking') ? { marking: text('marking') } : {}) }, { onSuccess: () => form.reset() });
  };
  return (
    <form className="coord-form" onSubmit={submit} aria-label="Record an action">
      <label>Action<input name="title" required /></label>
      <div className="row">
        <label>Owner agency<input name="owner" required /></label>
        <label>Due<input name="due" type="date" required /></label>
        <label>Action marking (default: the call's)<input name="marking" /></label>
      </div>
      {act.isError && problem(act.error, 'action')}
      <button type="submit" disabled={act.isPending}>Record the action</button>
    </form>
  );
}

/** A coordination call: its agenda (what changed since the previous call), attendance, decisions and actions. */
export function CallPage() {
  const { id = '' } = useParams();
  const call = useCall(id);
  const agenda = useAgenda({ call: id });
  const c = call.data;
  useShownMarkings(c ? [c.banner] : []);
  useTitle(c ? `${c.title} ${c.date}` : 'Call');
  if (call.isPending) return <Loading what="the call" />;
  if (call.isError || !c) return <ErrorState error={call.error} what="the call" retry={() => void call.refetch()} />;
  return (
    <article className="page" aria-labelledby="call-title">
      <p className="breadcrumb"><Link to="/coordination">Coordination</Link> / {c.date}</p>
      <h1 id="call-title"><PortionMark marking={c.marking} /> {c.title}, {c.date}</h1>
      <p>Starts {c.startsAt.slice(11, 16)}Z; agencies: {c.agencies.join(', ') || 'none listed'}. <Link to={`/coordination/sitrep?date=${c.date}`}>SITREP of the day</Link></p>
      <div className="coord-grid">
        <section aria-labelledby="agenda-title">
          <h2 id="agenda-title">Agenda</h2>
          {agenda.isPending && <Loading what="the agenda" />}
          {agenda.isError && <ErrorState error={agenda.error} what="the agenda" retry={() => void agenda.refetch()} />}
          {agenda.data && <AgendaList agenda={agenda.data} />}
        </section>
        <section aria-labelledby="att-title">
          <h2 id="att-title">Attendance</h2>
          {c.attendance.length === 0 ? <Empty>Nobody is recorded yet.</Empty> : (
            <ul data-testid="attendance">{c.attendance.map((a) => <li key={`${a.agency}-${a.person}`}>{a.agency}: <bdi>{a.person}</bdi>{a.present ? '' : ' (apologies)'}</li>)}</ul>
          )}
          <AttendanceForm call={c.id} />
        </section>
      </div>
      <section aria-labelledby="dec-title">
        <h2 id="dec-title">Decisions</h2>
        {c.decisions.length === 0 ? <Empty>No decision is recorded.</Empty> : (
          <ul data-testid="decisions">{c.decisions.map((d) => <li key={d.id}><PortionMark marking={d.marking} /> {d.text} <span className="hint">— decided by {d.decidedBy}</span></li>)}</ul>
        )}
        <DecisionForm call={c.id} />
      </section>
      <section aria-labelledby="act-title">
        <h2 id="act-title">Actions</h2>
        {c.actions.length === 0 ? <Empty>No action is recorded.</Empty> : <ActionTable actions={c.actions} editable />}
        <ActionForm call={c.id} />
      </section>
    </article>
  );
}
