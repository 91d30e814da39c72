import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useDetaineePages } from '../api/queries.js';
import { useShownMarkings } from '../banner/BannerContext.js';
import { formatCount } from '../common/format.js';
import { Empty, ErrorState, Loading } from '../common/states.js';
import { useTitle } from '../common/use-title.js';
import { DetaineeFilterForm } from './DetaineeFilterForm.js';
import { DetaineeTable } from './DetaineeTable.js';
import { filtersFromParams, hasFilters, paramsFromFilters, type DetaineeFilters } from './filters.js';

/** The detainee list: filters, the total that matches, and a virtualised table paged from the server. */
export function DetaineesPage() {
  useTitle('Detainees');
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // Keyed by the query string's text, so the filters (and the list's query key) change only when it does.
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(key)), [key]);
  const onChange = useCallback((f: DetaineeFilters) => setParams(paramsFromFilters(f), { replace: true }), [setParams]);
  const list = useDetaineePages(filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  // The banner covers every row loaded, not just those on screen: a row scrolled past may come back at any time.
  // … and the banner of every record behind the total shown.
  const totalMarking = list.data?.pages[0]?.marking;
  const markings = useMemo(() => [...new Set([...rows.map((d) => d.marking), ...(totalMarking ? [totalMarking] : [])])], [rows, totalMarking]);
  useShownMarkings(markings);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <div className="page detainees-page">
      <h1>Detainees</h1>
      <DetaineeFilterForm filters={filters} onChange={onChange} />
      <p className="result-count" aria-live="polite" data-testid="detainee-total">
        {list.isSuccess ? `${formatCount(total)} ${total === 1 ? 'detainee matches' : 'detainees match'}${hasFilters(filters) ? ' these filters' : ''}` : ''}
      </p>
      {list.isPending ? (
        <Loading what="detainees" />
      ) : list.isError && rows.length === 0 ? (
        <ErrorState error={list.error} what="detainees" retry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <Empty>{hasFilters(filters) ? 'No detainee you may see matches these filters.' : 'There are no detainees you may see.'}</Empty>
      ) : (
        <DetaineeTable rows={rows} total={total} hasMore={hasNextPage && !list.isFetchNextPageError} loadingMore={isFetchingNextPage} loadMore={loadMore} />
      )}
      {list.isFetchNextPageError && <ErrorState error={list.error} what="more detainees" retry={loadMore} />}
    </div>
  );
}
