import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assignToProgramme, campAuthority, decideDuplicateReview, endGuardianship, listDuplicateReviews, campCohorts, campOverview, campPopulation, createProgramme, exportResidents, handoverCamp, householdGraph,
  importResidents, listCamps, listHouseholds, listProgrammes, listResidents, programmeWorklist, recordAgreement, recordAttendance,
  recordFamilyLink, recordGuardian, recordMovement, releaseResidents, residentGraph, showHousehold, showResident,
  ZAgreementRequest, ZAssignRequest, ZAttendanceRequest, ZCampAuthority, ZCampOverview, ZCampPopulation, ZCampResident, ZCampResidentDetail,
  ZCampSummary, ZCohortQuery, ZCohorts, ZFamilyGraph, ZFamilyLinkRequest, ZGuardianRequest, ZHandoverRequest, ZHouseholdDetail,
  ZHouseholdListQuery, ZHouseholdPage, ZMovement, ZMovementRequest, ZPopulationQuery, ZProgramme, ZProgrammeInput, ZProgrammeListQuery,
  ZRecorded, ZReleaseRequest, ZReleaseResult, ZResidentImportResult, ZResidentListQuery, ZResidentPage, ZWorklist, ZWorklistQuery,
  type TAgreementRequest, type TAssignRequest, type TAttendanceRequest, type TFamilyLinkRequest, type TGuardianRequest, type THandoverRequest,
  type TMovementRequest, type TProgrammeInput, type TReleaseRequest,
  ZDuplicateDecision, ZDuplicateReview, ZDuplicateReviewQuery, ZEndGuardianshipRequest, ZEndGuardianshipResult, type TDuplicateDecision, type TEndGuardianshipRequest,
} from '../../camps/index.js';
import { DomainError } from '../../kernel/index.js';
import { authOf } from '../plugins/auth.js';
import { acceptCsv } from '../plugins/body.js';
import { idempotentWrite, ZIdempotencyHeaders } from '../plugins/idempotency.js';
import { ServerErrors } from '../server.errors.js';
import { itemsOf, sendNdjson, sentBody, ZIdParams } from './present.js';
import { CSV_BODY_LIMIT } from './registry.routes.js';

const C = ['camps'];
const R = ['camp residents'];
const P = ['camp programmes'];
const H = { headers: ZIdempotencyHeaders };
const ZExportQuery = ZResidentListQuery.omit({ cursor: true, limit: true });
const ZAttendanceResult = z.object({ recorded: z.number() });

/** Residents, households and their family graphs, movements, guardians and family links. */
const residentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/camps/residents', {
    schema: { tags: R, summary: 'Camp residents the caller may see, a page at a time; withheld fields are left out', querystring: ZResidentListQuery, response: { 200: ZResidentPage } },
  }, async (request) => listResidents(authOf(request).ctx, request.query));
  app.get('/api/camps/residents.ndjson', {
    schema: {
      tags: R, summary: 'Every camp resident the caller may see that matches, as NDJSON', querystring: ZExportQuery,
      response: { 200: { description: 'one resident per line', content: { 'application/x-ndjson': { schema: ZCampResident } } } },
    },
  }, async (request, reply) => sendNdjson(reply, exportResidents(authOf(request).ctx, request.query), ZCampResident));
  app.get('/api/camps/residents/:id', {
    schema: { tags: R, summary: 'One resident with guardians, family links, movements and programmes, as the caller may see them', params: ZIdParams, response: { 200: ZCampResidentDetail } },
  }, async (request) => showResident(authOf(request).ctx, request.params.id));
  app.get('/api/camps/residents/:id/graph', {
    schema: { tags: R, summary: 'The family graph around a resident', params: ZIdParams, response: { 200: ZFamilyGraph } },
  }, async (request) => residentGraph(authOf(request).ctx, request.params.id));
  app.post('/api/camps/residents/:id/guardians', {
    schema: { tags: R, summary: 'Record a child\'s guardian', ...H, params: ZIdParams, body: ZGuardianRequest, response: { 201: ZRecorded } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZRecorded, status: 201, run: (ctx) => recordGuardian(ctx, request.params.id, sentBody<TGuardianRequest>(request)) }));
  app.post('/api/camps/residents/:id/links', {
    schema: { tags: R, summary: 'Record a family link: to a resident, a detainee, or a relative abroad', ...H, params: ZIdParams, body: ZFamilyLinkRequest, response: { 201: ZRecorded } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZRecorded, status: 201, run: (ctx) => recordFamilyLink(ctx, request.params.id, sentBody<TFamilyLinkRequest>(request)) }));
  app.post('/api/camps/movements', {
    schema: { tags: R, summary: 'Record an arrival, a transfer, a death or a person unaccounted for', ...H, body: ZMovementRequest, response: { 201: ZMovement } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZMovement, status: 201, run: (ctx) => recordMovement(ctx, sentBody<TMovementRequest>(request)) }));
  app.get('/api/camps/households', {
    schema: { tags: R, summary: 'Households the caller may see', querystring: ZHouseholdListQuery, response: { 200: ZHouseholdPage } },
  }, async (request) => listHouseholds(authOf(request).ctx, request.query));
  app.get('/api/camps/households/:id', {
    schema: { tags: R, summary: 'One household with its members', params: ZIdParams, response: { 200: ZHouseholdDetail } },
  }, async (request) => showHousehold(authOf(request).ctx, request.params.id));
  app.get('/api/camps/households/:id/graph', {
    schema: { tags: R, summary: 'The family graph of a household, links to detainees included when allowed', params: ZIdParams, response: { 200: ZFamilyGraph } },
  }, async (request) => householdGraph(authOf(request).ctx, request.params.id));
};

/** Cohorts, the work list and programmes. */
const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/camps/cohorts', {
    schema: { tags: P, summary: 'Children reaching 12, 15 and 18 per month, per camp and nationality', querystring: ZCohortQuery, response: { 200: ZCohorts } },
  }, async (request) => campCohorts(authOf(request).ctx, request.query));
  app.get('/api/camps/worklist', {
    schema: { tags: P, summary: 'Children reaching an age soon, with their programmes, soonest first', querystring: ZWorklistQuery, response: { 200: ZWorklist } },
  }, async (request) => programmeWorklist(authOf(request).ctx, request.query));
  app.get('/api/camps/programmes', {
    schema: { tags: P, summary: 'Programmes of the camps whose records show the caller programmes', querystring: ZProgrammeListQuery, response: { 200: itemsOf(ZProgramme) } },
  }, async (request) => ({ items: await listProgrammes(authOf(request).ctx, request.query) }));
  app.post('/api/camps/programmes', {
    schema: { tags: P, summary: 'Create a programme', ...H, body: ZProgrammeInput, response: { 201: ZProgramme } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZProgramme, status: 201, run: (ctx) => createProgramme(ctx, sentBody<TProgrammeInput>(request)) }));
  app.post('/api/camps/programmes/:id/assignments', {
    schema: { tags: P, summary: 'Assign residents to a programme (by programme code)', ...H, params: ZIdParams, body: ZAssignRequest, response: { 200: ZProgramme } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZProgramme, status: 200, run: (ctx) => assignToProgramme(ctx, request.params.id, sentBody<TAssignRequest>(request)) }));
  app.post('/api/camps/programmes/:id/attendance', {
    schema: { tags: P, summary: 'Record attendance of a session', ...H, params: ZIdParams, body: ZAttendanceRequest, response: { 200: ZAttendanceResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZAttendanceResult, status: 200, run: (ctx) => recordAttendance(ctx, request.params.id, sentBody<TAttendanceRequest>(request)) }));
};

/** `POST /api/camps/import`: residents from CSV, all or nothing. */
const importRoute: FastifyPluginAsyncZod = async (app) => {
  acceptCsv(app);
  app.post('/api/camps/import', {
    bodyLimit: CSV_BODY_LIMIT,
    preParsing: async (request) => {
      if (!/^text\/csv\s*(;|$)/i.test(request.headers['content-type'] ?? '')) {
        throw new DomainError('invalid', ServerErrors.UNSUPPORTED_MEDIA_TYPE, 'Content-Type: this route takes text/csv', { field: 'Content-Type', reason: 'expected text/csv' });
      }
    },
    schema: { tags: R, summary: 'Import residents from CSV, all or nothing (rows[] lists every fault)', consumes: ['text/csv'], ...H, body: z.string().min(1), response: { 200: ZResidentImportResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZResidentImportResult, status: 200, run: (ctx) => importResidents(ctx, request.body) }));
};

/** Ending a guardianship, and the reviews of likely duplicate residents that imports hold. */
const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/camps/guardianships/:id/end', {
    schema: { tags: R, summary: "End a child's guardianship (reason, date); the child is flagged unaccompanied if no guardian remains", ...H, params: ZIdParams, body: ZEndGuardianshipRequest, response: { 200: ZEndGuardianshipResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZEndGuardianshipResult, status: 200, run: (ctx) => endGuardianship(ctx, request.params.id, sentBody<TEndGuardianshipRequest>(request)) }));
  app.get('/api/camps/reviews', {
    schema: { tags: R, summary: 'Likely duplicate residents held by imports, for a reviewer who may see both records', querystring: ZDuplicateReviewQuery, response: { 200: itemsOf(ZDuplicateReview) } },
  }, async (request) => ({ items: await listDuplicateReviews(authOf(request).ctx, request.query) }));
  app.post('/api/camps/reviews/:id/decide', {
    schema: { tags: R, summary: 'Decide a duplicate review: same person (nothing created) or different (the row is registered)', ...H, params: ZIdParams, body: ZDuplicateDecision, response: { 200: ZDuplicateReview } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZDuplicateReview, status: 200, run: (ctx) => decideDuplicateReview(ctx, request.params.id, sentBody<TDuplicateDecision>(request)) }));
};

/** Camps: overviews, population, control and agreements, releases; residents, programmes and imports. */
export const campsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(residentRoutes);
  await app.register(reviewRoutes);
  await app.register(programmeRoutes);
  await app.register(importRoute);
  app.get('/api/camps', {
    schema: { tags: C, summary: 'Camps the caller may see, with population and controlling authority', response: { 200: itemsOf(ZCampSummary) } },
  }, async (request) => ({ items: await listCamps(authOf(request).ctx) }));
  app.get('/api/camps/:id', {
    schema: { tags: C, summary: 'A camp\'s overview: population by section, age and sex, nationality, movements', params: ZIdParams, response: { 200: ZCampOverview } },
  }, async (request) => campOverview(authOf(request).ctx, request.params.id));
  app.get('/api/camps/:id/population', {
    schema: { tags: C, summary: 'The population at a date, replayed from the movement events, beside the registry', params: ZIdParams, querystring: ZPopulationQuery, response: { 200: ZCampPopulation } },
  }, async (request) => campPopulation(authOf(request).ctx, request.params.id, request.query));
  app.get('/api/camps/:id/authority', {
    schema: { tags: C, summary: 'Who controls the camp, and every data-sharing agreement on it', params: ZIdParams, response: { 200: ZCampAuthority } },
  }, async (request) => campAuthority(authOf(request).ctx, request.params.id));
  app.post('/api/camps/:id/releases', {
    schema: { tags: C, summary: 'Release or repatriate residents together, children with their guardians', ...H, params: ZIdParams, body: ZReleaseRequest, response: { 201: ZReleaseResult } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZReleaseResult, status: 201, run: (ctx) => releaseResidents(ctx, request.params.id, sentBody<TReleaseRequest>(request)) }));
  app.post('/api/camps/:id/handover', {
    schema: { tags: C, summary: 'Hand the camp\'s control to another agency under a data-sharing agreement', ...H, params: ZIdParams, body: ZHandoverRequest, response: { 200: ZCampAuthority } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCampAuthority, status: 200, run: (ctx) => handoverCamp(ctx, request.params.id, sentBody<THandoverRequest>(request)) }));
  app.post('/api/camps/:id/agreements', {
    schema: { tags: C, summary: 'Record a data-sharing agreement for an agency', ...H, params: ZIdParams, body: ZAgreementRequest, response: { 201: ZCampAuthority } },
  }, async (request, reply) => idempotentWrite(request, reply, { schema: ZCampAuthority, status: 201, run: (ctx) => recordAgreement(ctx, request.params.id, sentBody<TAgreementRequest>(request)) }));
};
