import type { TAction } from '../../../src/coordination/coordination.schemas.js';
import { ApiError } from '../api/client.js';
import { PortionMark } from '../common/PortionMark.js';
import { humanize } from '../common/format.js';
import { useUpdateAction } from './api.js';

const NEXT: Record<TAction['status'], TAction['status'][]> = { open: ['in-progress', 'done', 'cancelled'], 'in-progress': ['done', 'cancelled'], done: [], cancelled: [] };

/** Action items with their owner, due date and status; with `editable`, buttons move each along. */
export function ActionTable({ actions, editable = false }: { actions: readonly TAction[]; editable?: boolean }) {
  const update = useUpdateAction();
  return (
    <>
      <table className="data-table" data-testid="actions-table">
        <thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th>{editable && <th scope="col">Move to</th>}</tr></thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id}>
              <th scope="row"><PortionMark marking={a.marking} /> {a.title}</th>
              <td>{a.owner}</td>
              <td className={a.overdue ? 'overdue nowrap' : 'nowrap'}>{a.due}{a.overdue && ' (overdue)'}</td>
              <td>{humanize(a.status)}</td>
              {editable && (
                <td>
                  {NEXT[a.status].map((s) => (
                    <button key={s} type="button" disabled={update.isPending} onClick={() => update.mutate({ id: a.id, status: s, version: a.version })} aria-label={`${a.title}: ${humanize(s)}`}>
                      {humanize(s)}
                    </button>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {update.isError && <p className="form-error" role="alert">{update.error instanceof ApiError ? update.error.message : 'The action was not updated.'}</p>}
    </>
  );
}
