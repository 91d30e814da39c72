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

/** How far an upload has got: bytes sent of the file's size; `sent === total` while the server checks and stores. */
export interface UploadProgress {
  sent: number;
  total: number;
}

/**
 * Sends `file` as the request body (the browser streams it from disk, never read whole into a string), through
 * XMLHttpRequest because fetch reports no upload progress.
 */
function uploadCsv(url: string, file: File, onProgress: (p: UploadProgress) => void): Promise<TImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onProgress({ sent: file.size, total: file.size });
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the status alone must do.
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(ZImportResult.parse(body));
        return;
      }
      const p = ZProblemBody.safeParse(body);
      reject(new ApiError(xhr.status, p.success ? p.data.code : 'HTTP_ERROR', p.success ? (p.data.detail ?? p.data.title ?? xhr.statusText) : xhr.statusText, p.success ? p.data.field : undefined));
    };
    xhr.send(file);
  });
}

/** Imports an ACLED-layout CSV file, all or nothing; `onProgress` follows the upload. */
export function useImportEvents(onProgress: (p: UploadProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, marking }: { file: File; marking: string }): Promise<TImportResult> => uploadCsv(`/api/warning/events/import?marking=${enc(marking)}`, file, onProgress),
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
