import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, KernelErrors } from '../../kernel/index.js';
import { ping } from '../../store/index.js';

const ZHealth = z.object({ status: z.literal('ok') });
const ZReady = z.object({ status: z.literal('ready'), store: z.string().describe('the store dialect') });

/** Liveness (the process answers) and readiness (the store answers and the server is not shutting down). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: ZHealth } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Readiness: the store answers and the server is not draining', response: { 200: ZReady } },
  }, async () => {
    const { store, lifecycle } = app.sallyport;
    if (lifecycle.draining) throw new DomainError('unavailable', KernelErrors.UNAVAILABLE, 'shutting down');
    if (!(await ping(store.db))) throw new DomainError('unavailable', KernelErrors.UNAVAILABLE, 'the store does not answer');
    return { status: 'ready' as const, store: store.dialect };
  });
};
