import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCandidate, ZCandidatePage, ZCandidateQuery, ZComparison, ZDecisionRequest, ZDedupResult, ZEnrollRequest, ZEnrollResult, ZEvaluation, ZIdentity,
  ZPersonRecord, ZUndoRequest, EnrollmentIndex, comparePersons, decideCandidate, dedupGallery, enrollDetainee, evaluateIdentity, exportAn2, importAn2, listCandidates,
  showCandidate, showIdentity, undoDecision, type TDecisionRequest, type TEnrollRequest, type TUndoRequest,
} from '../../identity/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { sentBody, ZIdParams } from './present.js';

const T = ['identity'];
const H = { headers: ZIdempotencyHeaders };
const ZAn2File = z.object({ base64: z.string(), marking: z.string(), enrollmentId: z.string() });
const ZCompareRequest = z.strictObject({ a: ZPersonRecord, b: ZPersonRecord, biometric: z.number().min(-1).max(1).nullable().optional() });

/** Identity: enrollment, the adjudication queue, decisions, identities, interchange, matching, accuracy. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  // The gallery's HNSW index, in this process's memory: opened from the store after the first enrollment
  // (which scans exactly) and kept up to date by every later one; any enrollment it did not see (another
  // process, an import) makes the next one scan exactly and catch it up.
  const index = new EnrollmentIndex(null);
  app.post('/api/identity/enrollments', {
    schema: { tags: T, summary: 'Enroll an encounter; captures below the quality floor are refused with a re-capture prompt; searched 1:N on arrival', ...H, body: ZEnrollRequest, response: { 201: ZEnrollResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZEnrollResult, status: 201, run: (ctx) => enrollDetainee(ctx, sentBody<TEnrollRequest>(request), { index }) }));
  app.get('/api/identity/candidates', {
    schema: { tags: T, summary: 'The adjudication queue: pairs the caller may see, best score first', querystring: ZCandidateQuery, response: { 200: ZCandidatePage } },
  }, async (request) => listCandidates(authOf(request).ctx, request.query));
  app.get('/api/identity/candidates/:id', {
    schema: { tags: T, summary: 'One candidate pair, side by side, with each component of its score', params: ZIdParams, response: { 200: ZCandidate } },
  }, async (request) => showCandidate(authOf(request).ctx, request.params.id));
  app.post('/api/identity/candidates/:id/decision', {
    schema: { tags: T, summary: 'Decide a pair: same, different or unsure, with a reason; "same" links the records under one identity', ...H, params: ZIdParams, body: ZDecisionRequest, response: { 200: ZCandidate } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCandidate, status: 200, run: (ctx) => decideCandidate(ctx, request.params.id, sentBody<TDecisionRequest>(request)) }));
  app.post('/api/identity/candidates/:id/undo', {
    schema: { tags: T, summary: 'Reverse the decision on a pair and put it back in the queue', ...H, params: ZIdParams, body: ZUndoRequest, response: { 200: ZCandidate } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCandidate, status: 200, run: (ctx) => undoDecision(ctx, request.params.id, sentBody<TUndoRequest>(request)) }));
  app.post('/api/identity/dedup', {
    schema: { tags: T, summary: 'Search the whole gallery for duplicates and queue the candidate pairs', ...H, response: { 200: ZDedupResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDedupResult, status: 200, run: (ctx) => dedupGallery(ctx, { threads: 2 }) }));
  app.get('/api/identity/detainees/:id', {
    schema: { tags: T, summary: "A person's identity: linked records, aliases, enrollments, decisions", params: ZIdParams, response: { 200: ZIdentity } },
  }, async (request) => showIdentity(authOf(request).ctx, request.params.id));
  app.get('/api/identity/detainees/:id/an2', {
    schema: { tags: T, summary: "The detainee's latest enrollment as an ANSI/NIST-ITL 1-2011 transaction (the file's bytes, base64)", params: ZIdParams, response: { 200: ZAn2File } },
  }, async (request) => {
    const r = await exportAn2(authOf(request).ctx, request.params.id);
    return { base64: Buffer.from(r.bytes).toString('base64'), marking: r.marking, enrollmentId: r.enrollmentId };
  });
  app.post('/api/identity/an2', {
    schema: { tags: T, summary: 'Import an ANSI/NIST-ITL transaction (body: the file\'s bytes, base64); malformed files are refused naming record and field', ...H, body: z.strictObject({ base64: z.string().min(1).max(8_000_000) }), response: { 201: ZEnrollResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZEnrollResult, status: 201, run: (ctx) => importAn2(ctx, new Uint8Array(Buffer.from(request.body.base64, 'base64'))) }));
  app.post('/api/identity/compare', {
    schema: { tags: T, summary: 'Score two person records with each component\'s contribution', body: ZCompareRequest, response: { 200: ZComparison } },
  }, async (request) => {
    authOf(request);
    return comparePersons(request.body.a, request.body.b, { biometric: request.body.biometric ?? null });
  });
  app.get('/api/identity/evaluation', {
    schema: { tags: T, summary: "Accuracy on the scenario's ground truth: biometrics, names, fused", response: { 200: ZEvaluation } },
  }, async (request) => evaluateIdentity(authOf(request).ctx));
};
