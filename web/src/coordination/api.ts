import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ZAction, ZAgenda, ZCall, ZCallDetail, ZDecision, ZOutcomes, ZSitrep,
  type TActionRequest, type TActionUpdateRequest, type TAttendanceRequest, type TCreateCallRequest, type TDecisionRequest,
} from '../../../src/coordination/coordination.schemas.js';
import { api } from '../api/client.js';

/*
 * The coordination pages' reads and writes, as TanStack Query hooks over the coordination API. Every key
 * starts with `coordination`, so any write refetches every call, agenda, SITREP and figure shown.
 */

const ZCallList = z.object({ items: z.array(ZCall) });
const ZActionList = z.object({ items: z.array(ZAction) });
const enc = encodeURIComponent;

export function useCalls() {
  return useQuery({ queryKey: ['coordination', 'calls'], queryFn: async ({ signal }) => (await api('/api/coordination/calls', ZCallList, { signal })).items });
}

export function useCall(id: string) {
  return useQuery({ queryKey: ['coordination', 'call', id], queryFn: ({ signal }) => api(`/api/coordination/calls/${enc(id)}`, ZCallDetail, { signal }) });
}

/** The agenda of a call, or of a date when no call is given. */
export function useAgenda(q: { call?: string; date?: string }) {
  const params = new URLSearchParams(q.call ? { call: q.call } : q.date ? { date: q.date } : {});
  return useQuery({ queryKey: ['coordination', 'agenda', q.call ?? null, q.date ?? null], queryFn: ({ signal }) => api(`/api/coordination/agenda?${params.toString()}`, ZAgenda, { signal }) });
}

export function useActions(status: 'active' | 'overdue' | undefined) {
  return useQuery({
    queryKey: ['coordination', 'actions', status ?? 'all'],
    queryFn: async ({ signal }) => (await api(`/api/coordination/actions${status ? `?status=${status}` : ''}`, ZActionList, { signal })).items,
  });
}

export function useSitrep(date: string) {
  return useQuery({ queryKey: ['coordination', 'sitrep', date], queryFn: ({ signal }) => api(`/api/coordination/sitrep?date=${enc(date)}`, ZSitrep, { signal }) });
}

export function useOutcomes(asOf: string | null) {
  return useQuery({
    queryKey: ['coordination', 'outcomes', asOf],
    queryFn: ({ signal }) => api(`/api/coordination/outcomes${asOf ? `?asOf=${enc(asOf)}` : ''}`, ZOutcomes, { signal }),
  });
}

function useWrite<I, S extends z.ZodType>(path: (input: I) => string, schema: S, body: (input: I) => unknown) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api(path(input), schema, { method: 'POST', body: body(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coordination'] }),
  });
}

export function useCreateCall() {
  return useWrite((_: TCreateCallRequest) => '/api/coordination/calls', ZCall, (i) => i);
}

export function useAttend(call: string) {
  return useWrite((_: TAttendanceRequest) => `/api/coordination/calls/${enc(call)}/attendance`, ZCallDetail, (i) => i);
}

export function useDecide(call: string) {
  return useWrite((_: TDecisionRequest) => `/api/coordination/calls/${enc(call)}/decisions`, ZDecision, (i) => i);
}

export function useAct(call: string) {
  return useWrite((_: TActionRequest) => `/api/coordination/calls/${enc(call)}/actions`, ZAction, (i) => i);
}

export function useUpdateAction() {
  return useWrite((i: TActionUpdateRequest & { id: string }) => `/api/coordination/actions/${enc(i.id)}/status`, ZAction, ({ id: _id, ...rest }) => rest);
}
