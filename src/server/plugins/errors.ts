import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { $ZodError } from 'zod/v4/core';
import { DomainError, isDomainError } from '../../kernel/index.js';
import type { SallyportApp } from '../types.js';
import { ServerErrors } from '../server.errors.js';
import { internalError, problemOf, type TProblem } from './problem.js';
import { invalidInput, issueOfValidation, type RequestPart } from './validation.js';

export { statusOfKind, statusOfCode, problemType, ZProblem } from './problem.js';

const PARTS = new Set<RequestPart>(['body', 'querystring', 'params', 'headers']);

function transportError(code: string, message: string, field: string, reason: string): DomainError {
  return new DomainError('invalid', code, message, { field, reason, issues: [{ field, reason }] });
}

/** Any thrown value as the domain error that answers it; what is not understood becomes INTERNAL. */
export function toDomainError(err: unknown): DomainError {
  if (isDomainError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const ctx = (err as { validationContext?: string }).validationContext;
    const part: RequestPart = PARTS.has(ctx as RequestPart) ? (ctx as RequestPart) : 'body';
    return invalidInput(err.validation.map(issueOfValidation), part);
  }
  if (err instanceof $ZodError) return invalidInput(err.issues);
  const fe = err as { code?: unknown; statusCode?: unknown; message?: unknown };
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return transportError(ServerErrors.BODY_TOO_LARGE, 'request body is larger than this route accepts', 'body', 'too large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return transportError(ServerErrors.UNSUPPORTED_MEDIA_TYPE, 'unsupported content type', 'Content-Type', 'not accepted by this route');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return transportError(ServerErrors.MALFORMED_JSON, 'body: empty, but the content type is JSON', 'body', 'empty');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return transportError(ServerErrors.MALFORMED_JSON, 'body: not valid JSON', 'body', 'not valid JSON');
    default:
      break;
  }
  // Fastify's own client errors (a bad content length, a malformed header) carry a 4xx status and a safe message.
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500 && typeof fe.message === 'string') {
    return new DomainError('invalid', ServerErrors.BAD_REQUEST, fe.message);
  }
  return internalError();
}

/** The path of a request without its query string: the problem's `instance`. */
export function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

/** Sends a problem as `application/problem+json`, pre-serialized so no response schema touches it. */
export function sendProblem(reply: FastifyReply, problem: TProblem): FastifyReply {
  reply.code(problem.status).header('content-type', 'application/problem+json; charset=utf-8');
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer realm="sallyport"');
  return reply.send(JSON.stringify(problem));
}

/** Answers every error, and every unknown route, with a problem; logs server faults with their cause. */
export function installErrors(app: SallyportApp): void {
  app.setErrorHandler((err: unknown, request, reply) => {
    const domain = toDomainError(err);
    const problem = problemOf(domain, { path: pathOf(request), requestId: request.id });
    if (problem.status >= 500) request.log.error({ err, code: problem.code }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new DomainError('not-found', ServerErrors.ROUTE_NOT_FOUND, `no route for ${request.method} ${pathOf(request)}`);
    return sendProblem(reply, problemOf(err, { path: pathOf(request), requestId: request.id }));
  });
}
