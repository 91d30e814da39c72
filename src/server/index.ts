/**
 * The HTTP composition root: the Fastify app over the modules' use cases, its configuration and its
 * process lifecycle.
 */

/**
 * Builds the API over an open store (`await buildApp({ store })`), ready for `listen` or `inject`.
 * @example const app = await buildApp({ store, clock: new FixedClock('2025-01-05T00:00:00Z') });
 */
export { buildApp, DEFAULT_BODY_LIMIT, API_VERSION } from './app.js';
export type { BuildAppOptions } from './app.js';
/** Opens the store, migrates, listens; closes gracefully on SIGTERM/SIGINT or `close()`. */
export { startServer } from './serve.js';
export type { StartConfig, StartOptions, ServerHandle } from './serve.js';
/** The server's environment settings, parsed once; `loadConfig` prints every problem and exits. */
export { parseConfig, loadConfig, ConfigError } from './config.js';
export type { ServerConfig } from './config.js';
/** The HTTP status of an error kind or code, and the problem+json shape of every error answer. */
export { statusOfKind, statusOfCode, problemType, ZProblem } from './plugins/errors.js';
/** The server's own error codes (transport faults). */
export { ServerErrors } from './server.errors.js';
/** The session cookie's name, for clients and tests. */
export { SESSION_COOKIE } from './plugins/auth.js';
export type { SallyportApp, AppDeps, RequestAuth } from './types.js';
