import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticate, contextFor } from '../../access/index.js';
import { DomainError, KernelErrors } from '../../kernel/index.js';
import type { RequestAuth, SallyportApp } from '../types.js';

/** The browser session cookie: HTTP-only, SameSite=Strict, Secure when the deployment serves HTTPS. */
export const SESSION_COOKIE = 'sallyport_session';

const BEARER = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i;

function unauthenticated(message: string): DomainError {
  return new DomainError('unauthenticated', KernelErrors.UNAUTHENTICATED, message);
}

/** The session or API token a request carries: a bearer token wins over the cookie. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const m = BEARER.exec(header);
    if (!m) throw unauthenticated('malformed Authorization header; expected "Bearer <token>"');
    return m[1];
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie && cookie.length > 0 ? cookie : undefined;
}

function isPublic(request: FastifyRequest): boolean {
  // The documentation UI's routes are registered by @fastify/swagger-ui, which takes no route config.
  return request.is404 || request.routeOptions.config?.public === true || request.url.startsWith('/api/docs');
}

/**
 * Every route but the public ones needs a session cookie or a bearer token; the hook resolves it to a
 * principal and the use-case context of the request (its audit rows carry the client address and request id).
 */
export function installAuth(app: SallyportApp): void {
  const { store, clock, authPolicy } = app.sallyport;
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (isPublic(request)) return;
    const token = tokenOf(request);
    if (!token) throw unauthenticated('log in, or send an API token as "Authorization: Bearer <token>"');
    const { principal, user } = await authenticate(store.db, clock, token, authPolicy);
    const ctx = contextFor(store.db, principal, clock, { ip: request.ip, requestId: request.id });
    request.auth = { principal, user, ctx, token };
  });
}

/** The authentication of a request on a non-public route. @throws DomainError UNAUTHENTICATED. */
export function authOf(request: FastifyRequest): RequestAuth {
  if (!request.auth) throw unauthenticated('this route needs a session or an API token');
  return request.auth;
}

/** Sets the session cookie for a fresh login. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: reply.server.sallyport.secureCookies,
    path: '/',
    expires: new Date(expiresAt),
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: reply.server.sallyport.secureCookies, path: '/' });
}
