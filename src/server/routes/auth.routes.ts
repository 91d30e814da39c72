import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken, login, logout, ZUser, type TUser } from '../../access/index.js';
import { authOf, clearSessionCookie, setSessionCookie, tokenOf } from '../plugins/auth.js';

const TAGS = ['auth'];

/** The signed-in user: who they are, their agency and country, clearance, roles and need-to-know groups. */
export const ZMe = ZUser.extend({ country: z.string().describe('ISO 3166-1 alpha-3 country of the user’s agency') });
const ZLoginRequest = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const ZLoginResponse = z.object({ user: ZMe, expiresAt: z.string().describe('when the session ends at the latest') });
const ZTokenRequest = z.strictObject({ name: z.string().trim().min(1).max(100), days: z.number().int().min(1).max(90) });
const ZTokenResponse = z.object({ token: z.string().describe('shown once; send as "Authorization: Bearer <token>"'), expiresAt: z.string() });

function me(user: TUser): z.output<typeof ZMe> {
  return { ...user, country: user.agency.country };
}

/** Login and logout (session cookie), the current user, and API tokens. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store, clock, authPolicy } = app.sallyport;

  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags: TAGS, summary: 'Log in; sets the session cookie', body: ZLoginRequest, response: { 200: ZLoginResponse } },
  }, async (request, reply) => {
    const { username, password } = request.body;
    const r = await login(store.db, clock, { username, password, ip: request.ip, requestId: request.id }, authPolicy);
    setSessionCookie(reply, r.token, r.expiresAt);
    return { user: me(r.user), expiresAt: r.expiresAt };
  });

  app.post('/api/auth/logout', {
    config: { public: true },
    schema: { tags: TAGS, summary: 'Log out: revokes the session (or token) and clears the cookie', response: { 204: z.null() } },
  }, async (request, reply) => {
    const token = tokenOf(request);
    if (token) await logout(store.db, token);
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  app.get('/api/auth/me', {
    schema: { tags: TAGS, summary: 'The signed-in user', response: { 200: ZMe } },
  }, async (request) => me(authOf(request).user));

  app.post('/api/auth/tokens', {
    // NOTE: no Idempotency-Key here: a replay would have to store the token's secret, which is kept only as a hash.
    schema: { tags: TAGS, summary: 'Issue an API token (bearer) acting as the signed-in user, for up to 90 days', body: ZTokenRequest, response: { 201: ZTokenResponse } },
  }, async (request, reply) => {
    const { principal } = authOf(request);
    const issued = await createApiToken(store.db, clock, principal, { ...request.body, origin: { ip: request.ip, requestId: request.id } });
    return reply.code(201).send(issued);
  });
};
