import { Link } from 'react-router';
import type { THandover } from '../../../src/custody/custody.schemas.js';
import { ApiError } from '../api/client.js';
import { useMe } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { useHandoverAction, usePendingHandovers } from './api.js';
import './custody.css';

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function Row({ h, agency, canSign }: { h: THandover; agency: string; canSign: boolean }) {
  const action = useHandoverAction();
  const receiving = h.to.agency === agency;
  const condition = (h.event as { condition?: { status?: string } }).condition?.status;
  return (
    <tr data-testid="handover-row" data-id={h.id}>
      <td>{h.marking && <PortionMark marking={h.marking} />} <Link to={`/custody/detainees/${encodeURIComponent(h.detainee)}`}>{h.detainee}</Link></td>
      <td>{h.from.agency} at {h.from.place}</td>
      <td>{h.to.agency} at {h.to.place}</td>
      <td>{when(h.time)}</td>
      <td>{condition ? humanize(condition) : '—'}</td>
      <td>{h.signedBy.join(', ')}</td>
      <td className="actions">
        {receiving && canSign && <button type="button" disabled={action.isPending} onClick={() => action.mutate({ id: h.id, action: 'sign' })}>Sign as {agency}</button>}
        {canSign && <button type="button" className="secondary" disabled={action.isPending} onClick={() => action.mutate({ id: h.id, action: 'cancel' })}>{receiving ? 'Refuse' : 'Withdraw'}</button>}
        {action.isError && <span className="form-error" role="alert">{action.error instanceof ApiError ? action.error.message : 'failed'}</span>}
      </td>
    </tr>
  );
}

/** The viewer's agency's pending handovers: those it must sign as the receiver, and those it proposed. */
export function HandoversPage() {
  const me = useMe();
  const pending = usePendingHandovers();
  useShownMarkings(pending.data ? pending.data.flatMap((h) => (h.marking ? [h.marking] : [])) : []);
  useTitle('Pending handovers');
  if (pending.isPending || me.isPending) return <Loading what="the pending handovers" />;
  if (pending.isError) return <ErrorState error={pending.error} what="the pending handovers" retry={() => void pending.refetch()} />;
  const agency = me.data?.agency.code ?? '';
  const canSign = me.data?.roles.includes('custodian') ?? false;
  const toSign = pending.data.filter((h) => h.to.agency === agency);
  const proposed = pending.data.filter((h) => h.to.agency !== agency);
  const table = (items: THandover[], id: string) => (
    <table className="data-table" data-testid={id}>
      <thead>
        <tr><th scope="col">Detainee</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Time</th><th scope="col">Condition</th><th scope="col">Signed by</th><th scope="col">Action</th></tr>
      </thead>
      <tbody>{items.map((h) => <Row key={h.id} h={h} agency={agency} canSign={canSign} />)}</tbody>
    </table>
  );
  return (
    <article className="page custody-handovers" aria-labelledby="handovers-title">
      <h1 id="handovers-title">Pending handovers of {agency}</h1>
      <p>A handover completes — and the detainee changes custodian — only when the receiving agency signs. <Link to="/custody/log">The custody log</Link></p>
      <section aria-labelledby="to-sign-title">
        <h2 id="to-sign-title">Awaiting {agency}'s signature ({toSign.length})</h2>
        {toSign.length === 0 ? <Empty>Nothing awaits {agency}'s signature.</Empty> : table(toSign, 'to-sign')}
      </section>
      <section aria-labelledby="proposed-title">
        <h2 id="proposed-title">Proposed by {agency}, awaiting the receiver ({proposed.length})</h2>
        {proposed.length === 0 ? <Empty>No handover proposed by {agency} is pending.</Empty> : table(proposed, 'proposed')}
      </section>
    </article>
  );
}
