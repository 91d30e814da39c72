import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZAlert, ZAlertList, ZConflictEvent, ZFacilityRisk, ZImportResult, ZIndicator, ZRiskBoard, ZRiskHistory, type TAlert, type TConflictEventInput,
  type TImportResult, type TIndicatorInput,
} from '../../../src/warning/warning.schemas.js';
import { api, ApiError } from '../api/client.js';
import { ZProblemBody } from '../api/schemas.js';

/*
 * The early-warning pages' reads and writes as TanStack Query hooks. Every key starts with `warning`, so an
 * import or an acknowledgement refreshes the board, the site pages and the alerts at once.
 */

const enc = encodeURIComponent;
const asOfParam = (asOf: string | null) => (asOf ? `?asOf=${enc(asOf)}` : '');

export function useRiskBoard(asOf: string | null) {
  return useQuery({ queryKey: ['warning', 'board', asOf], queryFn: ({ signal }) => api(`/api/warning/risk${asOfParam(asOf)}`, ZRiskBoard, { signal }) });
}

export function useFacilityRisk(code: string, asOf: string | null) {
  return useQuery({ queryKey: ['warning', 'risk', code, asOf], queryFn: ({ signal }) => api(`/api/warning/risk/${enc(code)}${asOfParam(asOf)}`, ZFacilityRisk, { signal }) });
}

/** The 60 days to `to` (default now), daily. */
export function useRiskHistory(code: string, to: string | null) {
  const q = to ? `?to=${enc(to)}` : '';
  return useQuery({ queryKey: ['warning', 'history', code, to], queryFn: ({ signal }) => api(`/api/warning/risk/${enc(code)}/history${q}`, ZRiskHistory, { signal }) });
}

export function useAlerts(status: 'open' | 'acknowledged' | null) {
  const q = status ? `?status=${status}` : '';
  return useQuery({ queryKey: ['warning', 'alerts', status], queryFn: ({ signal }) => api(`/api/warning/alerts${q}`, ZAlertList, { signal }) });
}

/** Acknowledges an alert as the signed-in user. */
export function useAcknowledge() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }): Promise<TAlert> =>
      api(`/api/warning/alerts/${enc(id)}/ack`, ZAlert, { method: 'POST', body: note ? { note } : {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
}

/** Uploads an ACLED-layout CSV file (sent as text/csv; the server checks every row before storing any). */
export function useImportEvents() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, marking }: { file: File; marking: string }): Promise<TImportResult> => {
      let res: Response;
      try {
        res = await fetch(`/api/warning/events/import?marking=${enc(marking)}`, {
          method: 'POST', headers: { 'content-type': 'text/csv', accept: 'application/json' }, credentials: 'same-origin', body: await file.text(),
        });
      } catch {
        throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
      }
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const p = ZProblemBody.safeParse(body);
        throw new ApiError(res.status, p.success ? p.data.code : 'HTTP_ERROR', p.success ? (p.data.detail ?? p.data.title ?? res.statusText) : res.statusText, p.success ? p.data.field : undefined);
      }
      return ZImportResult.parse(body);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
}

const ZIndicatorList = z.object({ items: z.array(ZIndicator), marking: z.string() });

export function useIndicators(code: string) {
  return useQuery({ queryKey: ['warning', 'indicators', code], queryFn: ({ signal }) => api(`/api/warning/indicators/${enc(code)}`, ZIndicatorList, { signal }) });
}

/** Records an observation of a site's indicators; the risk and alerts follow. */
export function useRecordIndicator() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TIndicatorInput) => api('/api/warning/indicators', ZIndicator, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
}

/** Records one conflict event by hand. */
export function useRecordEvent() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TConflictEventInput) => api('/api/warning/events', ZConflictEvent, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['warning'] }),
  });
}
