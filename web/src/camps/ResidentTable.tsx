import { Link } from 'react-router';
import type { TCampResident } from '../../../src/camps/camps.schemas.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';

const W = <span className="withheld">withheld</span>;

/** Residents with the fields the user may see; a withheld field says so rather than looking empty. */
export function ResidentTable({ residents }: { residents: readonly TCampResident[] }) {
  return (
    <table className="data-table" data-testid="residents-table">
      <thead>
        <tr>
          <th scope="col">Name</th><th scope="col">Arabic script</th><th scope="col">Relation</th><th scope="col">Sex</th>
          <th scope="col" className="num">Age</th><th scope="col">Status</th><th scope="col">Marking</th>
        </tr>
      </thead>
      <tbody>
        {residents.map((r) => (
          <tr key={r.id}>
            <th scope="row"><Link to={`/camps/residents/${encodeURIComponent(r.id)}`}>{r.nameLatin ?? '(name withheld)'}</Link></th>
            <td className="arabic" lang="ar" dir="rtl">{r.nameAr ?? W}</td>
            <td>{r.relation ? humanize(r.relation) : W}</td>
            <td>{r.sex ?? W}</td>
            <td className="num">{r.age === undefined ? W : r.age === null ? '—' : `${r.age}${r.birthEstimated ? ' (est.)' : ''}`}</td>
            <td>{humanize(r.status)}</td>
            <td><PortionMark marking={r.marking} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
