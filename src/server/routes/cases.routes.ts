import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addEvidence, confirmDeclass, createCase, decideDeclass, declassQueue, expireDeclassRequests, exportCase, listCases, listDeclassRequests,
  recordItemCustody, requestDeclass, searchEvidence, setCaseStatus, showCase, showDeclassRequest, showEvidence, verifyDecision,
  ZAddEvidenceRequest, ZCaseDetail, ZCaseListQuery, ZCaseStatusRequest, ZCaseSummary, ZConfirmInput, ZCreateCaseRequest, ZDecisionCheck,
  ZDecisionInput, ZDeclassRequest, ZDeclassRequestInput, ZEvidenceHits, ZEvidenceItem, ZEvidenceSearchQuery, ZExportQuery, ZItemCustodyRequest,
  ZQueue, ZQueueQuery,
  type TAddEvidenceRequest, type TCaseStatusRequest, type TConfirmInput, type TCreateCaseRequest, type TDecisionInput, type TDeclassRequestInput,
  type TItemCustodyRequest,
} from '../../cases/index.js';
import { custodyCtx, type Keyring } from '../../custody/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { sentBody, ZIdParams } from './present.js';

const C = ['cases'];
const D = ['declassification'];
const H = { headers: ZIdempotencyHeaders };
/** Evidence files are up to 5 MiB, sent as base64 in JSON: the body may reach about 7 MiB. */
export const EVIDENCE_BODY_LIMIT = 8 * 1024 * 1024;
const ZMarked = (item: z.ZodType) => z.object({ items: z.array(item), marking: z.string().describe('banner of every record listed') });
const ZRequestListQuery = z.strictObject({ mine: z.enum(['true', 'false']).optional(), case: z.string().max(64).optional() });
const ZExpired = z.object({ expired: z.array(z.string()) });

/** Options of the cases routes: the keyring holding the agencies' private keys (decisions are signed). */
export interface CasesRouteOptions {
  keyring: Keyring;
}

const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/cases', {
    schema: { tags: C, summary: 'Case files the caller may see, with the evidence items they may see counted', querystring: ZCaseListQuery, response: { 200: ZMarked(ZCaseSummary) } },
  }, async (request) => listCases(authOf(request).ctx, request.query));
  app.post('/api/cases', {
    schema: { tags: C, summary: "Open a case for the caller's agency", ...H, body: ZCreateCaseRequest, response: { 201: ZCaseDetail } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCaseDetail, status: 201, run: (ctx) => createCase(ctx, sentBody<TCreateCaseRequest>(request)) }));
  app.get('/api/cases/:id', {
    schema: { tags: C, summary: 'A case file: detainees, evidence (versions and custody) and readiness, as the caller may see them', params: ZIdParams, response: { 200: ZCaseDetail } },
  }, async (request) => showCase(authOf(request).ctx, request.params.id));
  app.post('/api/cases/:id/status', {
    schema: { tags: C, summary: "Move a case to another status (the prosecutor's agency only)", ...H, params: ZIdParams, body: ZCaseStatusRequest, response: { 200: ZCaseDetail } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCaseDetail, status: 200, run: (ctx) => setCaseStatus(ctx, request.params.id, sentBody<TCaseStatusRequest>(request)) }));
  app.post('/api/cases/:id/evidence', {
    bodyLimit: EVIDENCE_BODY_LIMIT,
    schema: { tags: C, summary: 'Add an evidence item (content up to 5 MiB, allow-listed types) with its marking and first custody steps', ...H, params: ZIdParams, body: ZAddEvidenceRequest, response: { 201: ZEvidenceItem } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZEvidenceItem, status: 201, run: (ctx) => addEvidence(ctx, request.params.id, sentBody<TAddEvidenceRequest>(request)) }));
  app.get('/api/cases/:id/export', {
    schema: {
      tags: C, summary: 'The case file as Markdown, HTML (print styles) or PDF: portion marks on every paragraph, the banner from the parts', params: ZIdParams, querystring: ZExportQuery,
      response: { 200: { description: 'the document', content: { 'text/markdown': { schema: z.string() }, 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() } } } },
    },
  }, async (request, reply) => {
    const doc = await exportCase(authOf(request).ctx, request.params.id, request.query);
    return reply.header('content-type', doc.contentType).header('content-disposition', `attachment; filename="${doc.fileName}"`).header('x-classification', doc.banner).send(doc.body as string); // a Buffer for PDF
  });
  app.get('/api/evidence/search', {
    schema: { tags: C, summary: 'Search the evidence versions the caller may see', querystring: ZEvidenceSearchQuery, response: { 200: ZEvidenceHits } },
  }, async (request) => searchEvidence(authOf(request).ctx, request.query));
  app.get('/api/evidence/:id', {
    schema: { tags: C, summary: 'One evidence item: the versions and custody steps the caller may see', params: ZIdParams, response: { 200: ZEvidenceItem } },
  }, async (request) => showEvidence(authOf(request).ctx, request.params.id));
  app.post('/api/evidence/:id/custody', {
    schema: { tags: C, summary: "Append a step to the item's own chain of custody", ...H, params: ZIdParams, body: ZItemCustodyRequest, response: { 201: ZEvidenceItem } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZEvidenceItem, status: 201, run: (ctx) => recordItemCustody(ctx, request.params.id, sentBody<TItemCustodyRequest>(request)) }));
};

const declassRoutes: FastifyPluginAsyncZod<CasesRouteOptions> = async (app, { keyring }) => {
  app.post('/api/declass/requests', {
    schema: { tags: D, summary: 'Ask that a version of an item be released to a prosecutor or the court', ...H, body: ZDeclassRequestInput, response: { 201: ZDeclassRequest } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDeclassRequest, status: 201, run: (ctx) => requestDeclass(ctx, sentBody<TDeclassRequestInput>(request)) }));
  app.get('/api/declass/requests', {
    schema: { tags: D, summary: 'Requests the caller may see (mine=true: their own)', querystring: ZRequestListQuery, response: { 200: ZMarked(ZDeclassRequest) } },
  }, async (request) => listDeclassRequests(authOf(request).ctx, { mine: request.query.mine === 'true', ...(request.query.case ? { case: request.query.case } : {}) }));
  app.get('/api/declass/requests/:id', {
    schema: { tags: D, summary: 'One request with its signed decision', params: ZIdParams, response: { 200: ZDeclassRequest } },
  }, async (request) => showDeclassRequest(authOf(request).ctx, request.params.id));
  app.get('/api/declass/requests/:id/verify', {
    schema: { tags: D, summary: "Check a decision's Ed25519 signature against the published agency keys", params: ZIdParams, response: { 200: ZDecisionCheck } },
  }, async (request) => verifyDecision(authOf(request).ctx, request.params.id));
  app.get('/api/declass/queue', {
    schema: { tags: D, summary: "The reviewer's queue: requests about their agency's items, original and released versions side by side", querystring: ZQueueQuery, response: { 200: ZQueue } },
  }, async (request) => declassQueue(authOf(request).ctx, request.query));
  app.post('/api/declass/requests/:id/decision', {
    bodyLimit: EVIDENCE_BODY_LIMIT,
    schema: { tags: D, summary: 'Decide: release, redact (new version, lower marking), downgrade (two persons for S and TS) or deny', ...H, params: ZIdParams, body: ZDecisionInput, response: { 200: ZDeclassRequest } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDeclassRequest, status: 200, run: (ctx) => decideDeclass(custodyCtx(ctx, keyring), request.params.id, sentBody<TDecisionInput>(request)) }));
  app.post('/api/declass/requests/:id/confirmation', {
    schema: { tags: D, summary: 'The second reviewer approves or refuses a proposed downgrade of S or TS', ...H, params: ZIdParams, body: ZConfirmInput, response: { 200: ZDeclassRequest } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDeclassRequest, status: 200, run: (ctx) => confirmDeclass(custodyCtx(ctx, keyring), request.params.id, sentBody<TConfirmInput>(request)) }));
  app.post('/api/declass/expire', {
    schema: { tags: D, summary: "Record the expiry of the caller's agency's lapsed requests", ...H, response: { 200: ZExpired } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZExpired, status: 200, run: (ctx) => expireDeclassRequests(ctx) }));
};

/** Case files, evidence, exports and the declassification workflow. */
export const casesRoutes: FastifyPluginAsyncZod<CasesRouteOptions> = async (app, opts) => {
  await app.register(caseRoutes);
  await app.register(declassRoutes, opts);
};
