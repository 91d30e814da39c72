import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvePlan, boardSorties, declareDisruption, enterPaperManifest, labelsHtml, labelsPdf, listDiscrepancies, listPlans, manifestCsv, manifestHtml, manifestPdf, manifestSheet,
  planAirlift, planSorties, reconcile, recordScan, releaseManifest, resolveDiscrepancy, savePlan, setSortieStatus, showPlan, showSortie, syncScans,
  wristbandLabels, ZDiscrepancy, ZPaperEntryRequest, ZPlanSummary, ZReconciliation, ZResolveRequest, ZScanRequest, ZScanResult, ZSortie,
  ZBoardQuery, ZSortieDetail, ZSortiePage, ZSortieStatusRequest, ZStoredPlan, ZSyncRequest, ZSyncResult, ZDisruption, ZReplanDiff,
  type TPaperEntryRequest, type TResolveRequest, type TScanRequest, type TSortieStatusRequest,
} from '../../airlift/index.js';
import type { Keyring } from '../../custody/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { itemsOf, sentBody, ZIdParams } from './present.js';

const A = ['airlift-execution'];
const BODY_LIMIT = 64 * 1024 * 1024;
const H = { headers: ZIdempotencyHeaders };
const ZSaveBody = z.strictObject({
  plan: z.record(z.string(), z.unknown()).optional().describe('a plan document; absent: plan the loaded scenario as the caller may see it'),
  name: z.string().trim().min(1).max(200).optional(),
});
const ZDisruptionResult = z.object({ plan: ZPlanSummary, diff: ZReplanDiff });
const ZStatusResult = z.object({ sortie: ZSortie, blockers: z.array(z.string()) });
const ZReleaseResult = z.object({ proposed: z.array(z.object({ isn: z.string(), handover: z.string() })), skipped: z.array(z.object({ isn: z.string(), reason: z.string() })) });
const ZDiscrepancyQuery = z.strictObject({ status: z.enum(['open', 'resolved']).optional() });
const ZPrintQuery = z.strictObject({ format: z.enum(['html', 'pdf', 'csv']).default('html') });
const ZWristbandQuery = z.strictObject({
  facility: z.string().min(1).max(64).optional(), sortie: z.string().min(1).max(64).optional(), format: z.enum(['html', 'pdf']).default('html'),
});
const file = (description: string) => ({ description, content: { 'text/html': { schema: z.string() }, 'application/pdf': { schema: z.string() }, 'text/csv': { schema: z.string() } } });

function sendFile(reply: FastifyReply, kind: 'html' | 'pdf' | 'csv', body: string | Buffer, name: string): FastifyReply {
  const type = kind === 'html' ? 'text/html; charset=utf-8' : kind === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8';
  if (kind !== 'html') reply.header('content-disposition', `attachment; filename="${name}.${kind}"`);
  return reply.header('content-type', type).header('cache-control', 'no-store').send(body);
}

/** Options: the keyring that signs boarding and arrival into the custody log. */
export interface AirliftExecutionRouteOptions {
  keyring: Keyring;
}

/** Stored plans, sorties, scans (one or a scanner's queue), discrepancies, reconciliation, wristbands and manifests. */
export const airliftExecutionRoutes: FastifyPluginAsyncZod<AirliftExecutionRouteOptions> = async (app, { keyring }) => {
  app.get('/api/airlift/plans', {
    schema: { tags: A, summary: 'Stored plans the caller may see, newest first', response: { 200: itemsOf(ZPlanSummary) } },
  }, async (request) => ({ items: await listPlans(authOf(request).ctx) }));

  app.post('/api/airlift/plans', {
    bodyLimit: BODY_LIMIT,
    schema: { tags: A, summary: 'Store a plan for execution (a draft); without a plan, plan the scoped scenario first', ...H, body: ZSaveBody, response: { 201: ZPlanSummary } },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZPlanSummary, status: 201,
    run: async (ctx) => savePlan(ctx, { plan: request.body.plan ?? (await planAirlift(ctx, { allowUndelivered: true })), name: request.body.name }),
  }));

  app.get('/api/airlift/plans/:id', {
    schema: { tags: A, summary: 'A stored plan with its document, disruption and diff', params: ZIdParams, response: { 200: ZStoredPlan } },
  }, async (request) => showPlan(authOf(request).ctx, request.params.id));

  app.post('/api/airlift/plans/:id/approve', {
    schema: { tags: A, summary: 'Check and approve a draft; a re-plan supersedes its parent and keeps the sorties flown', params: ZIdParams, ...H, response: { 200: ZPlanSummary } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZPlanSummary, status: 200, run: (ctx) => approvePlan(ctx, request.params.id) }));

  app.post('/api/airlift/plans/:id/disrupt', {
    schema: { tags: A, summary: 'Declare a disruption: re-plan keeping the sorties started; the draft and its diff', params: ZIdParams, ...H, body: z.strictObject({ disruption: ZDisruption }), response: { 200: ZDisruptionResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDisruptionResult, status: 200, run: (ctx) => declareDisruption(ctx, request.params.id, sentBody<{ disruption: unknown }>(request).disruption) }));

  app.get('/api/airlift/plans/:id/sorties', {
    schema: { tags: A, summary: "A plan's sorties with manifest sizes and open discrepancies", params: ZIdParams, response: { 200: itemsOf(ZSortie) } },
  }, async (request) => ({ items: await planSorties(authOf(request).ctx, request.params.id) }));

  app.get('/api/airlift/plans/:id/board', {
    schema: { tags: A, summary: "The execution board's sorties, a page at a time: in progress or all, in order of departure, with the total", params: ZIdParams, querystring: ZBoardQuery, response: { 200: ZSortiePage } },
  }, async (request) => boardSorties(authOf(request).ctx, request.params.id, request.query));

  app.get('/api/airlift/plans/:id/reconciliation', {
    schema: { tags: A, summary: 'Where everyone is: counts by kind of place and by place, summing to the total', params: ZIdParams, response: { 200: ZReconciliation } },
  }, async (request) => reconcile(authOf(request).ctx, request.params.id));

  app.get('/api/airlift/plans/:id/discrepancies', {
    schema: { tags: A, summary: "The operation's discrepancies", params: ZIdParams, querystring: ZDiscrepancyQuery, response: { 200: itemsOf(ZDiscrepancy) } },
  }, async (request) => ({ items: await listDiscrepancies(authOf(request).ctx, { plan: request.params.id, ...(request.query.status ? { status: request.query.status } : {}) }) }));

  app.get('/api/airlift/sorties/:id', {
    schema: { tags: A, summary: 'A sortie with its manifest (boarded, arrived, place of each) and discrepancies', params: ZIdParams, response: { 200: ZSortieDetail } },
  }, async (request) => showSortie(authOf(request).ctx, request.params.id));

  app.get('/api/airlift/sorties/:id/manifest', {
    schema: { tags: A, summary: "A sortie's manifest to print (HTML, PDF with tick boxes) or export (CSV)", params: ZIdParams, querystring: ZPrintQuery, response: { 200: file('the manifest') } },
  }, async (request, reply) => {
    const sheet = await manifestSheet(authOf(request).ctx, request.params.id);
    const f = request.query.format;
    const name = `manifest-${sheet.sortie.label.replace(/[^A-Za-z0-9-]/g, '_')}`;
    return sendFile(reply, f, f === 'html' ? manifestHtml(sheet) : f === 'pdf' ? await manifestPdf(sheet) : manifestCsv(sheet), name);
  });

  app.post('/api/airlift/sorties/:id/status', {
    schema: { tags: A, summary: 'Move a sortie along its statuses; a close answers what blocks it', params: ZIdParams, body: ZSortieStatusRequest, response: { 200: ZStatusResult } },
  }, async (request) => setSortieStatus(authOf(request).ctx, request.params.id, sentBody<TSortieStatusRequest>(request)));

  app.post('/api/airlift/sorties/:id/release', {
    schema: { tags: A, summary: 'The holding agency proposes custody handovers onto the aircraft for the manifest', params: ZIdParams, ...H, response: { 200: ZReleaseResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZReleaseResult, status: 200, run: (ctx) => releaseManifest({ ...ctx, keyring }, request.params.id) }));

  app.post('/api/airlift/sorties/:id/paper', {
    schema: { tags: A, summary: 'Enter a printed manifest back: each ticked ISN becomes a scan', params: ZIdParams, ...H, body: ZPaperEntryRequest, response: { 200: ZSyncResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZSyncResult, status: 200, run: (ctx) => enterPaperManifest({ ...ctx, keyring }, request.params.id, sentBody<TPaperEntryRequest>(request)) }));

  app.post('/api/airlift/scans', {
    schema: { tags: A, summary: 'One boarding or arrival scan (idempotent on its scanner-generated id)', ...H, body: ZScanRequest, response: { 200: ZScanResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZScanResult, status: 200, run: (ctx) => recordScan({ ...ctx, keyring }, sentBody<TScanRequest>(request)) }));

  app.post('/api/airlift/scans/sync', {
    schema: { tags: A, summary: "A scanner's offline queue: each scan stored once, in order; refusals listed per scan", body: ZSyncRequest, response: { 200: ZSyncResult } },
  }, async (request) => syncScans({ ...authOf(request).ctx, keyring }, sentBody<{ scans: TScanRequest[] }>(request).scans));

  app.post('/api/airlift/discrepancies/:id/resolve', {
    schema: { tags: A, summary: 'Settle a discrepancy: accept, void or place, with a note', params: ZIdParams, ...H, body: ZResolveRequest, response: { 200: ZDiscrepancy } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDiscrepancy, status: 200, run: (ctx) => resolveDiscrepancy(ctx, request.params.id, sentBody<TResolveRequest>(request)) }));

  app.get('/api/airlift/wristbands', {
    schema: { tags: A, summary: 'Printable wristband labels (QR: ISN with its check character) of a facility or a sortie', querystring: ZWristbandQuery, response: { 200: file('the labels') } },
  }, async (request, reply) => {
    const { facility, sortie, format } = request.query;
    const labels = await wristbandLabels(authOf(request).ctx, { ...(facility ? { facility } : {}), ...(sortie ? { sortie } : {}) });
    return sendFile(reply, format, format === 'html' ? await labelsHtml(labels) : await labelsPdf(labels), 'wristbands');
  });
};
