import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAckRequest, ZAlert, ZAlertList, ZAlertListQuery, ZBacktest, ZBacktestQuery, ZBreachInput, ZConflictEvent, ZConflictEventInput, ZEventListQuery,
  ZEventPage, ZFacilityRisk, ZIndicator, ZIndicatorInput, ZRiskBoard, ZRiskHistory, ZRiskHistoryQuery, ZRiskQuery,
  acknowledgeAlert, backtest, facilityRisk, listAlerts, listEvents, listIndicators, recordBreach, recordEvent, recordIndicator, riskBoard,
  riskHistory, type TAckRequest, type TBreachInput, type TConflictEventInput, type TIndicatorInput,
} from '../../warning/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { sentBody, ZIdParams } from './present.js';
import { eventImportRoute, type EventImportOptions } from './warning-import.js';

const W = ['early warning'];
const H = { headers: ZIdempotencyHeaders };
const ZIndicatorList = z.object({ items: z.array(ZIndicator), marking: z.string() });
const ZBreach = z.object({ facility: z.string(), at: z.string() });

/** Early warning: events, indicators, breaches, the risk board and history, alerts, the back-test. */
export const warningRoutes: FastifyPluginAsyncZod<EventImportOptions> = async (app, opts) => {
  await app.register(eventImportRoute, { limit: opts.limit });
  app.get('/api/warning/risk', {
    schema: { tags: W, summary: 'Every prison and camp the caller may see, riskiest first, with the factors of each', querystring: ZRiskQuery, response: { 200: ZRiskBoard } },
  }, async (request) => riskBoard(authOf(request).ctx, request.query));
  app.get('/api/warning/risk/:id', {
    schema: { tags: W, summary: 'One site\'s breach risk and its factors', params: ZIdParams, querystring: ZRiskQuery, response: { 200: ZFacilityRisk } },
  }, async (request) => facilityRisk(authOf(request).ctx, request.params.id, request.query));
  app.get('/api/warning/risk/:id/history', {
    schema: { tags: W, summary: 'One site\'s risk over time, with its alerts and breach', params: ZIdParams, querystring: ZRiskHistoryQuery, response: { 200: ZRiskHistory } },
  }, async (request) => riskHistory(authOf(request).ctx, request.params.id, request.query));
  app.get('/api/warning/events', {
    schema: { tags: W, summary: 'Conflict events the caller may see, newest first', querystring: ZEventListQuery, response: { 200: ZEventPage } },
  }, async (request) => listEvents(authOf(request).ctx, request.query));
  app.post('/api/warning/events', {
    schema: { tags: W, summary: 'Record one conflict event by hand', ...H, body: ZConflictEventInput, response: { 201: ZConflictEvent } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZConflictEvent, status: 201, run: (ctx) => recordEvent(ctx, sentBody<TConflictEventInput>(request)) }));
  app.post('/api/warning/indicators', {
    schema: { tags: W, summary: 'Record an observation of a site\'s indicators', ...H, body: ZIndicatorInput, response: { 201: ZIndicator } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZIndicator, status: 201, run: (ctx) => recordIndicator(ctx, sentBody<TIndicatorInput>(request)) }));
  app.get('/api/warning/indicators/:id', {
    schema: { tags: W, summary: 'A site\'s indicator observations, oldest first', params: ZIdParams, response: { 200: ZIndicatorList } },
  }, async (request) => listIndicators(authOf(request).ctx, request.params.id));
  app.post('/api/warning/breaches', {
    schema: { tags: W, summary: 'Record that a site fell', ...H, body: ZBreachInput, response: { 201: ZBreach } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBreach, status: 201, run: (ctx) => recordBreach(ctx, sentBody<TBreachInput>(request)) }));
  app.get('/api/warning/alerts', {
    schema: { tags: W, summary: 'Breach-risk alerts the caller may see, newest first', querystring: ZAlertListQuery, response: { 200: ZAlertList } },
  }, async (request) => listAlerts(authOf(request).ctx, request.query));
  app.post('/api/warning/alerts/:id/ack', {
    schema: { tags: W, summary: 'Acknowledge an alert (recorded with who and when)', ...H, params: ZIdParams, body: ZAckRequest, response: { 200: ZAlert } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZAlert, status: 200, run: (ctx) => acknowledgeAlert(ctx, request.params.id, sentBody<TAckRequest>(request)) }));
  app.get('/api/warning/backtest', {
    schema: { tags: W, summary: 'The model replayed over the stored history and scored against the breaches', querystring: ZBacktestQuery, response: { 200: ZBacktest } },
  }, async (request) => backtest(authOf(request).ctx, request.query));
};
