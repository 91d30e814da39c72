import cookie from '@fastify/cookie';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { DEFAULT_AUTH_POLICY, type AuthPolicy } from '../access/index.js';
import { DomainError, KernelErrors, newId, systemClock, type Clock } from '../kernel/index.js';
import type { Store } from '../store/index.js';
import { keyringFor, type Keyring } from '../custody/index.js';
import { installAuth } from './plugins/auth.js';
import { installBodyParsing } from './plugins/body.js';
import { installErrors } from './plugins/errors.js';
import { installKeyPurge } from './plugins/idempotency.js';
import { installStoreMaintenance } from './plugins/maintenance.js';
import { installOpenApi } from './plugins/openapi.js';
import { webUi } from './plugins/web-ui.js';
import { accessRoutes } from './routes/access.routes.js';
import { authRoutes } from './routes/auth.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { registryRoutes } from './routes/registry.routes.js';
import { custodyRoutes } from './routes/custody.routes.js';
import { campsRoutes } from './routes/camps.routes.js';
import { airliftRoutes } from './routes/airlift.routes.js';
import { coordinationRoutes } from './routes/coordination.routes.js';
import { warningRoutes } from './routes/warning.routes.js';
import { agreementsRoutes } from './routes/agreements.routes.js';
import { repatriationRoutes } from './routes/repatriation.routes.js';
import { casesRoutes } from './routes/cases.routes.js';
import { airliftExecutionRoutes } from './routes/airlift-execution.routes.js';
import { identityRoutes } from './routes/identity.routes.js';
import type { AppDeps, SallyportApp } from './types.js';

/** The default request body limit: 1 MiB (detainee and camp CSV imports take up to 20 MiB; the event import streams to its own limit). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
/** The API version printed in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/** What the app is built from. */
export interface BuildAppOptions {
  /** An open, migrated store; the app never closes it. */
  store: Store;
  clock?: Clock;
  /** `false` (default) for silence, `true` or pino options for structured logs. */
  logger?: FastifyServerOptions['logger'];
  bodyLimit?: number;
  authPolicy?: AuthPolicy;
  /** Mark the session cookie `Secure` (when clients reach the API over HTTPS). */
  secureCookies?: boolean;
  /** Trust `X-Forwarded-*` from a reverse proxy (for the client address in the audit trail). */
  trustProxy?: boolean;
  /** Private signing keys of the agencies and the log (default: the key directory beside the store, see `keyringFor`). */
  keyring?: Keyring;
  /** Largest ACLED event import body in bytes (default 2 GiB; the import streams, so memory does not grow with it). */
  eventImportLimit?: number | undefined;
}

// Credentials never reach the logs, whatever the serializers a caller configures.
const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

function loggerOption(logger: BuildAppOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) return false;
  if (logger === true) return { redact: REDACT };
  return { redact: REDACT, ...logger };
}

/**
 * Builds the HTTP API over an open store: zod-validated routes with an OpenAPI 3.1 document, problem+json
 * errors, session and bearer authentication, idempotent writes, request ids (`x-request-id`) and a drain
 * state for graceful shutdown. The caller listens (or injects) and closes it.
 */
export async function buildApp(opts: BuildAppOptions): Promise<SallyportApp> {
  const app = Fastify({
    logger: loggerOption(opts.logger),
    bodyLimit: opts.bodyLimit ?? DEFAULT_BODY_LIMIT,
    genReqId: () => newId(),
    trustProxy: opts.trustProxy ?? false,
    // Draining is answered by our own hook, as a problem, rather than by Fastify's plain 503.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const deps: AppDeps = {
    store: opts.store,
    clock: opts.clock ?? systemClock,
    authPolicy: opts.authPolicy ?? DEFAULT_AUTH_POLICY,
    secureCookies: opts.secureCookies ?? false,
    lifecycle: { draining: false },
  };
  app.decorate('sallyport', deps);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (deps.lifecycle.draining && request.routeOptions.url !== '/healthz') {
      throw new DomainError('unavailable', KernelErrors.UNAVAILABLE, 'shutting down; retry on another instance');
    }
  });
  // Answers finished while draining close their connection, so that close() is not left waiting on keep-alive.
  app.addHook('onSend', async (_request, reply) => {
    if (deps.lifecycle.draining) reply.header('connection', 'close');
  });
  installErrors(app);
  installBodyParsing(app);
  await app.register(cookie);
  await installOpenApi(app, API_VERSION);
  installAuth(app);
  installKeyPurge(app);
  installStoreMaintenance(app);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(registryRoutes);
  await app.register(accessRoutes);
  const keyring = opts.keyring ?? keyringFor(opts.store.location);
  await app.register(custodyRoutes, { keyring });
  await app.register(campsRoutes);
  await app.register(airliftRoutes);
  await app.register(coordinationRoutes);
  await app.register(warningRoutes, { limit: opts.eventImportLimit });
  await app.register(agreementsRoutes);
  await app.register(repatriationRoutes, { keyring });
  await app.register(casesRoutes, { keyring });
  await app.register(airliftExecutionRoutes, { keyring });
  await app.register(identityRoutes);
  await app.register(webUi); // the built web UI (web/dist) and its client-side routes, after every API route
  return app;
}
