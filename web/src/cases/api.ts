import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZCaseDetail, ZCaseSummary, ZDeclassRequest, ZEvidenceHits, ZQueue, type TConfirmInput, type TDecisionInput, type TDeclassRequestInput,
} from '../../../src/cases/cases.schemas.js';
import { api } from '../api/client.js';

/*
 * The case pages' reads and writes as TanStack Query hooks over the cases API. Every key starts with `cases`,
 * so a decision or a request refetches every case page and the queue at once.
 */

const ZCaseList = z.object({ items: z.array(ZCaseSummary), marking: z.string() });
const enc = encodeURIComponent;

export function useCases(status: string) {
  const q = status ? `?status=${enc(status)}` : '';
  return useQuery({ queryKey: ['cases', 'list', status], queryFn: ({ signal }) => api(`/api/cases${q}`, ZCaseList, { signal }) });
}

export function useCase(ref: string) {
  return useQuery({ queryKey: ['cases', 'file', ref], queryFn: ({ signal }) => api(`/api/cases/${enc(ref)}`, ZCaseDetail, { signal }) });
}

/** Evidence versions the user may see matching `q` (at least 2 characters; disabled below). */
export function useEvidenceSearch(q: string) {
  return useQuery({
    queryKey: ['cases', 'search', q],
    queryFn: ({ signal }) => api(`/api/evidence/search?q=${enc(q)}&limit=50`, ZEvidenceHits, { signal }),
    enabled: q.trim().length >= 2,
  });
}

export function useQueue(status: string) {
  return useQuery({ queryKey: ['cases', 'queue', status], queryFn: ({ signal }) => api(`/api/declass/queue?status=${enc(status)}`, ZQueue, { signal }) });
}

/** The export address of a case in a format (a download, not a fetch: the browser saves or prints it). */
export function exportHref(ref: string, format: 'markdown' | 'html' | 'pdf'): string {
  return `/api/cases/${enc(ref)}/export?format=${format}`;
}

export function useRequestRelease() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TDeclassRequestInput) => api('/api/declass/requests', ZDeclassRequest, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useDecide(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TDecisionInput) => api(`/api/declass/requests/${enc(id)}/decision`, ZDeclassRequest, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useConfirm(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TConfirmInput) => api(`/api/declass/requests/${enc(id)}/confirmation`, ZDeclassRequest, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}
