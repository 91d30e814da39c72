import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZCampAuthority, ZCampResidentDetail, ZHouseholdDetail, ZHouseholdPage, ZReleaseResult, type TReleaseRequest,
} from '../../../src/camps/camps.schemas.js';
import { ZCampOverview, ZCampSummary, ZCohorts, ZFamilyGraph, ZWorklist } from '../../../src/camps/cohorts.schemas.js';
import { ZEndGuardianshipResult, type TEndGuardianshipRequest } from '../../../src/camps/links.schemas.js';
import { ZDuplicateReview, type TDuplicateDecision } from '../../../src/camps/reviews.schemas.js';
import { api } from '../api/client.js';

/*
 * The camps pages' reads and the release, as TanStack Query hooks over the camps API. Every key starts with
 * `camps`, so a release invalidates everything the pages show about the camps at once.
 */

const ZCampList = z.object({ items: z.array(ZCampSummary) });
const enc = encodeURIComponent;

export function useCamps() {
  return useQuery({ queryKey: ['camps', 'list'], queryFn: async ({ signal }) => (await api('/api/camps', ZCampList, { signal })).items });
}

export function useCampOverview(code: string) {
  return useQuery({ queryKey: ['camps', 'overview', code], queryFn: ({ signal }) => api(`/api/camps/${enc(code)}`, ZCampOverview, { signal }) });
}

export function useCampAuthority(code: string) {
  return useQuery({ queryKey: ['camps', 'authority', code], queryFn: ({ signal }) => api(`/api/camps/${enc(code)}/authority`, ZCampAuthority, { signal }) });
}

export function useHouseholds(code: string, cursor: string | null) {
  const q = new URLSearchParams({ camp: code, limit: '25', ...(cursor ? { cursor } : {}) });
  return useQuery({ queryKey: ['camps', 'households', code, cursor], queryFn: ({ signal }) => api(`/api/camps/households?${q.toString()}`, ZHouseholdPage, { signal }) });
}

export function useHousehold(id: string) {
  return useQuery({ queryKey: ['camps', 'household', id], queryFn: ({ signal }) => api(`/api/camps/households/${enc(id)}`, ZHouseholdDetail, { signal }) });
}

export function useResident(id: string) {
  return useQuery({ queryKey: ['camps', 'resident', id], queryFn: ({ signal }) => api(`/api/camps/residents/${enc(id)}`, ZCampResidentDetail, { signal }) });
}

/** The family graph of a household or around a resident. */
export function useGraph(of: 'households' | 'residents', id: string) {
  return useQuery({ queryKey: ['camps', 'graph', of, id], queryFn: ({ signal }) => api(`/api/camps/${of}/${enc(id)}/graph`, ZFamilyGraph, { signal }) });
}

export function useCohorts(code: string) {
  return useQuery({ queryKey: ['camps', 'cohorts', code], queryFn: ({ signal }) => api(`/api/camps/cohorts?camp=${enc(code)}`, ZCohorts, { signal }) });
}

/** The work list; `enabled` is false when the camp withholds programmes from the user. */
export function useWorklist(code: string, enabled: boolean) {
  return useQuery({
    queryKey: ['camps', 'worklist', code],
    queryFn: ({ signal }) => api(`/api/camps/worklist?camp=${enc(code)}&ages=12,15,18&months=12&limit=200`, ZWorklist, { signal }),
    enabled,
  });
}

/** Records a release; on success every camps answer is refetched (population, cohorts, households). */
export function useRelease(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TReleaseRequest) => api(`/api/camps/${enc(code)}/releases`, ZReleaseResult, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['camps'] }),
  });
}

/** Ends a guardianship; the resident (and everything else about the camps) is refetched. */
export function useEndGuardianship() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TEndGuardianshipRequest }) => api(`/api/camps/guardianships/${enc(id)}/end`, ZEndGuardianshipResult, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['camps'] }),
  });
}

const ZReviewList = z.object({ items: z.array(ZDuplicateReview) });

/** Reviews of likely duplicate residents the reviewer may see. */
export function useDuplicateReviews(status: 'pending' | 'same' | 'different') {
  return useQuery({ queryKey: ['camps', 'reviews', status], queryFn: async ({ signal }) => (await api(`/api/camps/reviews?status=${status}`, ZReviewList, { signal })).items });
}

export function useDecideReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TDuplicateDecision }) => api(`/api/camps/reviews/${enc(id)}/decide`, ZDuplicateReview, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['camps'] }),
  });
}
