import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthPolicy, Ctx, Principal, TUser } from '../access/index.js';
import type { Clock } from '../kernel/index.js';
import type { Store } from '../store/index.js';

/** The Fastify instance of the API, typed by zod schemas. */
export type SallyportApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What routes and plugins share: the store, the clock, the login policy and the process lifecycle. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  authPolicy: AuthPolicy;
  /** Set the session cookie with `Secure` (only when clients reach the API over HTTPS). */
  secureCookies: boolean;
  lifecycle: { draining: boolean };
}

/** Who sent an authenticated request, and the use-case context bound to it. */
export interface RequestAuth {
  principal: Principal;
  user: TUser;
  ctx: Ctx;
  /** The session or API token the request carried (to log out). */
  token: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session or token (login, health, the OpenAPI document). */
    public?: boolean;
  }
  interface FastifyInstance {
    sallyport: AppDeps;
  }
  interface FastifyRequest {
    /** Set by the auth hook on every non-public route. */
    auth: RequestAuth | null;
    /** The body as the client sent it, before schema transforms: use cases re-validate it and idempotency hashes it. */
    sentBody: unknown;
  }
}
