import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addAgency, addUser, exportAudit, listAgencies, listAudit, listUsers,
  ZAddAgencyRequest, ZAddUserRequest, ZAgency, ZAuditQuery, ZAuditRecord, ZUser,
  type TAddAgencyRequest, type TAddUserRequest,
} from '../../access/index.js';
import { authOf } from '../plugins/auth.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { itemsOf, sendNdjson, sentBody } from './present.js';

const ZAuditPage = z.object({ items: z.array(ZAuditRecord), nextCursor: z.string().nullable() });
const ZAuditExportQuery = ZAuditQuery.omit({ cursor: true, limit: true });
const A = ['access'];
const T = ['audit'];

/** Agencies, users and the audit trail. */
export const accessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/agencies', {
    schema: { tags: A, summary: 'Every agency of the coordination cell', response: { 200: itemsOf(ZAgency) } },
  }, async (request) => ({ items: await listAgencies(authOf(request).ctx.db) }));

  app.post('/api/agencies', {
    schema: { tags: A, summary: 'Add an agency (administrators)', headers: ZIdempotencyHeaders, body: ZAddAgencyRequest, response: { 201: ZAgency } },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZAgency, status: 201, run: (ctx) => addAgency(ctx, sentBody<TAddAgencyRequest>(request)),
  }));

  app.get('/api/users', {
    schema: { tags: A, summary: 'Every user (administrators)', response: { 200: itemsOf(ZUser) } },
  }, async (request) => ({ items: await listUsers(authOf(request).ctx) }));

  app.post('/api/users', {
    schema: { tags: A, summary: 'Add a user (administrators)', headers: ZIdempotencyHeaders, body: ZAddUserRequest, response: { 201: ZUser } },
  }, async (request, reply) => idempotentWrite(request, reply, {
    schema: ZUser, status: 201, secretFields: ['password'], run: (ctx) => addUser(ctx, sentBody<TAddUserRequest>(request)),
  }));

  app.get('/api/audit', {
    schema: { tags: T, summary: 'A page of the audit trail, oldest first (auditors)', querystring: ZAuditQuery, response: { 200: ZAuditPage } },
  }, async (request) => listAudit(authOf(request).ctx, request.query));

  app.get('/api/audit/export', {
    schema: {
      tags: T, summary: 'The filtered audit trail as NDJSON (auditors)', querystring: ZAuditExportQuery,
      response: { 200: { description: 'one audit record per line', content: { 'application/x-ndjson': { schema: ZAuditRecord } } } },
    },
  }, async (request, reply) => sendNdjson(reply, exportAudit(authOf(request).ctx, request.query), ZAuditRecord));
};
