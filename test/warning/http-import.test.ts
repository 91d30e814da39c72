import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/index.js';
import { DIALECTS } from '../support/stores.js';
import { clientOf, loginCookie, openHttpWorld, problem, type Client, type HttpWorld } from '../http/harness.js';
import { acledCsv, battle, HEADER } from './world.js';

/** About 2 KiB a row: the notes column carries most of it, so 50 MiB stays some 25,000 rows to store. */
const NOTES = 'Clashes reported around the prison perimeter; '.repeat(40).trim();
const ROW_BYTES = Buffer.byteLength(acledCsv([battle('X', '2026-01-01', { notes: NOTES })]).split('\n')[1]!) + 1;
const MIB = 1024 * 1024;

const rowsOf = (bytes: number) => Math.ceil(bytes / ROW_BYTES);

/**
 * A body of `bytes` (rounded to whole rows) produced a chunk at a time, never held whole; row `badRow` (1-based,
 * optional) carries an impossible date. The request has no Content-Length: it is sent chunked, as a stream.
 */
function bigCsv(bytes: number, badRow?: number): { body: Readable; rows: number } {
  const rows = rowsOf(bytes);
  async function* chunks() {
    yield `${HEADER.join(',')}\n`;
    for (let start = 1; start <= rows; start += 1000) {
      const batch: Record<string, string>[] = [];
      for (let i = start; i < Math.min(rows + 1, start + 1000); i++) {
        const day = String(1 + (i % 9)).padStart(2, '0');
        batch.push(battle(`BIG${i}`, i === badRow ? '2026-02-30' : `2026-01-${day}`, { notes: NOTES, fatalities: String(i % 7) }));
      }
      yield acledCsv(batch).slice(HEADER.join(',').length + 1);
    }
  }
  return { body: Readable.from(chunks()), rows };
}

describe.each(DIALECTS)('streamed ACLED import over HTTP (%s)', (dialect) => {
  let world: HttpWorld;
  let reg: Client;
  let cookie: string;
  const post = (body: Readable | string, key?: string) =>
    world.app.inject({ method: 'POST', url: '/api/warning/events/import', payload: body, headers: { cookie, 'content-type': 'text/csv', ...(key ? { 'idempotency-key': key } : {}) } });
  const total = async () => (await reg.get('/api/warning/events?limit=1')).json<{ total: number }>().total;

  beforeAll(async () => {
    world = await openHttpWorld(dialect);
    cookie = await loginCookie(world.app, 'reg.usa');
    reg = clientOf(world.app, cookie);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('refuses a 50 MiB body whose bad line is near the end: that line reported by number, nothing stored', async () => {
    const bad = rowsOf(50 * MIB) - 3;
    const res = await post(bigCsv(50 * MIB, bad).body);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    const p = problem(res);
    expect(p.code).toBe('WARNING_IMPORT_INVALID');
    // Line 1 is the header: data row n is on line n + 1.
    expect(p.issues).toEqual([{ field: `line ${bad + 1}: event_date`, reason: 'not a date (YYYY-MM-DD or "15 January 2024"): 2026-02-30' }]);
    expect(await total()).toBe(0);
  }, 240_000);

  it('stores a 50 MiB body streamed in chunks, past the old 20 MiB cap, and replays it by key without storing twice', async () => {
    const { body, rows } = bigCsv(50 * MIB);
    expect(rows * ROW_BYTES).toBeGreaterThan(50 * MIB);
    const res = await post(body, 'big-1');
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ imported: rows, firstDate: '2026-01-01', lastDate: '2026-01-09' });
    expect(await total()).toBe(rows);
    const again = await post(bigCsv(50 * MIB).body, 'big-1');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(res.body);
    expect(await total()).toBe(rows);
    // The same key with another body is refused, not replayed.
    expect(problem(await post(acledCsv([battle('OTHER-1', '2026-01-02')]), 'big-1')).code).toBe('IDEMPOTENCY_KEY_REUSED');
  }, 240_000);

  it('answers 413 past the configured limit, before or while reading, and stores nothing', async () => {
    const small = await buildApp({ store: world.store, clock: world.clock, eventImportLimit: MIB });
    await small.ready();
    try {
      const smallCookie = await loginCookie(small, 'reg.usa');
      const send = (payload: Readable | string, headers: Record<string, string> = {}) =>
        small.inject({ method: 'POST', url: '/api/warning/events/import', payload, headers: { cookie: smallCookie, 'content-type': 'text/csv', ...headers } });
      const before = await total();
      const streamed = await send(bigCsv(2 * MIB).body);
      expect(streamed.statusCode).toBe(413);
      expect(problem(streamed)).toMatchObject({ code: 'BODY_TOO_LARGE', issues: [{ field: 'body', reason: `larger than ${MIB} bytes (SALLYPORT_EVENT_IMPORT_LIMIT_MIB)` }] });
      const declared = await send('x', { 'content-length': String(2 * MIB) });
      expect(declared.statusCode).toBe(413);
      expect(await total()).toBe(before);
      expect((await send(acledCsv([battle('SMALL-1', '2026-01-02')]))).statusCode).toBe(200);
      expect(await total()).toBe(before + 1);
    } finally {
      await small.close();
    }
  });
});
