import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZCandidate, ZCandidatePage, ZEnrollResult, ZIdentity, type TDecisionRequest, type TEnrollRequest,
} from '../../../src/identity/identity.schemas.js';
import { api } from '../api/client.js';

/*
 * The identity pages' reads and writes over the identity API. Every key starts with `identity`, so a decision
 * refreshes the queue, the pair and the identity pages at once.
 */

const enc = encodeURIComponent;

export function useCandidates(status: 'pending' | 'same' | 'different' | 'unsure') {
  return useQuery({ queryKey: ['identity', 'candidates', status], queryFn: ({ signal }) => api(`/api/identity/candidates?status=${status}&limit=200`, ZCandidatePage, { signal }) });
}

export function useCandidate(id: string) {
  return useQuery({ queryKey: ['identity', 'candidate', id], queryFn: ({ signal }) => api(`/api/identity/candidates/${enc(id)}`, ZCandidate, { signal }) });
}

export function useIdentity(id: string) {
  return useQuery({ queryKey: ['identity', 'detainee', id], queryFn: ({ signal }) => api(`/api/identity/detainees/${enc(id)}`, ZIdentity, { signal }) });
}

export function useDecide(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TDecisionRequest) => api(`/api/identity/candidates/${enc(id)}/decision`, ZCandidate, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['identity'] }),
  });
}

export function useUndo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) => api(`/api/identity/candidates/${enc(v.id)}/undo`, ZCandidate, { method: 'POST', body: { reason: v.reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['identity'] }),
  });
}

export function useEnroll() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TEnrollRequest) => api('/api/identity/enrollments', ZEnrollResult, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['identity'] }),
  });
}
