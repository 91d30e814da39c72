import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addFacility, exportDetainees, importDetainees, listDetainees, listFacilities, listReviews, registerDetainee, resolveReview,
  showDetainee, showFacility, updateDetainee, updateFacility,
  ZDetainee, ZDetaineeListQuery, ZDetaineePage, ZFacility, ZFacilityInput, ZFacilityListQuery, ZImportResult,
  ZRegisterDetaineeRequest, ZRegisterDetaineeResult, ZResolveReviewRequest, ZReview, ZUpdateDetaineeRequest, ZUpdateFacilityRequest,
  type TFacilityInput, type TRegisterDetaineeRequest, type TResolveReviewRequest, type TUpdateDetaineeRequest, type TUpdateFacilityRequest,
} from '../../registry/index.js';
import { DomainError } from '../../kernel/index.js';
import { authOf } from '../plugins/auth.js';
import { acceptCsv } from '../plugins/body.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { ServerErrors } from '../server.errors.js';
import { itemsOf, sendNdjson, sentBody, ZIdParams } from './present.js';

/** CSV imports may be large: 20 MiB, against 1 MiB for every other body. */
export const CSV_BODY_LIMIT = 20 * 1024 * 1024;

const ZExportQuery = ZDetaineeListQuery.omit({ cursor: true, offset: true, limit: true });
const ZReviewQuery = z.strictObject({ status: z.enum(['pending', 'accepted', 'rejected']).optional() });
const ZCsvBody = z.string().min(1).describe('CSV with a header row; columns as in `sallyport detainees import --help`');
const D = ['detainees'];
const F = ['facilities'];
const R = ['reviews'];

/** Detainees (list, show, register, update, import, export), facilities, and registration reviews. */
export const registryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/detainees', {
    schema: { tags: D, summary: 'Detainees the caller may see, a page at a time', querystring: ZDetaineeListQuery, response: { 200: ZDetaineePage } },
  }, async (request) => listDetainees(authOf(request).ctx, request.query));

  app.get('/api/detainees.ndjson', {
    schema: {
      tags: D, summary: 'Every detainee the caller may see that matches, as NDJSON (one detainee per line)', querystring: ZExportQuery,
      response: { 200: { description: 'one detainee per line', content: { 'application/x-ndjson': { schema: ZDetainee } } } },
    },
  }, async (request, reply) => sendNdjson(reply, exportDetainees(authOf(request).ctx, request.query), ZDetainee));

  app.get('/api/detainees/:id', {
    schema: { tags: D, summary: 'One detainee by id or ISN (not found when the caller may not see it)', params: ZIdParams, response: { 200: ZDetainee } },
  }, async (request) => showDetainee(authOf(request).ctx, request.params.id));

  app.post('/api/detainees', {
    schema: {
      tags: D, summary: 'Register a detainee (202 when an ISN collision goes to a reviewer)', headers: ZIdempotencyHeaders,
      body: ZRegisterDetaineeRequest, response: { 201: ZRegisterDetaineeResult, 202: ZRegisterDetaineeResult },
    },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZRegisterDetaineeResult,
    status: (r) => (r.status === 'created' ? 201 : 202),
    run: (ctx) => registerDetainee(ctx, sentBody<TRegisterDetaineeRequest>(request)),
  }));

  app.patch('/api/detainees/:id', {
    schema: {
      tags: D, summary: 'Update a detainee at the version last read', headers: ZIdempotencyHeaders, params: ZIdParams,
      body: ZUpdateDetaineeRequest, response: { 200: ZDetainee },
    },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZDetainee, status: 200, run: (ctx) => updateDetainee(ctx, request.params.id, sentBody<TUpdateDetaineeRequest>(request)),
  }));

  // Only the import route takes CSV: the parser is registered in its own scope.
  await app.register(importRoute);

  app.get('/api/facilities', {
    schema: { tags: F, summary: 'Facilities the caller may see', querystring: ZFacilityListQuery, response: { 200: itemsOf(ZFacility) } },
  }, async (request) => ({ items: await listFacilities(authOf(request).ctx, request.query) }));

  app.get('/api/facilities/:id', {
    schema: { tags: F, summary: 'One facility by id or code', params: ZIdParams, response: { 200: ZFacility } },
  }, async (request) => showFacility(authOf(request).ctx, request.params.id));

  app.post('/api/facilities', {
    schema: { tags: F, summary: 'Add a facility', headers: ZIdempotencyHeaders, body: ZFacilityInput, response: { 201: ZFacility } },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZFacility, status: 201, run: (ctx) => addFacility(ctx, sentBody<TFacilityInput>(request)),
  }));

  app.patch('/api/facilities/:id', {
    schema: {
      tags: F, summary: 'Update a facility at the version last read', headers: ZIdempotencyHeaders, params: ZIdParams,
      body: ZUpdateFacilityRequest, response: { 200: ZFacility },
    },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZFacility, status: 200, run: (ctx) => updateFacility(ctx, request.params.id, sentBody<TUpdateFacilityRequest>(request)),
  }));

  app.get('/api/reviews', {
    schema: { tags: R, summary: 'Registration reviews the reviewer may see', querystring: ZReviewQuery, response: { 200: itemsOf(ZReview) } },
  }, async (request) => ({ items: await listReviews(authOf(request).ctx, request.query) }));

  app.post('/api/reviews/:id/resolve', {
    schema: {
      tags: R, summary: 'Resolve a registration review: reject, or register under a new ISN', headers: ZIdempotencyHeaders,
      params: ZIdParams, body: ZResolveReviewRequest, response: { 200: ZReview },
    },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZReview, status: 200, run: (ctx) => resolveReview(ctx, request.params.id, sentBody<TResolveReviewRequest>(request)),
  }));
};

/** `POST /api/detainees/import`: CSV in, all or nothing. */
const importRoute: FastifyPluginAsyncZod = async (app) => {
  acceptCsv(app);
  app.post('/api/detainees/import', {
    bodyLimit: CSV_BODY_LIMIT,
    // Refused before the body is read when it is not CSV.
    preParsing: async (request) => {
      if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
        throw new DomainError('invalid', ServerErrors.UNSUPPORTED_MEDIA_TYPE, 'Content-Type: this route takes text/csv', { field: 'Content-Type', reason: 'expected text/csv' });
      }
    },
    schema: {
      tags: D, summary: 'Import detainees from CSV, all or nothing (rows[] lists every fault)', consumes: ['text/csv'],
      headers: ZIdempotencyHeaders, body: ZCsvBody, response: { 200: ZImportResult },
    },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZImportResult, status: 200, run: (ctx) => importDetainees(ctx, request.body),
  }));
};
