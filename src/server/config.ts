import { z } from 'zod';
import { isCountryCode } from '../kernel/index.js';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../store/index.js';

/** The server's settings, read from the environment once at start. */
export interface ServerConfig {
  databaseUrl: string;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** The deployment's country (ISO alpha-3): the local operator's country. */
  country: string;
  /** Mark the session cookie `Secure`: set when clients reach the API over HTTPS. */
  secureCookies: boolean;
  /** Trust `X-Forwarded-*` headers from a reverse proxy. */
  trustProxy: boolean;
  /** Directory of the private signing keys (SALLYPORT_KEY_DIR); default `keys/` beside an SQLite store, else ./data/keys. */
  keyDir?: string | undefined;
  /** Largest ACLED event import body, in bytes (SALLYPORT_EVENT_IMPORT_LIMIT_MIB, default 2048 MiB). */
  eventImportLimit?: number | undefined;
}

// An empty variable counts as unset, as a shell's `PORT=` means.
const unsetIfEmpty = (v: unknown) => (v === '' ? undefined : v);
const flag = z.preprocess(unsetIfEmpty, z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'));

const ZEnv = z.object({
  DATABASE_URL: z.preprocess(unsetIfEmpty, z.string().default(DEFAULT_DATABASE_URL)).superRefine((url, ctx) => {
    try {
      parseDatabaseUrl(url);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message.replace(/^DATABASE_URL: /, '') });
    }
  }),
  PORT: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.preprocess(unsetIfEmpty, z.string().default('127.0.0.1')),
  LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  SALLYPORT_COUNTRY: z.preprocess(unsetIfEmpty, z.string().default('USA').refine(isCountryCode, 'not an ISO 3166-1 alpha-3 country code')),
  SALLYPORT_SECURE_COOKIES: flag,
  SALLYPORT_TRUST_PROXY: flag,
  SALLYPORT_KEY_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  SALLYPORT_EVENT_IMPORT_LIMIT_MIB: z.preprocess(unsetIfEmpty, z.coerce.number().int().min(1).max(1024 * 1024).optional()),
});

/** Every problem with the environment, one per variable. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads the server's settings from `env`, all at once.
 * @throws ConfigError listing every variable at fault.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const r = ZEnv.safeParse(env);
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = r.data;
  return {
    databaseUrl: e.DATABASE_URL, port: e.PORT, host: e.HOST, logLevel: e.LOG_LEVEL, country: e.SALLYPORT_COUNTRY,
    secureCookies: e.SALLYPORT_SECURE_COOKIES, trustProxy: e.SALLYPORT_TRUST_PROXY, keyDir: e.SALLYPORT_KEY_DIR,
    eventImportLimit: e.SALLYPORT_EVENT_IMPORT_LIMIT_MIB === undefined ? undefined : e.SALLYPORT_EVENT_IMPORT_LIMIT_MIB * 1024 * 1024,
  };
}

/** `parseConfig(process.env)`, or every problem printed to stderr and exit status 78 (configuration error). */
export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): ServerConfig {
  try {
    return parseConfig(env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    process.exit(78);
  }
}
