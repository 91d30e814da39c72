import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkPlan, exportInstance, planAirlift, ZConditionByHand, ZViolation } from '../../airlift/index.js';
import { authOf } from '../plugins/auth.js';

/** Instances and plans of the reference scenario run to a few MiB. */
const AIRLIFT_BODY_LIMIT = 64 * 1024 * 1024;
const A = ['airlift'];
// Instances and plans are documents of formats/airlift.md; their full shape is the JSON Schemas in docs/formats.
const ZDocument = z.record(z.string(), z.unknown()).describe('a document of formats/airlift.md (see docs/formats/*.schema.json)');
const ZPlanRequest = z.strictObject({
  instance: ZDocument.optional().describe('the instance to plan; absent: the loaded scenario as the caller may see it'),
  allowUndelivered: z.boolean().default(false),
});
const ZCheckResult = z.object({ valid: z.boolean(), violations: z.array(ZViolation), objective: z.unknown(), conditionsByHand: z.array(ZConditionByHand).optional().describe('agreement conditions no program checks: a person must') });

/** The airlift planner: export an instance, plan, check. */
export const airliftRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/airlift/instance', {
    schema: { tags: A, summary: 'The loaded scenario as a planning instance, limited to what the caller may see', response: { 200: ZDocument } },
  }, async (request) => exportInstance(authOf(request).ctx));

  app.post('/api/airlift/plan', {
    bodyLimit: AIRLIFT_BODY_LIMIT,
    schema: { tags: A, summary: 'Plan an instance (or the scoped scenario): legs, objective, lower bound', body: ZPlanRequest, response: { 200: ZDocument } },
  }, async (request) => planAirlift(authOf(request).ctx, request.body));

  app.post('/api/airlift/check', {
    bodyLimit: AIRLIFT_BODY_LIMIT,
    schema: { tags: A, summary: 'Check a plan against its embedded instance: every violated rule', body: ZDocument, response: { 200: ZCheckResult } },
  }, async (request) => {
    authOf(request);
    return checkPlan(request.body);
  });
};
