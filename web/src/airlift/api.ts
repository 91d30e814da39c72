import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ZDisruption, ZReplanDiff, type TDisruption } from '../../../src/airlift/airlift.schemas.js';
import {
  ZDiscrepancy, ZPaperEntryRequest, ZPlanSummary, ZReconciliation, ZSortie, ZSortieDetail, ZSortiePage, ZStoredPlan, ZSyncResult,
  type TPaperEntryRequest, type TResolveRequest, type TSortieStatus,
} from '../../../src/airlift/execution.schemas.js';
import { api } from '../api/client.js';

/*
 * The airlift pages' reads and writes over the execution API. Every key starts with `airlift`, so a write
 * refetches what the pages show; the board polls its reconciliation.
 */

const enc = encodeURIComponent;
const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });

export function usePlans() {
  return useQuery({ queryKey: ['airlift', 'plans'], queryFn: async ({ signal }) => (await api('/api/airlift/plans', items(ZPlanSummary), { signal })).items });
}

export function usePlan(id: string) {
  return useQuery({ queryKey: ['airlift', 'plan', id], queryFn: ({ signal }) => api(`/api/airlift/plans/${enc(id)}`, ZStoredPlan, { signal }), staleTime: 60_000 });
}

export function useSorties(planId: string, live = false) {
  return useQuery({
    queryKey: ['airlift', 'sorties', planId],
    queryFn: async ({ signal }) => (await api(`/api/airlift/plans/${enc(planId)}/sorties`, items(ZSortie), { signal })).items,
    ...(live ? { refetchInterval: 5000 } : {}),
  });
}

/** One page of the execution board's sorties (server-side paging), polled like the board's totals. */
export function useBoardSorties(planId: string, which: 'active' | 'all', cursor: string | null, limit = BOARD_PAGE) {
  const q = new URLSearchParams({ which, limit: String(limit), ...(cursor !== null ? { cursor } : {}) });
  return useQuery({
    queryKey: ['airlift', 'board', planId, which, cursor, limit],
    queryFn: ({ signal }) => api(`/api/airlift/plans/${enc(planId)}/board?${q.toString()}`, ZSortiePage, { signal }),
    refetchInterval: 5000,
    placeholderData: (previous) => previous,
  });
}

/** Sorties per page on the execution board. */
export const BOARD_PAGE = 50;

export function useReconciliation(planId: string) {
  return useQuery({ queryKey: ['airlift', 'reconciliation', planId], queryFn: ({ signal }) => api(`/api/airlift/plans/${enc(planId)}/reconciliation`, ZReconciliation, { signal }), refetchInterval: 5000 });
}

export function useDiscrepancies(planId: string) {
  return useQuery({
    queryKey: ['airlift', 'discrepancies', planId],
    queryFn: async ({ signal }) => (await api(`/api/airlift/plans/${enc(planId)}/discrepancies?status=open`, items(ZDiscrepancy), { signal })).items,
    refetchInterval: 5000,
  });
}

export function useSortie(id: string) {
  return useQuery({ queryKey: ['airlift', 'sortie', id], queryFn: ({ signal }) => api(`/api/airlift/sorties/${enc(id)}`, ZSortieDetail, { signal }), refetchInterval: 5000 });
}

function useAirliftMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: ['airlift'] }) });
}

/** Plans the scoped scenario on the server and stores the plan as a draft. */
export function usePlanScenario() {
  return useAirliftMutation((_: void) => api('/api/airlift/plans', ZPlanSummary, { method: 'POST', body: {} }));
}

export function useApprove() {
  return useAirliftMutation((id: string) => api(`/api/airlift/plans/${enc(id)}/approve`, ZPlanSummary, { method: 'POST' }));
}

const ZDisruptionResult = z.object({ plan: ZPlanSummary, diff: ZReplanDiff });
export function useDisrupt(planId: string) {
  return useAirliftMutation((disruption: TDisruption) => api(`/api/airlift/plans/${enc(planId)}/disrupt`, ZDisruptionResult, { method: 'POST', body: { disruption: ZDisruption.parse(disruption) } }));
}

const ZStatusResult = z.object({ sortie: ZSortie, blockers: z.array(z.string()) });
export function useSortieStatus() {
  return useAirliftMutation((v: { id: string; status: TSortieStatus }) => api(`/api/airlift/sorties/${enc(v.id)}/status`, ZStatusResult, { method: 'POST', body: { status: v.status } }));
}

export function useResolve() {
  return useAirliftMutation((v: { id: string; body: TResolveRequest }) => api(`/api/airlift/discrepancies/${enc(v.id)}/resolve`, ZDiscrepancy, { method: 'POST', body: v.body }));
}

export function usePaperEntry(sortieId: string) {
  return useAirliftMutation((body: TPaperEntryRequest) => api(`/api/airlift/sorties/${enc(sortieId)}/paper`, ZSyncResult, { method: 'POST', body: ZPaperEntryRequest.parse(body) }));
}
