import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { AgendaList } from './AgendaList.js';
import { useActions, useAgenda, useCalls, useCreateCall } from './api.js';
import { ActionTable } from './ActionTable.js';
import './coordination.css';

const today = () => new Date().toISOString().slice(0, 10);

function NewCall() {
  const create = useCreateCall();
  const navigate = useNavigate();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => (() => { const v = f.get(k); return typeof v === 'string' ? v.trim() : ''; })();
    const agencies = text('agencies').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    create.mutate(
      { date: text('date'), title: text('title') || 'Daily coordination call', agencies, marking: text('marking') || 'U' },
      { onSuccess: (c) => void navigate(`/coordination/calls/${encodeURIComponent(c.id)}`) },
    );
  };
  return (
    <form className="coord-form" onSubmit={submit} aria-labelledby="new-call-title">
      <h2 id="new-call-title">New call</h2>
      <div className="row">
        <label>Date<input name="date" type="date" defaultValue={today()} required /></label>
        <label>Title<input name="title" defaultValue="Daily coordination call" /></label>
      </div>
      <div className="row">
        <label>Agencies (codes, comma-separated)<input name="agencies" placeholder="JTF, HF, IRQ-MOJ" /></label>
        <label>Marking<input name="marking" defaultValue="U" /></label>
      </div>
      {create.isError && <p className="form-error" role="alert">{create.error instanceof ApiError ? create.error.message : 'The call was not created.'}</p>}
      <button type="submit" disabled={create.isPending}>Create the call</button>
    </form>
  );
}

/** The coordination desk: the calls, the overdue actions, a new call, today's agenda; links to the SITREP and the outcomes. */
export function CoordinationPage() {
  useTitle('Coordination');
  const calls = useCalls();
  const agenda = useAgenda({ date: today() });
  const overdue = useActions('overdue');
  useShownMarkings([...(calls.data ?? []).map((c) => c.marking), ...(overdue.data ?? []).map((a) => a.marking)]);
  return (
    <article className="page" aria-labelledby="coord-title">
      <h1 id="coord-title">Coordination</h1>
      <p><Link to="/coordination/sitrep">SITREP</Link> · <Link to="/outcomes">Outcome dashboard</Link></p>
      <div className="coord-grid">
        <section aria-labelledby="calls-title">
          <h2 id="calls-title">Calls</h2>
          {calls.isPending && <Loading what="the calls" />}
          {calls.isError && <ErrorState error={calls.error} what="the calls" retry={() => void calls.refetch()} />}
          {calls.data?.length === 0 && <Empty>No call is recorded yet.</Empty>}
          {calls.data && calls.data.length > 0 && (
            <table className="data-table" data-testid="calls-table">
              <thead><tr><th scope="col">Date</th><th scope="col">Call</th><th scope="col">Agencies</th></tr></thead>
              <tbody>
                {calls.data.map((c) => (
                  <tr key={c.id}>
                    <td className="nowrap">{c.date} {c.startsAt.slice(11, 16)}Z</td>
                    <th scope="row"><PortionMark marking={c.marking} /> <Link to={`/coordination/calls/${encodeURIComponent(c.id)}`}>{c.title}</Link></th>
                    <td>{c.agencies.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="overdue-title">
          <h2 id="overdue-title">Overdue actions</h2>
          {overdue.isPending ? <Loading what="the actions" /> : overdue.data && overdue.data.length > 0 ? <ActionTable actions={overdue.data} /> : <Empty>No action is overdue.</Empty>}
          <NewCall />
        </section>
      </div>
      <section aria-labelledby="today-title">
        <h2 id="today-title">Today's agenda</h2>
        {agenda.isPending && <Loading what="the agenda" />}
        {agenda.isError && <ErrorState error={agenda.error} what="the agenda" retry={() => void agenda.refetch()} />}
        {agenda.data && <AgendaList agenda={agenda.data} />}
      </section>
    </article>
  );
}
