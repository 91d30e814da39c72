import { ZodError } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { internMarking, listAudit, type Ctx } from '../../src/access/index.js';
import { listResidents } from '../../src/camps/index.js';
import { cancelHandover, showHandover } from '../../src/custody/index.js';
import { parseMarking } from '../../src/kernel/index.js';
import { listDetainees, listFacilities, showDetainee } from '../../src/registry/index.js';
import { createBatch, handOverBatch, receiveBatch, refuseBatch, setCountryStatus, showBatch, withdrawBatch } from '../../src/repatriation/index.js';
import { DIALECTS } from '../support/stores.js';
import { errorOf, openRepatriationWorld, type RepatriationWorld } from './world.js';

const BATCH = 'C//REL TO IRQ, SYR, USA';

/** A batch whose handovers are refused, withdrawn or cancelled in custody follows the custody outcome. */
describe.each(DIALECTS)('repatriation batch refused or withdrawn (%s)', (dialect) => {
  let w: RepatriationWorld;
  let diplo: Ctx;
  let detainees: string[];
  let adult: string;
  let place: string;
  const plan = (members: { kind: 'detainee' | 'resident'; id: string }[]) =>
    createBatch(diplo, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-12', members, marking: BATCH });
  const d = (id: string) => ({ kind: 'detainee' as const, id });

  beforeAll(async () => {
    w = await openRepatriationWorld(dialect);
    diplo = await w.as('diplo.s');
    const [hf, irq] = await Promise.all([w.as('hf.s'), w.as('irq-cts.s')]);
    const seen = async (c: Ctx) => new Set((await listDetainees(c, { nationality: 'IRQ', status: 'held', limit: 500 })).items.map((x) => x.isn));
    const [a, b, c] = await Promise.all([seen(diplo), seen(hf), seen(irq)]);
    detainees = [...a].filter((x) => b.has(x) && c.has(x)).slice(0, 4);
    const hfResidents = new Set((await listResidents(hf, { nationality: 'IRQ', status: 'resident', limit: 500 })).items.map((r) => r.id));
    adult = (await listResidents(diplo, { nationality: 'IRQ', status: 'resident', limit: 500 })).items.find((r) => (r.age ?? 0) >= 18 && hfResidents.has(r.id))!.id;
    const irqPlaces = new Set((await listFacilities(irq)).map((f) => f.code));
    place = (await listFacilities(diplo)).find((f) => f.kind === 'prison' && irqPlaces.has(f.code))!.code;
    await setCountryStatus(diplo, 'IRQ', { status: 'accepted' });
  }, 120_000);
  afterAll(async () => w?.close());

  it('refused by the receiving agency only, with a reason: the batch closes as handed over with the member received', async () => {
    const b = await plan([d(detainees[0]!), d(detainees[1]!), { kind: 'resident', id: adult }]);
    await handOverBatch(await w.cx('hf.s'), b.id);
    const notParty = await errorOf(refuseBatch(await w.cx('hf.s'), b.id, { reason: 'x' }));
    expect([notParty.code, notParty.details?.field]).toEqual(['REPATRIATION_NOT_PARTY', 'agency']);
    const noReason = await refuseBatch(await w.cx('irq-cts.s'), b.id, { reason: ' ' }).catch((e: unknown) => e);
    expect(noReason).toBeInstanceOf(ZodError);
    expect((noReason as ZodError).issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect((await showBatch(diplo, b.id)).status).toBe('handing-over');
    const done = await refuseBatch(await w.cx('irq-cts.s'), b.id, { reason: 'identity documents not matching' });
    expect(done.status).toBe('handed-over');
    expect(done.closedAt).not.toBeNull();
    expect(done.members.map((m) => [m.state, m.outcome, m.outcomeReason])).toEqual([
      ['not-handed-over', 'refused', 'identity documents not matching'], ['not-handed-over', 'refused', 'identity documents not matching'], ['handed-over', null, null],
    ]);
    expect((await showHandover(await w.as('hf.s'), done.members[0]!.handover!)).status).toBe('cancelled');
    expect((await showDetainee(diplo, detainees[0]!)).status).toBe('held');
    // The batch is closed: the detainees not handed over may be planned again.
    const again = await plan([d(detainees[0]!)]);
    expect(again.status).toBe('planned');
    const audit = (await listAudit(await w.as('audit.ts'), { action: 'repatriation.batch.refuse', subjectId: b.id })).items[0];
    expect(audit?.details).toMatchObject({ reason: 'identity documents not matching' });
  });

  it('withdrawn by the holder only: nobody received, back to planned (outcome kept), then cancelled', async () => {
    const b = await plan([d(detainees[2]!)]);
    await handOverBatch(await w.cx('hf.s'), b.id);
    expect((await errorOf(withdrawBatch(await w.cx('irq-cts.s'), b.id, { reason: 'x' }))).code).toBe('REPATRIATION_NOT_PARTY');
    const back = await withdrawBatch(await w.cx('hf.s'), b.id, { reason: 'escort not available' });
    expect(back.status).toBe('planned');
    expect(back.members.map((m) => [m.state, m.outcome, m.outcomeReason])).toEqual([['planned', 'withdrawn', 'escort not available']]);
    expect((await errorOf(withdrawBatch(await w.cx('hf.s'), b.id, { reason: 'x' }))).code).toBe('REPATRIATION_BATCH_STATE');
    await handOverBatch(await w.cx('hf.s'), b.id);
    const cancelled = await withdrawBatch(await w.cx('hf.s'), b.id, { reason: 'detainee unfit to travel', ifNoneReceived: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.members.map((m) => [m.state, m.outcome])).toEqual([['not-handed-over', 'withdrawn']]);
    const audit = (await listAudit(await w.as('audit.ts'), { action: 'repatriation.batch.withdraw', subjectId: b.id })).items;
    expect(audit.map((a) => (a.details as { reason: string }).reason).sort()).toEqual(['detainee unfit to travel', 'escort not available']);
  });

  it('follows a handover refused in custody outside the batch: received with the others, that one recorded as cancelled', async () => {
    const b = await plan([d(detainees[3]!), d(detainees[2]!)]);
    const handing = await handOverBatch(await w.cx('hf.s'), b.id);
    await cancelHandover(await w.cx('irq-cts.s'), handing.members[0]!.handover!);
    const done = await receiveBatch(await w.cx('irq-cts.s'), b.id);
    expect(done.status).toBe('handed-over');
    expect(done.members.map((m) => [m.state, m.outcome])).toEqual([['not-handed-over', 'cancelled'], ['handed-over', null]]);
    expect((await showDetainee(diplo, detainees[3]!)).status).toBe('held');
    expect((await showDetainee(diplo, detainees[2]!)).status).toBe('repatriated');
  });


  it('is one transaction: a handover the receiver cannot end stops the refusal and nothing is stored', async () => {
    const b = await plan([d(detainees[1]!), d(detainees[3]!)]);
    const handing = await handOverBatch(await w.cx('hf.s'), b.id);
    // The second detainee's record is re-marked so that the receiving agency no longer sees it.
    const was = (await w.store.db.selectFrom('detainees').select('marking_id').where('isn', '=', detainees[3]!).executeTakeFirstOrThrow()).marking_id;
    const noforn = await internMarking(w.store.db, parseMarking('S//NOFORN'), 'USA');
    await w.store.db.updateTable('detainees').set({ marking_id: noforn }).where('isn', '=', detainees[3]!).execute();
    const err = await errorOf(refuseBatch(await w.cx('irq-cts.s'), b.id, { reason: 'not ours' }));
    expect(err.code).toBe('NOT_FOUND');
    const after = await showBatch(diplo, b.id);
    expect([after.status, after.version]).toEqual(['handing-over', handing.version]);
    expect(after.members.map((m) => [m.state, m.outcome])).toEqual([['awaiting-receipt', null], ['awaiting-receipt', null]]);
    expect((await showHandover(await w.as('hf.s'), handing.members[0]!.handover!)).status).toBe('pending');
    // Seen again, the holder withdraws them all.
    await w.store.db.updateTable('detainees').set({ marking_id: was }).where('isn', '=', detainees[3]!).execute();
    expect((await withdrawBatch(await w.cx('hf.s'), b.id, { reason: 'receiver cannot see the record', ifNoneReceived: 'cancelled' })).status).toBe('cancelled');
  });
});
