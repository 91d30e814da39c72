import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  buildAgenda, buildSitrep, createAction, createCall, listActions, listCalls, outcomeDashboard, recordAttendance, recordDecision, renderSitrep,
  showCall, updateAction, SITREP_MEDIA_TYPES,
  ZAction, ZActionListQuery, ZActionRequest, ZActionUpdateRequest, ZAgenda, ZAgendaQuery, ZAttendanceRequest, ZCall, ZCallDetail, ZCallListQuery,
  ZCreateCallRequest, ZDate, ZDecision, ZDecisionRequest, ZOutcomes, ZOutcomesQuery, ZSitrep,
  type TActionRequest, type TActionUpdateRequest, type TAttendanceRequest, type TCreateCallRequest, type TDecisionRequest,
} from '../../coordination/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { itemsOf, sentBody, ZIdParams } from './present.js';

const T = ['coordination'];
const H = { headers: ZIdempotencyHeaders };
const ZSitrepDateQuery = z.strictObject({ date: ZDate.optional().describe('default today') });
const ZFormatParams = z.strictObject({ format: z.enum(['md', 'html', 'pdf']) });

/** Calls, attendance, decisions and actions. */
const callRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/coordination/calls', {
    schema: { tags: T, summary: 'Coordination calls the caller may see, newest first', querystring: ZCallListQuery, response: { 200: itemsOf(ZCall) } },
  }, async (request) => ({ items: await listCalls(authOf(request).ctx, request.query) }));
  app.post('/api/coordination/calls', {
    schema: { tags: T, summary: 'Create a coordination call', ...H, body: ZCreateCallRequest, response: { 201: ZCall } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCall, status: 201, run: (ctx) => createCall(ctx, sentBody<TCreateCallRequest>(request)) }));
  app.get('/api/coordination/calls/:id', {
    schema: { tags: T, summary: 'A call with its attendance and the decisions and actions the caller may see', params: ZIdParams, response: { 200: ZCallDetail } },
  }, async (request) => showCall(authOf(request).ctx, request.params.id));
  app.post('/api/coordination/calls/:id/attendance', {
    schema: { tags: T, summary: 'Record who attended a call (or sent apologies)', ...H, params: ZIdParams, body: ZAttendanceRequest, response: { 200: ZCallDetail } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCallDetail, status: 200, run: (ctx) => recordAttendance(ctx, request.params.id, sentBody<TAttendanceRequest>(request)) }));
  app.post('/api/coordination/calls/:id/decisions', {
    schema: { tags: T, summary: 'Record a decision taken on a call', ...H, params: ZIdParams, body: ZDecisionRequest, response: { 201: ZDecision } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDecision, status: 201, run: (ctx) => recordDecision(ctx, request.params.id, sentBody<TDecisionRequest>(request)) }));
  app.post('/api/coordination/calls/:id/actions', {
    schema: { tags: T, summary: 'Record an action item: owner agency, due date', ...H, params: ZIdParams, body: ZActionRequest, response: { 201: ZAction } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZAction, status: 201, run: (ctx) => createAction(ctx, request.params.id, sentBody<TActionRequest>(request)) }));
  app.get('/api/coordination/actions', {
    schema: { tags: T, summary: 'Action items the caller may see, by due date', querystring: ZActionListQuery, response: { 200: itemsOf(ZAction) } },
  }, async (request) => ({ items: await listActions(authOf(request).ctx, request.query) }));
  app.post('/api/coordination/actions/:id/status', {
    schema: { tags: T, summary: 'Move an action along (open, in progress, done, cancelled); done and cancelled are final', ...H, params: ZIdParams, body: ZActionUpdateRequest, response: { 200: ZAction } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZAction, status: 200, run: (ctx) => updateAction(ctx, request.params.id, sentBody<TActionUpdateRequest>(request)) }));
};

/** The agenda, the SITREP and the outcome dashboard. */
const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/coordination/agenda', {
    schema: { tags: T, summary: 'The agenda of a date or a call: what changed since the previous call, as the caller may see it', querystring: ZAgendaQuery, response: { 200: ZAgenda } },
  }, async (request) => buildAgenda(authOf(request).ctx, request.query));
  app.get('/api/coordination/sitrep', {
    schema: { tags: T, summary: 'The situation report of a date, with its banner and portion marks, as data', querystring: ZSitrepDateQuery, response: { 200: ZSitrep } },
  }, async (request) => buildSitrep(authOf(request).ctx, request.query.date));
  app.get('/api/coordination/sitrep/:format', {
    schema: {
      tags: T, summary: 'The situation report of a date as a document: Markdown, printable HTML or PDF', params: ZFormatParams, querystring: ZSitrepDateQuery,
      response: { 200: { description: 'the document', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } } } },
    },
  }, async (request, reply) => {
    const doc = await renderSitrep(await buildSitrep(authOf(request).ctx, request.query.date), request.params.format);
    // The PDF is bytes: Fastify sends a Buffer as it is; the declared schema (a string) only documents it.
    return reply.header('content-type', SITREP_MEDIA_TYPES[request.params.format]).header('cache-control', 'no-store').send(doc as string);
  });
  app.get('/api/coordination/outcomes', {
    schema: { tags: T, summary: 'The outcome dashboard: every figure over time, each only from what the caller may see', querystring: ZOutcomesQuery, response: { 200: ZOutcomes } },
  }, async (request) => outcomeDashboard(authOf(request).ctx, request.query));
};

/** The coordination module's routes. */
export const coordinationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(callRoutes);
  await app.register(reportRoutes);
};
