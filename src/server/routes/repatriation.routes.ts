import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { custodyCtx, type Keyring } from '../../custody/index.js';
import {
  cancelBatch, createBatch, handOverBatch, listBatches, listCountries, receiveBatch, recordEngagement, refuseBatch, setCountryStatus, showBatch, showCountry,
  withdrawBatch, worldMap, ZBatch, ZBatchOutcomeRequest, type TBatchOutcomeRequest, ZBatchList, ZBatchQuery, ZCountryBoard, ZCountryList, ZCountryQuery, ZCountrySummary, ZCreateBatchRequest, ZEngagement,
  ZEngagementRequest, ZHandOverRequest, ZStatusRequest, ZWorldMap, type TCreateBatchRequest, type TEngagementRequest, type THandOverRequest,
  type TStatusRequest,
} from '../../repatriation/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { sentBody, ZIdParams } from './present.js';

const T = ['repatriation'];
const H = { headers: ZIdempotencyHeaders };
const ZCountryParams = z.strictObject({ country: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3, e.g. FRA').describe('country of origin') });
const ZCancelBody = z.strictObject({ reason: z.string().trim().max(500).optional() });

/** Options of the repatriation routes: the keyring that signs the batches' custody handovers. */
export interface RepatriationRouteOptions {
  keyring: Keyring;
}

/** Countries of origin (board, engagements, status), the world map, and batches with their handover. */
export const repatriationRoutes: FastifyPluginAsyncZod<RepatriationRouteOptions> = async (app, { keyring }) => {
  app.get('/api/repatriation/countries', {
    schema: { tags: T, summary: 'Countries of origin the caller may see anything of: status, conditions, nationals held and repatriated', querystring: ZCountryQuery, response: { 200: ZCountryList } },
  }, async (request) => listCountries(authOf(request).ctx, request.query));
  app.get('/api/repatriation/map', {
    schema: { tags: T, summary: 'Per country: nationals still held and repatriated, and the status of talks (the world map)', response: { 200: ZWorldMap } },
  }, async (request) => worldMap(authOf(request).ctx));
  app.get('/api/repatriation/countries/:country', {
    schema: { tags: T, summary: 'One country\'s board: nationals by status and age group, children reaching 18, engagements, batches, history', params: ZCountryParams, response: { 200: ZCountryBoard } },
  }, async (request) => showCountry(authOf(request).ctx, request.params.country));
  app.post('/api/repatriation/countries/:country/engagements', {
    schema: { tags: T, summary: 'Record a meeting, note verbale, request or answer', ...H, params: ZCountryParams, body: ZEngagementRequest, response: { 201: ZEngagement } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZEngagement, status: 201, run: (ctx) => recordEngagement(ctx, request.params.country, sentBody<TEngagementRequest>(request)) }));
  app.post('/api/repatriation/countries/:country/status', {
    schema: { tags: T, summary: 'Move a country to a new status (validated transitions) and set its conditions', ...H, params: ZCountryParams, body: ZStatusRequest, response: { 200: ZCountrySummary } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCountrySummary, status: 200, run: (ctx) => setCountryStatus(ctx, request.params.country, sentBody<TStatusRequest>(request)) }));

  app.get('/api/repatriation/batches', {
    schema: { tags: T, summary: 'Repatriation batches the caller may see, newest first', querystring: ZBatchQuery, response: { 200: ZBatchList } },
  }, async (request) => listBatches(authOf(request).ctx, request.query));
  app.post('/api/repatriation/batches', {
    schema: { tags: T, summary: 'Plan a batch: persons to hand over to a country\'s officials (conditions checked)', ...H, body: ZCreateBatchRequest, response: { 201: ZBatch } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBatch, status: 201, run: (ctx) => createBatch(ctx, sentBody<TCreateBatchRequest>(request)) }));
  app.get('/api/repatriation/batches/:id', {
    schema: { tags: T, summary: 'One batch with the members the caller may see', params: ZIdParams, response: { 200: ZBatch } },
  }, async (request) => showBatch(authOf(request).ctx, request.params.id));
  app.post('/api/repatriation/batches/:id/handover', {
    schema: { tags: T, summary: 'Hand over a batch\'s members the caller holds: custody handovers (detainees), camp releases (residents)', ...H, params: ZIdParams, body: ZHandOverRequest, response: { 200: ZBatch } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBatch, status: 200, run: (ctx) => handOverBatch(custodyCtx(ctx, keyring), request.params.id, sentBody<THandOverRequest>(request)) }));
  app.post('/api/repatriation/batches/:id/receive', {
    schema: { tags: T, summary: 'The receiving agency signs the batch\'s custody handovers on receipt', ...H, params: ZIdParams, response: { 200: ZBatch } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBatch, status: 200, run: (ctx) => receiveBatch(custodyCtx(ctx, keyring), request.params.id) }));
  app.post('/api/repatriation/batches/:id/refuse', {
    schema: { tags: T, summary: 'The receiving agency refuses every pending handover of the batch (members recorded as not handed over, with the reason)', ...H, params: ZIdParams, body: ZBatchOutcomeRequest, response: { 200: ZBatch } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBatch, status: 200, run: (ctx) => refuseBatch(custodyCtx(ctx, keyring), request.params.id, sentBody<TBatchOutcomeRequest>(request)) }));
  app.post('/api/repatriation/batches/:id/withdraw', {
    schema: { tags: T, summary: 'The releasing agency withdraws every pending handover of the batch (members recorded as not handed over, with the reason)', ...H, params: ZIdParams, body: ZBatchOutcomeRequest, response: { 200: ZBatch } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBatch, status: 200, run: (ctx) => withdrawBatch(custodyCtx(ctx, keyring), request.params.id, sentBody<TBatchOutcomeRequest>(request)) }));
  app.post('/api/repatriation/batches/:id/cancel', {
    schema: { tags: T, summary: 'Cancel a planned batch', ...H, params: ZIdParams, body: ZCancelBody, response: { 200: ZBatch } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZBatch, status: 200, run: (ctx) => cancelBatch(ctx, request.params.id, sentBody<{ reason?: string }>(request).reason) }));
};
