import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { detaineesUrl, type DetaineeFilters } from '../registry/filters.js';
import { api } from './client.js';
import { ZDetainee, ZDetaineePage, ZFacility, ZFacilityList, ZMe, ZPlaceHistory, type TDetainee, type TDetaineePage } from './schemas.js';

/*
 * Every read the UI makes, as TanStack Query hooks. Keys start with what they read; a login or logout clears
 * the whole cache, so one user's answers are never shown to the next.
 */

/** Rows per page of the detainee list: a few screens' worth, so scrolling rarely waits. */
export const DETAINEE_PAGE_SIZE = 200;

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => api('/api/auth/me', ZMe, { signal }), retry: false, staleTime: 60_000 });
}

export function useFacilities() {
  return useQuery({
    queryKey: ['facilities'],
    queryFn: async ({ signal }) => (await api('/api/facilities', ZFacilityList, { signal })).items,
  });
}

export function useFacility(id: string) {
  return useQuery({
    queryKey: ['facilities', id],
    queryFn: ({ signal }) => api(`/api/facilities/${encodeURIComponent(id)}`, ZFacility, { signal }),
  });
}

/** How many detainees the custody log places at a site, day by day (its population over time). */
export function usePlaceHistory(code: string) {
  return useQuery({
    queryKey: ['custody', 'places', code],
    queryFn: ({ signal }) => api(`/api/custody/places/${encodeURIComponent(code)}/history`, ZPlaceHistory, { signal }),
  });
}

export function useDetainee(id: string) {
  return useQuery({
    queryKey: ['detainees', 'one', id],
    queryFn: ({ signal }) => api(`/api/detainees/${encodeURIComponent(id)}`, ZDetainee, { signal }),
  });
}

/** How many detainees the user may see match `filters` (one row is fetched; the answer carries the total). */
function countQuery(filters: DetaineeFilters) {
  return {
    queryKey: ['detainees', 'count', filters],
    // The count and the banner of the records it counts: a page that shows the number carries that marking.
    queryFn: async ({ signal }: { signal: AbortSignal }) => {
      const page = await api(detaineesUrl(filters, { limit: 1 }), ZDetaineePage, { signal });
      return { total: page.total, marking: page.marking };
    },
  };
}

/**
 * The counts of detainees in each of `statuses`, optionally at one facility (once it is known), in order,
 * with the markings of the records counted (for the page's banner).
 */
export function useStatusCounts(statuses: readonly TDetainee['status'][], facility?: string | null) {
  const results = useQueries({
    queries: statuses.map((status) => ({
      ...countQuery(facility ? { status, facility } : { status }),
      enabled: facility !== null,
    })),
  });
  return {
    counts: results.map((r) => r.data?.total),
    markings: results.flatMap((r) => (r.data ? [r.data.marking] : [])),
  };
}

/** The filtered detainee list as the rows the table needs, by position. */
export interface DetaineeRows {
  /** The first page's query: pending until the total is known, or failed. */
  head: { isPending: boolean; isError: boolean; error: Error | null; refetch: () => unknown };
  /** How many detainees the user may see match, and the banner of every record behind that number. */
  total: number;
  totalMarking: string | undefined;
  /** Row `i` (0-based) when its page has arrived. */
  rowAt: (i: number) => TDetainee | undefined;
  /** The markings of every row loaded so far (a row scrolled past may come back at any time). */
  markings: string[];
  /** Asks for the pages holding rows `first` to `last` (those not asked for yet). */
  need: (first: number, last: number) => void;
  /** A later page failed: its error, and a retry. */
  pageError: { error: Error; retry: () => void } | null;
}

const pageMarkings = new WeakMap<TDetaineePage, string[]>();

/** The distinct markings of one page's rows, worked out once per page (a render looks at every page loaded). */
function markingsOfPage(page: TDetaineePage): string[] {
  let m = pageMarkings.get(page);
  if (!m) {
    m = [...new Set(page.items.map((d) => d.marking))];
    pageMarkings.set(page, m);
  }
  return m;
}

/**
 * The filtered detainee list, fetched a page at a time by position (`offset`) as the table scrolls to it: the
 * table is as long as the total from the start, so a reader can drag straight to row 80,000 and only the pages
 * in view are fetched. Pages stay cached while the filters stay the same.
 */
export function useDetaineeRows(filters: DetaineeFilters): DetaineeRows {
  const key = JSON.stringify(filters);
  const [wanted, setWanted] = useState<{ key: string; pages: number[] }>({ key, pages: [0] });
  // New filters: start again from the first page (state derived during render, as React recommends).
  const pages = wanted.key === key ? wanted.pages : [0];
  if (wanted.key !== key) setWanted({ key, pages: [0] });
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: ['detainees', 'list', filters, page],
      queryFn: ({ signal }: { signal: AbortSignal }) => api(detaineesUrl(filters, { offset: page * DETAINEE_PAGE_SIZE, limit: DETAINEE_PAGE_SIZE }), ZDetaineePage, { signal }),
    })),
  });
  const byPage = new Map<number, TDetaineePage>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) byPage.set(page, data);
  });
  const head = results[0]!;
  const first = byPage.get(0);
  const failed = results.findIndex((r, i) => i > 0 && r.isError);
  const markingsKey = [...new Set([...byPage.values()].flatMap(markingsOfPage))].sort().join('\n');
  const markings = useMemo(() => (markingsKey ? markingsKey.split('\n') : []), [markingsKey]);
  const need = useCallback((firstRow: number, lastRow: number) => {
    const from = Math.max(0, Math.floor(firstRow / DETAINEE_PAGE_SIZE));
    const to = Math.max(from, Math.floor(lastRow / DETAINEE_PAGE_SIZE));
    setWanted((w) => {
      if (w.key !== key) return w;
      const missing = [];
      for (let p = from; p <= to; p++) if (!w.pages.includes(p)) missing.push(p);
      return missing.length === 0 ? w : { key, pages: [...w.pages, ...missing] };
    });
  }, [key]);
  return {
    head: { isPending: head.isPending, isError: head.isError, error: head.error, refetch: head.refetch },
    total: first?.total ?? 0,
    totalMarking: first?.marking,
    rowAt: (i) => byPage.get(Math.floor(i / DETAINEE_PAGE_SIZE))?.items[i % DETAINEE_PAGE_SIZE],
    markings,
    need,
    pageError: failed === -1 ? null : { error: results[failed]!.error!, retry: () => void results[failed]!.refetch() },
  };
}
