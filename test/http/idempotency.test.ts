import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registration } from '../support/factories.js';
import { keyCutoff, KEY_RETENTION_MS, purgeExpiredKeys } from '../../src/server/idempotency.store.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, countRows, openHttpWorld, problem, type Client, type HttpWorld } from './harness.js';

describe.each(DIALECTS)('HTTP idempotent writes (%s)', (dialect) => {
  let w: HttpWorld;
  let usa: Client;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    usa = await clientFor(w.app, 'reg.usa');
  });
  afterAll(async () => w?.close());

  const keyRows = async (key: string) =>
    (await w.store.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).length;
  const isnRows = async (isn: string) => (await w.store.db.selectFrom('detainees').select('id').where('isn', '=', isn).execute()).length;

  it('answers a retry with the same key and body byte for byte, and writes once', async () => {
    const headers = { 'idempotency-key': 'reg-40-attempt' };
    const first = await usa.send('POST', '/api/detainees', registration(40), headers);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    w.clock.advance(60_000);
    // The same body with its keys in another order is the same request.
    const { marking, ...rest } = registration(40);
    const again = await usa.send('POST', '/api/detainees', { marking, ...rest }, headers);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(await isnRows('SP-SY-000040')).toBe(1);
    expect(await keyRows('reg-40-attempt')).toBe(1);
  });

  it('refuses the same key with another body with 422, and changes nothing', async () => {
    const before = await countRows(w.store, 'detainees');
    const res = await usa.send('POST', '/api/detainees', registration(41), { 'idempotency-key': 'reg-40-attempt' });
    expect(res.statusCode).toBe(422);
    expect(problem(res)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'Idempotency-Key' });
    const elsewhere = await usa.send('PATCH', '/api/detainees/SP-SY-000040', { version: 1, riskTier: 'low' }, { 'idempotency-key': 'reg-40-attempt' });
    expect(problem(elsewhere).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countRows(w.store, 'detainees')).toBe(before);
  });

  it('stores no failed write: a retry runs again', async () => {
    const headers = { 'idempotency-key': 'dup-40' };
    const first = await usa.send('POST', '/api/detainees', registration(40), headers);
    expect(problem(first).code).toBe('REGISTRY_DUPLICATE_ISN');
    expect(await keyRows('dup-40')).toBe(0);
    const patched = await usa.send('PATCH', '/api/detainees/SP-SY-000040', { version: 1, riskTier: 'critical' }, { 'idempotency-key': 'patch-40' });
    expect(patched.statusCode).toBe(200);
    const replay = await usa.send('PATCH', '/api/detainees/SP-SY-000040', { version: 1, riskTier: 'critical' }, { 'idempotency-key': 'patch-40' });
    expect(replay.statusCode).toBe(200);
    expect(replay.body).toBe(patched.body);
    expect(replay.json().version).toBe(2);
  });

  it('runs concurrent duplicates once: the loser replays the winner', async () => {
    const headers = { 'idempotency-key': 'concurrent-42' };
    const answers = await Promise.all([1, 2, 3].map(() => usa.send('POST', '/api/detainees', registration(42), headers)));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(2);
    expect(await isnRows('SP-SY-000042')).toBe(1);
    expect(await keyRows('concurrent-42')).toBe(1);
  });

  it('keeps keys per user, and refuses a malformed key', async () => {
    const csv = 'isn,name_ar,name_latin,nationality,sex,risk_tier,marking\nSP-SY-000947,علي,Ali,IRQ,M,low,U';
    const first = await usa.send('POST', '/api/detainees/import', csv, { 'content-type': 'text/csv', 'idempotency-key': 'shared' });
    expect(first.json()).toEqual({ created: 1, pendingReview: [] });
    const replay = await usa.send('POST', '/api/detainees/import', csv, { 'content-type': 'text/csv', 'idempotency-key': 'shared' });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const irq = await clientFor(w.app, 'reg.irq');
    const other = await irq.send('POST', '/api/detainees', registration(44), { 'idempotency-key': 'shared' });
    expect(other.statusCode).toBe(201);
    const bad = await usa.send('POST', '/api/detainees', registration(45), { 'idempotency-key': 'has space' });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).field).toBe('Idempotency-Key');
    const long = await usa.send('POST', '/api/detainees', registration(45), { 'idempotency-key': 'k'.repeat(201) });
    expect(problem(long).field).toBe('Idempotency-Key');
  });

  // Last: it moves the suite's clock a day on.
  it('forgets a key after the retention window: the key runs a new write, and expired keys are purged', async () => {
    const headers = { 'idempotency-key': 'reg-47-expiring' };
    expect(await isnRows('SP-SY-000951')).toBe(0);
    const first = await usa.send('POST', '/api/detainees', registration(951), headers);
    expect(first.statusCode).toBe(201);
    w.clock.advance(KEY_RETENTION_MS - 1000);
    usa = await clientFor(w.app, 'reg.usa'); // the session has gone idle meanwhile
    const replay = await usa.send('POST', '/api/detainees', registration(951), headers);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    w.clock.advance(2000);
    usa = await clientFor(w.app, 'reg.usa');
    // Past the window the key is free: the request runs again (and meets the existing ISN).
    const late = await usa.send('POST', '/api/detainees', registration(951), headers);
    expect(late.headers['idempotent-replayed']).toBeUndefined();
    expect(problem(late).code).toBe('REGISTRY_DUPLICATE_ISN');
    const reused = await usa.send('PATCH', '/api/detainees/SP-SY-000951', { version: 1, riskTier: 'low' }, headers);
    expect(reused.statusCode).toBe(200);
    expect(await keyRows('reg-47-expiring')).toBe(1);
    w.clock.advance(KEY_RETENTION_MS + 1000);
    expect(await purgeExpiredKeys(w.store.db, keyCutoff(w.clock.now()))).toBeGreaterThanOrEqual(1);
    expect(await keyRows('reg-47-expiring')).toBe(0);
  });
});
