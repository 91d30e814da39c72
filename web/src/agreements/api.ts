import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZAgreement, ZAgreementList, type TAgreementInput, type TAgreementStatus } from '../../../src/agreements/agreements.schemas.js';
import { api } from '../api/client.js';

/* Agreements: the list, one agreement, and status changes. Keys start with `agreements`. */

const enc = encodeURIComponent;

export function useAgreements(status: TAgreementStatus | null = null) {
  const q = status ? `?status=${status}` : '';
  return useQuery({ queryKey: ['agreements', 'list', status], queryFn: ({ signal }) => api(`/api/agreements${q}`, ZAgreementList, { signal }) });
}

export function useAgreement(code: string) {
  return useQuery({ queryKey: ['agreements', 'one', code], queryFn: ({ signal }) => api(`/api/agreements/${enc(code)}`, ZAgreement, { signal }) });
}

/** Moves an agreement to another status (guarded by the version the page shows). */
export function useChangeStatus(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { to: TAgreementStatus; version: number; note?: string }) => api(`/api/agreements/${enc(code)}/status`, ZAgreement, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agreements'] }),
  });
}

/** Records a new agreement (a draft). */
export function useCreateAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAgreementInput) => api('/api/agreements', ZAgreement, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agreements'] }),
  });
}
