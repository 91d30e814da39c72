import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZBundle, ZCustodyKeys, ZHandover, ZLogStatus, ZTimeline, ZVerifyEvent, type TVerifyEvent, type TVerifyReport,
} from '../../../src/custody/custody.schemas.js';
import { api, ApiError } from '../api/client.js';

/*
 * The custody pages' reads and writes, as TanStack Query hooks over the custody API. Every key starts with
 * `custody`, so signing a handover refetches the queue, the timelines and the log's head at once.
 */

const enc = encodeURIComponent;
const ZHandoverList = z.object({ items: z.array(ZHandover) });

export function useTimeline(isn: string) {
  return useQuery({ queryKey: ['custody', 'timeline', isn], queryFn: ({ signal }) => api(`/api/custody/detainees/${enc(isn)}/timeline`, ZTimeline, { signal }) });
}

/** The detainee's proof bundle: what the browser verifies on its own. */
export function useBundle(isn: string) {
  return useQuery({ queryKey: ['custody', 'bundle', isn], queryFn: ({ signal }) => api(`/api/custody/detainees/${enc(isn)}/bundle`, ZBundle, { signal }) });
}

/** Every published verifier key (public, no session needed). */
export function usePublishedKeys() {
  return useQuery({ queryKey: ['custody', 'keys'], queryFn: ({ signal }) => api('/api/custody/keys', ZCustodyKeys, { signal }) });
}

export function useLogStatus() {
  return useQuery({ queryKey: ['custody', 'log'], queryFn: ({ signal }) => api('/api/custody/log', ZLogStatus, { signal }) });
}

/** The viewer's agency's pending handovers, releasing or receiving. */
export function usePendingHandovers() {
  return useQuery({ queryKey: ['custody', 'handovers', 'pending'], queryFn: async ({ signal }) => (await api('/api/custody/handovers?status=pending&role=any', ZHandoverList, { signal })).items });
}

/** Signs (as the receiving agency) or cancels (either side) a pending handover; then every custody answer is refetched. */
export function useHandoverAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'sign' | 'cancel' }) => api(`/api/custody/handovers/${enc(id)}/${action}`, ZHandover, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['custody'] }),
  });
}

/**
 * Runs a full verification on the server and reads its NDJSON stream: `onEvent` gets each progress line, and the
 * report is returned. @throws ApiError when the server refuses or the stream ends without a report.
 */
export async function streamVerification(signatures: boolean, onEvent: (e: TVerifyEvent) => void, signal?: AbortSignal): Promise<TVerifyReport> {
  const res = await fetch(`/api/custody/verify?signatures=${String(signatures)}`, { credentials: 'same-origin', headers: { accept: 'application/x-ndjson' }, signal });
  if (!res.ok || !res.body) throw new ApiError(res.status, 'HTTP_ERROR', `verification could not start (${res.status} ${res.statusText})`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  let report: TVerifyReport | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim() !== '')) {
      const event = ZVerifyEvent.parse(JSON.parse(line));
      onEvent(event);
      if (event.type === 'result') report = event.report;
    }
    if (done) break;
  }
  if (!report) throw new ApiError(0, 'STREAM_ENDED', 'the verification stream ended without a report');
  return report;
}
