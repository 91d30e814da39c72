import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHandover, currentCheckpoint, custodyAgendaSource, custodyOutcomeSource, listVerifications, logStatus, LOG_ORIGIN, rootOf, signCheckpoint, verifyLog, witnessHead,
} from '../../src/custody/index.js';
import { DIALECTS } from '../support/stores.js';
import { AIRCRAFT, growLog, isnOf, openCustodyWorld, signerFor, type CustodyWorld } from './world.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('verification runs, and custody on the agenda and the outcome dashboard (%s)', (dialect) => {
  let w: CustodyWorld;
  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 3 });
    await growLog(w, { n: 3, count: 40, batches: [16, 24] });
  });
  afterAll(async () => w.close());

  it('records every verification: when, who, the head it checked, and the result', async () => {
    expect((await logStatus(w.op)).lastVerification).toBeNull();
    const startedAt = w.clock.now().toISOString();
    const report = await verifyLog(w.cx(w.hf));
    expect(report.ok).toBe(true);
    const cp = await currentCheckpoint(w.op);
    const status = await logStatus(w.cx(w.moj));
    expect(status.checkpoint).toMatchObject({ size: 43, root: cp.root });
    expect(status.growth).toEqual([{ at: '2026-01-10T23:59:59.999Z', size: 43 }]);
    expect(status.lastVerification).toMatchObject({
      startedAt, runBy: 'custodian.hf', agency: 'HF', size: 43, root: cp.root, ok: true, entries: 43, signatures: true, firstBad: null,
    });
    const outcome = await custodyOutcomeSource.figures(w.cx(w.moj), w.clock.now().toISOString());
    expect(outcome.find((f) => f.key === 'custody.log-size')).toMatchObject({ value: 43, marking: { level: 'U' } });
    expect(outcome.find((f) => f.key === 'custody.last-verification-ok')?.value).toBe(1);
    expect(outcome.find((f) => f.key === 'custody.last-verification-size')?.value).toBe(43);
  });

  it('a run that finds a fault is recorded with the first bad entry, and is on the agenda', async () => {
    w.clock.advance(HOUR);
    const since = w.clock.now().toISOString();
    // Play the attacker on this test store: lift the guard and flip one byte of entry 17's leaf data.
    if (dialect === 'sqlite') await sql.raw('drop trigger custody_tail_no_update').execute(w.store.db);
    else await sql.raw('drop trigger custody_tail_guard on custody_tail').execute(w.store.db);
    const row = await w.store.db.selectFrom('custody_tail').select('leaf_data').where('idx', '=', 17).executeTakeFirstOrThrow();
    const bad = Buffer.from(row.leaf_data);
    bad[bad.length - 3] = bad[bad.length - 3]! ^ 1;
    await w.store.db.updateTable('custody_tail').set({ leaf_data: bad }).where('idx', '=', 17).execute();
    w.clock.advance(60_000);
    const report = await verifyLog(w.op, { signatures: false });
    expect(report).toMatchObject({ ok: false, firstBad: { index: 17, what: 'leaf' } });
    const [last, previous] = await listVerifications(w.cx(w.jtf));
    expect(last).toMatchObject({ ok: false, runBy: 'operator', agency: null, signatures: false, firstBad: { index: 17, what: 'leaf' } });
    expect(previous?.ok).toBe(true);
    const until = w.clock.now().toISOString();
    const items = await custodyAgendaSource.items(w.cx(w.moj), { since, until });
    expect(items).toContainEqual(expect.objectContaining({ section: 'custody', severity: 'critical', title: 'Custody log verification failed at entry 17' }));
    // Before the window: not on it.
    expect(await custodyAgendaSource.items(w.cx(w.moj), { since: until, until: new Date(Date.parse(until) + 1000).toISOString() })).toEqual([]);
    expect((await custodyOutcomeSource.figures(w.op, until)).find((f) => f.key === 'custody.last-verification-ok')?.value).toBe(0);
    // As of an earlier date, the earlier (intact) run is the last.
    expect((await custodyOutcomeSource.figures(w.op, since)).find((f) => f.key === 'custody.last-verification-ok')?.value).toBe(1);
  });

  it('lists pending handovers to the agencies party to them, and split views witnessed in the window', async () => {
    w.clock.advance(HOUR);
    const since = w.clock.now().toISOString();
    w.clock.advance(1000);
    const h = await createHandover(w.cx(w.hf), { detainee: isnOf(1), to: { agency: 'JTF', place: AIRCRAFT }, condition: { status: 'fit' } });
    const log = await signerFor(w, null);
    const forked = signCheckpoint({ origin: LOG_ORIGIN, size: 10, root: rootOf([Buffer.alloc(32, 9)]) }, log);
    await witnessHead(w.cx(w.moj), { checkpoint: (await currentCheckpoint(w.op)).note });
    const split = await witnessHead(w.cx(w.moj), { checkpoint: forked });
    expect(split.consistent).toBe(false);
    w.clock.advance(2 * 24 * HOUR);
    const window = { since, until: w.clock.now().toISOString() };
    for (const p of [w.hf, w.jtf]) {
      const items = await custodyAgendaSource.items(w.cx(p), window);
      expect(items).toContainEqual(expect.objectContaining({
        section: 'handovers', severity: 'warning', title: `Handover of ${isnOf(1)} from HF to JTF awaits JTF's signature`, ref: { kind: 'handover', id: h.id }, marking: expect.objectContaining({ level: 'U' }),
      }));
      expect(items).toContainEqual(expect.objectContaining({ section: 'custody', severity: 'critical', ref: { kind: 'custody-alert', id: split.alert!.id } }));
    }
    const moj = await custodyAgendaSource.items(w.cx(w.moj), window);
    expect(moj.filter((i) => i.section === 'handovers')).toEqual([]);
  });
});
