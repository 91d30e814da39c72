import type { z } from 'zod';
import { ZProblemBody } from './schemas.js';

/** An error answer from the API (problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;

  constructor(status: number, code: string, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

/** True when `e` says the record or route does not exist, or the user may not see it (the API says the same). */
export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404;
}

/** True when `e` says the session is missing or has expired. */
export function isUnauthenticated(e: unknown): boolean {
  return e instanceof ApiError && e.status === 401;
}

async function problemOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy's error page): the status alone must do.
  }
  const p = ZProblemBody.safeParse(body);
  if (p.success) return new ApiError(res.status, p.data.code, p.data.detail ?? p.data.title ?? res.statusText, p.data.field);
  return new ApiError(res.status, 'HTTP_ERROR', `${res.status} ${res.statusText}`);
}

interface RequestOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
}

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', 'The server cannot be reached. Check the connection and try again.');
  }
  if (!res.ok) throw await problemOf(res);
  return res;
}

/** Calls the API and parses the JSON answer with `schema`. @throws ApiError on an error answer. */
export async function api<S extends z.ZodType>(path: string, schema: S, opts: RequestOptions = {}): Promise<z.output<S>> {
  const res = await send(path, opts);
  return schema.parse(await res.json());
}

/** Calls the API for its effect (an answer without a body, such as logout). @throws ApiError. */
export async function apiVoid(path: string, opts: RequestOptions = {}): Promise<void> {
  await send(path, opts);
}
