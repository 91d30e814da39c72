import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { detaineesUrl, type DetaineeFilters } from '../registry/filters.js';
import { api } from './client.js';
import { ZDetainee, ZDetaineePage, ZFacility, ZFacilityList, ZMe, ZPlaceHistory, type TDetainee } from './schemas.js';

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

/** The filtered detainee list, a page at a time as the user scrolls (server-side cursor pagination). */
export function useDetaineePages(filters: DetaineeFilters) {
  return useInfiniteQuery({
    queryKey: ['detainees', 'list', filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => api(detaineesUrl(filters, { cursor: pageParam, limit: DETAINEE_PAGE_SIZE }), ZDetaineePage, { signal }),
    getNextPageParam: (last) => last.nextCursor,
  });
}
