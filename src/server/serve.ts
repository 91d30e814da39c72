import type { AuthPolicy } from '../access/index.js';
import type { Clock } from '../kernel/index.js';
import { keyringFor } from '../custody/index.js';
import { migrateToLatest, openStore, type Store } from '../store/index.js';
import { buildApp, type BuildAppOptions } from './app.js';
import type { ServerConfig } from './config.js';
import type { SallyportApp } from './types.js';

/** Where to listen and which store to open; the rest of `ServerConfig` has defaults. */
export type StartConfig = Pick<ServerConfig, 'databaseUrl' | 'port' | 'host'> & Partial<ServerConfig>;

/** Test and embedding hooks for `startServer`. */
export interface StartOptions {
  clock?: Clock;
  authPolicy?: AuthPolicy;
  /** Overrides the logger built from `config.logLevel` (pino options, or false). */
  logger?: BuildAppOptions['logger'];
  /** Close on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
}

/** A running server. */
export interface ServerHandle {
  /** e.g. `http://127.0.0.1:8080`. */
  url: string;
  app: SallyportApp;
  store: Store;
  /** Graceful shutdown: refuse new requests, finish those in flight, then close the store. Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens the store, brings its schema up to date, builds the app and listens. On SIGTERM or SIGINT (or
 * `close()`), readiness turns 503, new requests are refused, requests in flight complete and are answered,
 * and only then is the store closed.
 * @throws Error when the store cannot be opened or migrated, or the port cannot be bound (the store is closed).
 */
export async function startServer(config: StartConfig, options: StartOptions = {}): Promise<ServerHandle> {
  const store = await openStore(config.databaseUrl);
  let app: SallyportApp;
  let url: string;
  try {
    await migrateToLatest(store);
    app = await buildApp({
      store,
      clock: options.clock,
      authPolicy: options.authPolicy,
      logger: options.logger ?? { level: config.logLevel ?? 'info' },
      secureCookies: config.secureCookies,
      trustProxy: config.trustProxy,
      keyring: keyringFor(config.databaseUrl, config.keyDir),
      eventImportLimit: config.eventImportLimit,
    });
    url = await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await store.close();
    throw e;
  }
  let closing: Promise<void> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    app.log.info({ signal }, 'shutting down');
    close().catch((e: unknown) => {
      app.log.error({ err: e }, 'shutdown failed');
      process.exitCode = 1;
    });
  };
  const close = (): Promise<void> => {
    closing ??= (async () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      app.sallyport.lifecycle.draining = true;
      try {
        await app.close();
      } finally {
        await store.close();
      }
    })();
    return closing;
  };
  if (options.handleSignals ?? true) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { url, app, store, close };
}
