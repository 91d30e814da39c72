import { useState } from 'react';
import { Link } from 'react-router';
import { AGREEMENT_STATUSES, type TAgreement, type TAgreementStatus } from '../../../src/agreements/agreements.schemas.js';
import { FilterSelect, MarkedTable, type Column } from '../common/MarkedTable.js';
import { useTitle } from '../common/use-title.js';
import { useAgreements } from './api.js';
import './agreements.css';

const HEAD: Column<TAgreement> = {
  header: 'Agreement',
  cell: (a) => <><Link to={`/agreements/${encodeURIComponent(a.code)}`}>{a.code}</Link> <span className="muted">{a.title}</span></>,
};
const COLUMNS: readonly Column<TAgreement>[] = [
  { header: 'Status', cell: (a) => <span className={`agreement-status status-${a.status}`}>{a.status}</span> },
  { header: 'Holding force → receiving government', cell: (a) => `${a.parties.holding} → ${a.parties.receiving}` },
  { header: 'Airlift', cell: (a) => a.parties.airlift },
  { header: 'Destination', cell: (a) => a.destination },
  { header: 'Valid', nowrap: true, cell: (a) => `${a.validFrom} – ${a.validTo ?? 'open'}` },
  { header: 'Per day', num: true, cell: (a) => a.perDay ?? '–' },
  { header: 'Per nationality', cell: (a) => Object.entries(a.nationalityQuotas).map(([k, v]) => `${k} ${v}`).join(', ') || '–' },
];

/** Transfer agreements the user may see: parties, validity, quotas and status, filtered by status. */
export function AgreementsPage() {
  useTitle('Agreements');
  const [status, setStatus] = useState<TAgreementStatus | null>(null);
  const list = useAgreements(status);
  return (
    <div className="page">
      <h1>Transfer agreements</h1>
      <p><Link to="/agreements/new">New agreement</Link></p>
      <FilterSelect label="Status" value={status} options={AGREEMENT_STATUSES} onChange={setStatus} />
      <MarkedTable what="agreements" query={list} head={HEAD} columns={COLUMNS} rowKey={(a) => a.id} rowData={(a) => ({ 'data-code': a.code })}
        marking={(a) => a.marking} empty="No agreements you may see." testId="agreements-table" />
    </div>
  );
}
