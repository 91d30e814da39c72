import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './auth.js';
import { ZProblem } from './problem.js';
import type { SallyportApp } from '../types.js';

/** Where the OpenAPI document and its browsable documentation are served. */
export const OPENAPI_PATH = '/api/openapi.json';
export const DOCS_PREFIX = '/api/docs';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and responses.
 * Every route with a response schema also documents its problem answers; public routes need no security.
 * Must be installed before the routes, so that it sees each of them.
 */
export async function installOpenApi(app: SallyportApp, version: string): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const response = route.schema.response as Record<string, unknown> | undefined;
    if (response) {
      response['4XX'] ??= ZProblem;
      response['5XX'] ??= ZProblem;
    }
    if (route.config?.public) route.schema.security = [];
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sallyport API',
        version,
        description: 'Coordination of an emergency detainee airlift. All data is synthetic. Errors are RFC 9457 problem details.',
      },
      components: {
        securitySchemes: {
          sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'set by POST /api/auth/login' },
          bearerToken: { type: 'http', scheme: 'bearer', description: 'an API token from POST /api/auth/tokens' },
        },
      },
      security: [{ sessionCookie: [] }, { bearerToken: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX });
  app.get(OPENAPI_PATH, { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
