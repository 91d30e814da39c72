import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../access/index.js';
import {
  cancelHandover, createAgencyKey, createHandover, currentCheckpoint, custodyCtx, detaineeTimeline, entryProof, exportBundle,
  getConsistencyProof, listAlerts, listHandovers, listKeys, listVerifications, logStatus, placeHistory, recordEvent, rotateAgencyKey, showHandover, signHandover, verifyLog, witnessHead,
  ZAgencyKeyRequest, ZBundle, ZCheckpointInfo, ZConsistencyProof, ZConsistencyQuery, ZCreateHandoverRequest, ZCustodyAlert, ZCustodyKey,
  ZCustodyKeys, ZHandover, ZLogStatus, ZVerificationRun, ZHandoverListQuery, ZLogEntry, ZPlaceHistory, ZRecordEventRequest, ZTimeline, ZVerifyEvent, ZWitnessRequest, ZWitnessResult,
  type Keyring, type TAgencyKeyRequest, type TCreateHandoverRequest, type TRecordEventRequest, type TVerifyEvent, type TWitnessRequest,
} from '../../custody/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { itemsOf, sendNdjson, sentBody, ZIdParams } from './present.js';

const C = ['custody'];
const ZIndexParams = z.strictObject({ index: z.coerce.number().int().min(0) });
const ZRunsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(20) });
const ZVerifyQuery = z.strictObject({ signatures: z.enum(['true', 'false']).default('true').describe('also check every event signature and the chain of custody') });
const text = (description: string) => ({ description, content: { 'text/plain': { schema: z.string() } } });

/** A verification as a stream: progress events while it runs, then the report. */
async function* verifyEvents(ctx: Ctx, signatures: boolean): AsyncGenerator<TVerifyEvent> {
  const queue: TVerifyEvent[] = [];
  let wake: (() => void) | undefined;
  let finished = false;
  let failure: unknown;
  void verifyLog(ctx, { signatures, onProgress: (p) => { queue.push({ type: 'progress', ...p }); wake?.(); } })
    .then((report) => { queue.push({ type: 'result', report }); }, (e: unknown) => { failure = e; })
    .finally(() => { finished = true; wake?.(); });
  for (;;) {
    const next = queue.shift();
    if (next) yield next;
    else if (finished) {
      if (failure !== undefined) throw failure;
      return;
    } else await new Promise<void>((resolve) => { wake = resolve; });
  }
}

/** Options of the custody routes: the keyring with the agencies' and the log's private keys. */
export interface CustodyRouteOptions {
  keyring: Keyring;
}

/** Handovers, custody events, timelines, bundles, proofs, checkpoints, verification, witnessing and keys. */
export const custodyRoutes: FastifyPluginAsyncZod<CustodyRouteOptions> = async (app, { keyring }) => {
  app.get('/api/custody/keys', {
    config: { public: true },
    schema: { tags: C, summary: 'Every published verifier key (the log and each agency), for offline verification', response: { 200: ZCustodyKeys } },
  }, async () => listKeys(app.sallyport.store.db));

  app.post('/api/custody/keys', {
    schema: { tags: C, summary: "Create an agency's first signing key", headers: ZIdempotencyHeaders, body: ZAgencyKeyRequest, response: { 201: ZCustodyKey } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCustodyKey, status: 201, run: (ctx) => createAgencyKey(custodyCtx(ctx, keyring), sentBody<TAgencyKeyRequest>(request)) }));

  app.post('/api/custody/keys/rotate', {
    schema: { tags: C, summary: "Rotate an agency's signing key (older keys stay published)", headers: ZIdempotencyHeaders, body: ZAgencyKeyRequest, response: { 201: ZCustodyKey } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCustodyKey, status: 201, run: (ctx) => rotateAgencyKey(custodyCtx(ctx, keyring), sentBody<TAgencyKeyRequest>(request)) }));

  app.get('/api/custody/checkpoint', {
    schema: { tags: C, summary: "The log's newest signed tree head (a C2SP checkpoint)", response: { 200: ZCheckpointInfo } },
  }, async (request) => currentCheckpoint(authOf(request).ctx));

  app.get('/api/custody/log', {
    schema: { tags: C, summary: "The log page: newest signed head, last verification and the recent ones", response: { 200: ZLogStatus } },
  }, async (request) => logStatus(authOf(request).ctx));

  app.get('/api/custody/verifications', {
    schema: { tags: C, summary: 'Recorded full verifications of the log, newest first', querystring: ZRunsQuery, response: { 200: itemsOf(ZVerificationRun) } },
  }, async (request) => ({ items: await listVerifications(authOf(request).ctx, request.query.limit) }));

  app.get('/api/custody/consistency', {
    schema: { tags: C, summary: 'A consistency proof between two tree sizes', querystring: ZConsistencyQuery, response: { 200: ZConsistencyProof } },
  }, async (request) => getConsistencyProof(authOf(request).ctx, request.query));

  app.get('/api/custody/entries/:index/proof', {
    schema: { tags: C, summary: 'The tlog-proof of one entry (not found when its detainee is unseen)', params: ZIndexParams, response: { 200: text('c2sp.org/tlog-proof@v1') } },
  }, async (request, reply) => reply.header('content-type', 'text/plain; charset=utf-8').send(await entryProof(authOf(request).ctx, request.params.index)));

  app.get('/api/custody/handovers', {
    schema: { tags: C, summary: "The caller's agency's handovers (the pending queue by default)", querystring: ZHandoverListQuery, response: { 200: itemsOf(ZHandover) } },
  }, async (request) => ({ items: await listHandovers(authOf(request).ctx, request.query) }));

  app.get('/api/custody/handovers/:id', {
    schema: { tags: C, summary: 'One handover', params: ZIdParams, response: { 200: ZHandover } },
  }, async (request) => showHandover(authOf(request).ctx, request.params.id));

  app.post('/api/custody/handovers', {
    schema: { tags: C, summary: 'Propose a handover, signed by the releasing agency (pending)', headers: ZIdempotencyHeaders, body: ZCreateHandoverRequest, response: { 201: ZHandover } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZHandover, status: 201, run: (ctx) => createHandover(custodyCtx(ctx, keyring), sentBody<TCreateHandoverRequest>(request)) }));

  app.post('/api/custody/handovers/:id/sign', {
    schema: { tags: C, summary: 'Sign a pending handover as the receiving agency: logged, and the detainee moves', headers: ZIdempotencyHeaders, params: ZIdParams, response: { 200: ZHandover } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZHandover, status: 200, run: (ctx) => signHandover(custodyCtx(ctx, keyring), request.params.id) }));

  app.post('/api/custody/handovers/:id/cancel', {
    schema: { tags: C, summary: 'Withdraw or refuse a pending handover', headers: ZIdempotencyHeaders, params: ZIdParams, response: { 200: ZHandover } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZHandover, status: 200, run: (ctx) => cancelHandover(custodyCtx(ctx, keyring), request.params.id) }));

  app.post('/api/custody/events', {
    schema: { tags: C, summary: 'Record a custody event other than a handover, signed by the custodian', headers: ZIdempotencyHeaders, body: ZRecordEventRequest, response: { 201: ZLogEntry } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZLogEntry, status: 201, run: (ctx) => recordEvent(custodyCtx(ctx, keyring), sentBody<TRecordEventRequest>(request)) }));

  app.get('/api/custody/detainees/:id/timeline', {
    schema: { tags: C, summary: "A detainee's custody timeline with signatures and proof status", params: ZIdParams, response: { 200: ZTimeline } },
  }, async (request) => detaineeTimeline(authOf(request).ctx, request.params.id));

  app.get('/api/custody/places/:id/history', {
    schema: { tags: C, summary: 'How many detainees the log places at a facility or aircraft, day by day', params: ZIdParams, response: { 200: ZPlaceHistory } },
  }, async (request) => placeHistory(authOf(request).ctx, request.params.id));

  app.get('/api/custody/detainees/:id/bundle', {
    schema: { tags: C, summary: "A detainee's proof bundle (sallyport.custody.bundle/1), checkable offline", params: ZIdParams, response: { 200: ZBundle } },
  }, async (request) => exportBundle(authOf(request).ctx, request.params.id));

  app.get('/api/custody/verify', {
    schema: {
      tags: C, summary: 'Verify the whole log from storage: NDJSON progress lines, then the report', querystring: ZVerifyQuery,
      response: { 200: { description: 'progress events, then the result', content: { 'application/x-ndjson': { schema: ZVerifyEvent } } } },
    },
  }, async (request, reply) => sendNdjson(reply, verifyEvents(authOf(request).ctx, request.query.signatures === 'true'), ZVerifyEvent));

  app.post('/api/custody/witness', {
    schema: { tags: C, summary: "Record a tree head the caller's agency has seen; an inconsistent one raises an alert", headers: ZIdempotencyHeaders, body: ZWitnessRequest, response: { 200: ZWitnessResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZWitnessResult, status: 200, run: (ctx) => witnessHead(ctx, sentBody<TWitnessRequest>(request)) }));

  app.get('/api/custody/alerts', {
    schema: { tags: C, summary: 'Custody alerts (split views), newest first', response: { 200: itemsOf(ZCustodyAlert) } },
  }, async (request) => ({ items: await listAlerts(authOf(request).ctx) }));
};
