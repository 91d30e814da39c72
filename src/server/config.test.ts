import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.js';

describe('server config', () => {
  it('has working defaults', () => {
    expect(parseConfig({})).toEqual({
      databaseUrl: 'sqlite:./data/sallyport.db', port: 8080, host: '127.0.0.1', logLevel: 'info', country: 'USA', secureCookies: false, trustProxy: false,
    });
  });

  it('reads every variable, and counts an empty one as unset', () => {
    const c = parseConfig({
      DATABASE_URL: 'postgres://u@db:5432/sp', PORT: '9000', HOST: '0.0.0.0', LOG_LEVEL: 'warn', SALLYPORT_COUNTRY: 'GBR',
      SALLYPORT_SECURE_COOKIES: 'true', SALLYPORT_TRUST_PROXY: '1',
    });
    expect(c).toMatchObject({ databaseUrl: 'postgres://u@db:5432/sp', port: 9000, host: '0.0.0.0', logLevel: 'warn', country: 'GBR', secureCookies: true, trustProxy: true });
    expect(parseConfig({ PORT: '' }).port).toBe(8080);
  });

  it('reports every problem at once', () => {
    let err: unknown;
    try {
      parseConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty', LOG_LEVEL: 'loud', SALLYPORT_COUNTRY: 'XX', SALLYPORT_SECURE_COOKIES: 'yes' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'SALLYPORT_COUNTRY', 'SALLYPORT_SECURE_COOKIES']);
    expect((err as ConfigError).message).toContain('expected sqlite:PATH or postgres://');
  });
});
