import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelHandover, checkBundle, createHandover, detaineeTimeline, exportBundle, listHandovers, placeHistory, recordEvent, showHandover, signHandover, verifyLog,
} from '../../src/custody/index.js';
import { DomainError } from '../../src/kernel/index.js';
import { showDetainee } from '../../src/registry/index.js';
import { principal } from '../support/world.js';
import { buildDetainee } from '../support/factories.js';
import { contextFor } from '../../src/access/index.js';
import { DIALECTS } from '../support/stores.js';
import { AIRCRAFT, isnOf, openCustodyWorld, type CustodyWorld } from './world.js';

async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

const FIT = { status: 'fit' as const };

describe.each(DIALECTS)('handovers and custody events (%s)', (dialect) => {
  let w: CustodyWorld;
  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 4 });
  });
  afterAll(async () => w.close());

  it('a handover is pending with one signature, and changes nothing until the receiving agency signs', async () => {
    const h = await createHandover(w.cx(w.hf), { detainee: isnOf(1), to: { agency: 'JTF', place: AIRCRAFT }, condition: FIT, biometric: { modality: 'fingerprint', score: 0.97 }, witnesses: [{ name: 'Observer One', role: 'ICRC' }] });
    expect(h).toMatchObject({ status: 'pending', from: { agency: 'HF', place: 'PRISON-A' }, to: { agency: 'JTF', place: AIRCRAFT }, signedBy: ['HF'], logIndex: null });
    expect((await listHandovers(w.cx(w.jtf))).map((x) => x.id)).toEqual([h.id]);
    expect((await listHandovers(w.cx(w.jtf), { role: 'releasing' })).map((x) => x.id)).toEqual([]);
    const before = await showDetainee(w.cx(w.hf), isnOf(1));
    expect(before).toMatchObject({ custodian: 'HF', facility: 'PRISON-A', status: 'held' });
    expect((await errorOf(createHandover(w.cx(w.hf), { detainee: isnOf(1), to: { agency: 'MOJ', place: 'BIAP' }, condition: FIT }))).code).toBe('CUSTODY_HANDOVER_PENDING');
    expect((await errorOf(signHandover(w.cx(w.moj), h.id))).code).toBe('CUSTODY_NOT_YOUR_AGENCY');

    const done = await signHandover(w.cx(w.jtf), h.id);
    expect(done).toMatchObject({ status: 'completed', signedBy: ['HF', 'JTF'], logIndex: expect.any(Number) });
    expect(await showDetainee(w.cx(w.jtf), isnOf(1))).toMatchObject({ custodian: 'JTF', facility: null, status: 'in-transit', version: before.version + 1 });
    expect((await errorOf(signHandover(w.cx(w.jtf), h.id))).code).toBe('CUSTODY_HANDOVER_CLOSED');
    expect((await showHandover(w.cx(w.hf), h.id)).status).toBe('completed');
  });

  it('the timeline shows both signatures and a verified proof; the bundle checks offline', async () => {
    const t = await detaineeTimeline(w.cx(w.moj), isnOf(1));
    expect(t.entries.map((e) => [e.event.type, e.signedBy, e.proof])).toEqual([['intake', ['HF'], 'verified'], ['handover', ['HF', 'JTF'], 'verified']]);
    expect(t).toMatchObject({ custodian: { agency: 'JTF', place: AIRCRAFT }, chain: { ok: true }, pending: [] });
    const bundle = await exportBundle(w.cx(w.moj), isnOf(1));
    expect(Object.keys(bundle.agencies).sort()).toEqual(['sallyport/agency/HF', 'sallyport/agency/JTF']);
    const ok = checkBundle(JSON.stringify(bundle));
    expect(ok).toMatchObject({ ok: true, detainee: isnOf(1), entries: 2, custodian: { agency: 'JTF', place: AIRCRAFT }, problems: [] });
    const forged = structuredClone(bundle);
    (forged.entries[1]!.event as { to: { place: string } }).to.place = 'BIAP';
    expect(checkBundle(JSON.stringify(forged)).problems.join('\n')).toMatch(/entry \d+: inclusion: the proof does not lead to the root/);
    const unsigned = structuredClone(bundle);
    delete unsigned.agencies['sallyport/agency/JTF'];
    expect(checkBundle(JSON.stringify(unsigned)).problems.join('\n')).toMatch(/unknown key sallyport\/agency\/JTF/);
    const gap = { ...structuredClone(bundle), entries: [bundle.entries[1]!] };
    expect(checkBundle(JSON.stringify(gap)).problems.join('\n')).toMatch(/chain of custody broken/);
  });

  it("replays a place's population from the log: the prison loses the one handed over, the aircraft gains him", async () => {
    const prison = await placeHistory(w.cx(w.jtf), 'PRISON-A');
    expect(prison.points.at(-1)?.count).toBe(3);
    expect(prison.points.map((p) => p.day)).toEqual([...new Set(prison.points.map((p) => p.day))].sort());
    expect((await placeHistory(w.cx(w.jtf), AIRCRAFT)).points.at(-1)?.count).toBe(1);
    expect((await placeHistory(w.cx(w.jtf), 'NOWHERE')).points).toEqual([]);
  });

  it('custody events move the detainee in the registry, in the same transaction as the log', async () => {
    const jtf = w.cx(w.jtf);
    await recordEvent(jtf, { type: 'leaves-aircraft', detainee: isnOf(1), aircraft: AIRCRAFT, at: 'STAGE-1' });
    expect(await showDetainee(jtf, isnOf(1))).toMatchObject({ facility: 'STAGE-1', status: 'held' });
    await recordEvent(jtf, { type: 'medical-event', detainee: isnOf(1), condition: { status: 'fit-with-needs', notes: 'dehydrated' }, description: 'fluids given' });
    await recordEvent(jtf, { type: 'boards-aircraft', detainee: isnOf(1), aircraft: AIRCRAFT, at: 'STAGE-1' });
    const h = await createHandover(jtf, { detainee: isnOf(1), to: { agency: 'MOJ', place: 'BIAP' }, condition: FIT });
    await signHandover(w.cx(w.moj), h.id);
    await recordEvent(w.cx(w.moj), { type: 'admitted-to-reception', detainee: isnOf(1), at: 'BIAP' });
    expect(await showDetainee(w.cx(w.moj), isnOf(1))).toMatchObject({ custodian: 'MOJ', facility: 'BIAP', status: 'held' });
    const e = await errorOf(recordEvent(jtf, { type: 'escape', detainee: isnOf(1), description: 'x' }));
    expect(e.code).toBe('CUSTODY_NOT_YOUR_AGENCY');
    const wrongPlace = await errorOf(recordEvent(w.cx(w.moj), { type: 'leaves-aircraft', detainee: isnOf(1), aircraft: AIRCRAFT, at: 'BIAP' }));
    expect(wrongPlace.code).toBe('CUSTODY_NOT_IN_CUSTODY');
    await recordEvent(w.cx(w.moj), { type: 'release', detainee: isnOf(1), reason: 'acquitted' });
    expect(await showDetainee(w.cx(w.moj), isnOf(1))).toMatchObject({ custodian: null, facility: null, status: 'released' });
    expect((await detaineeTimeline(w.cx(w.moj), isnOf(1))).chain).toEqual({ ok: true });
  });

  it('a failed append leaves neither a log entry nor a registry change', async () => {
    const before = (await verifyLog(w.op)).size;
    const e = await errorOf(recordEvent(w.cx(w.hf), { type: 'boards-aircraft', detainee: isnOf(2), aircraft: 'NO-SUCH', at: 'PRISON-A' }));
    expect(e.code).toBe('CUSTODY_UNKNOWN_PLACE');
    expect((await verifyLog(w.op)).size).toBe(before);
    expect((await showDetainee(w.cx(w.hf), isnOf(2))).status).toBe('held');
  });

  it('a cancelled handover is closed and logged nowhere', async () => {
    const h = await createHandover(w.cx(w.hf), { detainee: isnOf(2), to: { agency: 'JTF', place: AIRCRAFT }, condition: FIT });
    expect((await cancelHandover(w.cx(w.jtf), h.id)).status).toBe('cancelled');
    expect((await errorOf(signHandover(w.cx(w.jtf), h.id))).code).toBe('CUSTODY_HANDOVER_CLOSED');
    expect(await listHandovers(w.cx(w.jtf))).toEqual([]);
  });

  it('custody reads obey the access scope: an unseen detainee has no timeline, bundle or handover', async () => {
    const usa = principal({ country: 'USA', roles: ['registrar', 'custodian'], agencyId: w.jtf.agencyId, agencyCode: 'JTF' });
    await buildDetainee(contextFor(w.store.db, usa, w.clock), 90, { marking: 'S//NOFORN', facility: 'PRISON-A', custodian: 'JTF' });
    await recordEvent(w.cx(w.jtf), { type: 'intake', detainee: isnOf(90), place: 'PRISON-A' });
    const h = await createHandover(w.cx(w.jtf), { detainee: isnOf(90), to: { agency: 'MOJ', place: 'BIAP' }, condition: FIT });
    const reads = [
      () => detaineeTimeline(w.cx(w.moj), isnOf(90)), () => exportBundle(w.cx(w.moj), isnOf(90)),
      () => showHandover(w.cx(w.moj), h.id), () => signHandover(w.cx(w.moj), h.id),
    ];
    for (const read of reads) expect((await errorOf(read())).kind).toBe('not-found');
    expect((await listHandovers(w.cx(w.moj))).map((x) => x.id)).not.toContain(h.id);
    expect((await detaineeTimeline(w.cx(w.jtf), isnOf(90))).pending.map((x) => x.id)).toEqual([h.id]);
  });

  it('the whole log verifies, signatures and chains included', async () => {
    const r = await verifyLog(w.op);
    expect(r).toMatchObject({ ok: true, firstBad: null });
    expect(r.signatures).toBeGreaterThan(r.entries);
  });
});
