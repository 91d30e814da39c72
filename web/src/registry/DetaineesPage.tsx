import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useDetaineeRows } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { formatCount } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { DetaineeFilterForm } from './DetaineeFilterForm.js';
import { DetaineeTable } from './DetaineeTable.js';
import { filtersFromParams, hasFilters, paramsFromFilters, type DetaineeFilters } from './filters.js';

/** The detainee list: filters, the total that matches, and a virtualised table fetched from the server by position. */
export function DetaineesPage() {
  useTitle('Detainees');
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Keyed by the query string's text, so the filters (and the list's query key) change only when it does.
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(key)), [key]);
  const onChange = useCallback((f: DetaineeFilters) => setParams(paramsFromFilters(f), { replace: true }), [setParams]);
  const list = useDetaineeRows(filters);
  const { total, totalMarking } = list;
  // The banner covers every row loaded, not just those on screen (a row scrolled past may come back at any
  // time), and every record behind the total shown.
  const markings = useMemo(() => [...new Set([...list.markings, ...(totalMarking ? [totalMarking] : [])])], [list.markings, totalMarking]);
  useShownMarkings(markings);

  return (
    <div className="page detainees-page">
      <h1>Detainees</h1>
      <DetaineeFilterForm filters={filters} onChange={onChange} />
      <p className="result-count" aria-live="polite" data-testid="detainee-total">
        {!list.head.isPending && !list.head.isError ? `${formatCount(total)} ${total === 1 ? 'detainee matches' : 'detainees match'}${hasFilters(filters) ? ' these filters' : ''}` : ''}
      </p>
      {list.head.isPending ? (
        <Loading what="detainees" />
      ) : list.head.isError ? (
        <ErrorState error={list.head.error} what="detainees" retry={() => void list.head.refetch()} />
      ) : total === 0 ? (
        <Empty>{hasFilters(filters) ? 'No detainee you may see matches these filters.' : 'There are no detainees you may see.'}</Empty>
      ) : (
        <DetaineeTable total={total} rowAt={list.rowAt} need={list.need} />
      )}
      {list.pageError && <ErrorState error={list.pageError.error} what="more detainees" retry={list.pageError.retry} />}
    </div>
  );
}
