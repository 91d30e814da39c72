import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZResidentPage } from '../../../src/camps/camps.schemas.js';
import {
  ZBatch, ZCountryBoard, ZCountryList, ZCountrySummary, ZEngagement, ZWorldMap, type TCreateBatchRequest, type TEngagementRequest, type THandOverRequest, type TBatchOutcomeRequest,
  type TStatusRequest,
} from '../../../src/repatriation/repatriation.schemas.js';
import { api } from '../api/client.js';
import { ZDetaineePage } from '../api/schemas.js';

/*
 * The repatriation pages' reads and writes as TanStack Query hooks. Every key starts with `repatriation`, so a
 * write refetches the board, the list and the map at once; a handover also changes detainees and camps.
 */

const enc = encodeURIComponent;

export function useOriginCountries() {
  return useQuery({ queryKey: ['repatriation', 'countries'], queryFn: ({ signal }) => api('/api/repatriation/countries', ZCountryList, { signal }) });
}

export function useWorldMap() {
  return useQuery({ queryKey: ['repatriation', 'map'], queryFn: ({ signal }) => api('/api/repatriation/map', ZWorldMap, { signal }) });
}

export function useCountryBoard(country: string) {
  return useQuery({ queryKey: ['repatriation', 'board', country], queryFn: ({ signal }) => api(`/api/repatriation/countries/${enc(country)}`, ZCountryBoard, { signal }) });
}

/** Who could join a batch: the country's detainees held and camp residents present that the user may see. */
export function useCandidates(country: string, enabled: boolean) {
  const detainees = useQuery({
    queryKey: ['repatriation', 'candidates', 'detainees', country],
    queryFn: ({ signal }) => api(`/api/detainees?nationality=${enc(country)}&status=held&limit=200`, ZDetaineePage, { signal }),
    enabled,
  });
  const residents = useQuery({
    queryKey: ['repatriation', 'candidates', 'residents', country],
    queryFn: ({ signal }) => api(`/api/camps/residents?nationality=${enc(country)}&status=resident&limit=200`, ZResidentPage, { signal }),
    enabled,
  });
  return { detainees, residents };
}

function useInvalidate() {
  const client = useQueryClient();
  return () => Promise.all([
    client.invalidateQueries({ queryKey: ['repatriation'] }),
    client.invalidateQueries({ queryKey: ['detainees'] }),
    client.invalidateQueries({ queryKey: ['camps'] }),
  ]);
}

export function useEngage(country: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TEngagementRequest) => api(`/api/repatriation/countries/${enc(country)}/engagements`, ZEngagement, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useSetStatus(country: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TStatusRequest) => api(`/api/repatriation/countries/${enc(country)}/status`, ZCountrySummary, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useCreateBatch() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: TCreateBatchRequest) => api('/api/repatriation/batches', ZBatch, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/**
 * Hand over (the holders), receive (the country's agency), refuse (the country's agency) or withdraw (the
 * holders) the pending handovers, or cancel (planned only) a batch.
 */
export function useBatchAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'handover' | 'receive' | 'refuse' | 'withdraw' | 'cancel'; body?: THandOverRequest | TBatchOutcomeRequest | { reason?: string } }) =>
      api(`/api/repatriation/batches/${enc(id)}/${action}`, ZBatch, { method: 'POST', ...(action === 'receive' ? {} : { body: body ?? {} }) }),
    onSuccess: invalidate,
  });
}
