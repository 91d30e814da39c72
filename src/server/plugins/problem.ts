import { z } from 'zod';
import { DomainError, KernelErrors, errorCatalogue, type ErrorKind } from '../../kernel/index.js';
import { ServerErrors } from '../server.errors.js';

/**
 * RFC 9457 problem details: the one shape every error answer of the API takes. The body is built only
 * from a DomainError's code, message and details, which modules fill with what the caller may know.
 */

const KIND_STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  unauthenticated: 401,
  unavailable: 503,
  internal: 500,
};

// Transport faults with a more precise status than their kind's.
const CODE_STATUS: Readonly<Record<string, number>> = {
  [ServerErrors.BODY_TOO_LARGE]: 413,
  [ServerErrors.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ServerErrors.IDEMPOTENCY_KEY_REUSED]: 422,
};

const KIND_TITLE: Readonly<Record<ErrorKind, string>> = {
  invalid: 'Invalid request',
  'not-found': 'Not found',
  forbidden: 'Forbidden',
  conflict: 'Conflict',
  unauthenticated: 'Authentication required',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

/** The HTTP status of an error kind. */
export function statusOfKind(kind: ErrorKind): number {
  return KIND_STATUS[kind];
}

/** The HTTP status of an error code: its own when it has one, else its kind's; undefined for an unknown code. */
export function statusOfCode(code: string): number | undefined {
  const info = errorCatalogue().get(code);
  if (!info) return undefined;
  return CODE_STATUS[code] ?? statusOfKind(info.kind);
}

/** The problem type URI of a code: `urn:sallyport:problem:registry-duplicate-isn`. */
export function problemType(code: string): string {
  return `urn:sallyport:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

/** The problem body, as documented in the OpenAPI document. */
export const ZProblem = z
  .object({
    type: z.string().describe('urn:sallyport:problem:<code in lowercase with dashes>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('the error code, e.g. REGISTRY_DUPLICATE_ISN'),
    field: z.string().optional().describe('the first field at fault'),
    reason: z.string().optional(),
    issues: z.array(z.object({ field: z.string(), reason: z.string() })).optional().describe('every field at fault'),
    instance: z.string().describe('the request path'),
    requestId: z.string(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });
export type TProblem = z.infer<typeof ZProblem>;

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'field', 'reason', 'issues', 'instance', 'requestId']);

/** Where the problem happened: the request path (without the query) and the request id. */
export interface ProblemSite {
  path: string;
  requestId: string;
}

/** The status and problem body answering a domain error. Internal and unavailable errors carry no details. */
export function problemOf(err: DomainError, site: ProblemSite): TProblem {
  const status = CODE_STATUS[err.code] ?? statusOfKind(err.kind);
  const head = { type: problemType(err.code), title: KIND_TITLE[err.kind], status, detail: err.message, code: err.code };
  const tail = { instance: site.path, requestId: site.requestId };
  if (err.kind === 'internal' || err.kind === 'unavailable') return { ...head, ...tail };
  const { field, reason, issues } = err.details;
  const list = issues ?? (field !== undefined ? [{ field, reason: reason ?? err.message }] : undefined);
  const extra = Object.entries(err.details).filter(([k, v]) => !RESERVED.has(k) && v !== undefined);
  // Fields at fault first, then what else the module chose to tell (the rows of an import, a current version).
  return {
    ...head,
    ...(field !== undefined ? { field } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(list ? { issues: list } : {}),
    ...Object.fromEntries(extra),
    ...tail,
  };
}

/** An unexpected failure, answered without internals. */
export function internalError(): DomainError {
  return new DomainError('internal', KernelErrors.INTERNAL, 'internal error; the operation was not applied');
}
