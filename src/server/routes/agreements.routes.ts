import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAgreement, ZAgreementInput, ZAgreementList, ZAgreementListQuery, ZTransitionRequest, changeAgreementStatus, createAgreement, listAgreements, showAgreement,
  type TAgreementInput, type TTransitionRequest,
} from '../../agreements/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { sentBody, ZIdParams } from './present.js';

const T = ['agreements'];
const H = { headers: ZIdempotencyHeaders };

/** Transfer agreements: list, show, create (a draft), change status. */
export const agreementsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/agreements', {
    schema: { tags: T, summary: 'Agreements the caller may see, by code, with their histories', querystring: ZAgreementListQuery, response: { 200: ZAgreementList } },
  }, async (request) => listAgreements(authOf(request).ctx, request.query));
  app.get('/api/agreements/:id', {
    schema: { tags: T, summary: 'One agreement by id or code', params: ZIdParams, response: { 200: ZAgreement } },
  }, async (request) => showAgreement(authOf(request).ctx, request.params.id));
  app.post('/api/agreements', {
    schema: { tags: T, summary: 'Record a new agreement as a draft', ...H, body: ZAgreementInput, response: { 201: ZAgreement } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZAgreement, status: 201, run: (ctx) => createAgreement(ctx, sentBody<TAgreementInput>(request)) }));
  app.post('/api/agreements/:id/status', {
    schema: { tags: T, summary: 'Move an agreement along its lifecycle (draft → negotiating → signed ⇄ suspended)', ...H, params: ZIdParams, body: ZTransitionRequest, response: { 200: ZAgreement } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZAgreement, status: 200, run: (ctx) => changeAgreementStatus(ctx, request.params.id, sentBody<TTransitionRequest>(request)) }));
};
