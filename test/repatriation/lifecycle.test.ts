import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, type Ctx } from '../../src/access/index.js';
import { listResidents, residentsById } from '../../src/camps/index.js';
import { detaineeTimeline } from '../../src/custody/index.js';
import { listDetainees, listFacilities, showDetainee } from '../../src/registry/index.js';
import {
  cancelBatch, createBatch, handOverBatch, listBatches, listCountries, receiveBatch, recordEngagement, repatriationAgendaSource, showBatch,
  repatriationOutcomeSource, setCountryStatus, showCountry, type TBatch,
} from '../../src/repatriation/index.js';
import { DIALECTS } from '../support/stores.js';
import { errorOf, openRepatriationWorld, START, type RepatriationWorld } from './world.js';

/** Batches are shared with the holding force (SYR), the receiving country (IRQ) and the diplomats (USA). */
const BATCH = 'C//REL TO IRQ, SYR, USA';

/** Ids seen by every one of `ctxs`, from a list function of each. */
async function common<T>(ctxs: Ctx[], list: (ctx: Ctx) => Promise<T[]>, key: (t: T) => string): Promise<T[]> {
  const [first, ...rest] = await Promise.all(ctxs.map(list));
  const others = rest.map((r) => new Set(r.map(key)));
  return first!.filter((t) => others.every((s) => s.has(key(t))));
}

describe.each(DIALECTS)('repatriation lifecycle (%s)', (dialect) => {
  let w: RepatriationWorld;
  let diplo: Ctx;
  /** A diplomat who also holds the CHILD caveat: children's records are marked with it. */
  let diploChild: Ctx;
  let hf: Ctx;
  let irq: Ctx;
  let detainees: string[];
  let adults: string[];
  let children: string[];
  let place: string;
  let batch: TBatch;

  beforeAll(async () => {
    w = await openRepatriationWorld(dialect);
    [diplo, hf, irq] = await Promise.all([w.as('diplo.s'), w.as('hf.s'), w.as('irq-cts.s')]);
    diploChild = contextFor(w.store.db, { ...diplo.principal, groups: ['CHILD'] }, w.clock);
    const held = await common([diplo, hf, irq], async (c) => (await listDetainees(c, { nationality: 'IRQ', status: 'held', limit: 500 })).items, (d) => d.isn);
    detainees = held.slice(0, 3).map((d) => d.isn);
    const residents = await common([diplo, hf], async (c) => (await listResidents(c, { nationality: 'IRQ', status: 'resident', limit: 500 })).items, (r) => r.id);
    adults = residents.filter((r) => (r.age ?? 0) >= 18).map((r) => r.id);
    children = (await listResidents(diploChild, { nationality: 'IRQ', status: 'resident', ageMax: 17, limit: 50 })).items.map((r) => r.id);
    place = (await common([diplo, hf, irq], async (c) => (await listFacilities(c)).filter((f) => f.kind === 'prison'), (f) => f.code))[0]!.code;
  }, 120_000);

  afterAll(async () => {
    await w?.close();
  });

  it('has the world the suite needs', () => {
    expect(detainees).toHaveLength(3);
    expect(adults.length).toBeGreaterThan(1);
    expect(children.length).toBeGreaterThan(0);
  });

  it('seeds the countries of origin: Iraq negotiating, with its log and an open request', async () => {
    const board = await showCountry(diplo, 'IRQ');
    expect(board.summary.status).toBe('negotiating');
    expect(board.transitions).toEqual(['accepted', 'declined']);
    expect(board.engagements.map((e) => e.kind)).toContain('request');
    expect(board.history.map((h) => h.to)).toEqual(['negotiating', 'contacted']);
    expect(board.nationals.detainees.held).toBeGreaterThanOrEqual(3);
    expect(board.nationals.residents.present).toBeGreaterThan(0);
    expect(board.reaching18).toHaveLength(24);
    expect(board.marking).not.toBe('U');
    const list = await listCountries(diplo);
    // Syrians held in Syria's prisons and camps are at home: not nationals to repatriate, so Syria is not listed.
    expect(list.items.map((c) => c.country)).not.toContain('SYR');
    expect(list.items.length).toBeGreaterThan(5);
  });

  it('validates status transitions and versions', async () => {
    const refused = await errorOf(setCountryStatus(diplo, 'IRQ', { status: 'repatriating' }));
    expect(refused.code).toBe('REPATRIATION_BAD_TRANSITION');
    expect(refused.message).toMatch(/cannot move from negotiating to repatriating/);
    expect((await errorOf(setCountryStatus(diplo, 'IRQ', { status: 'accepted', version: 7 }))).code).toBe('STALE_VERSION');
    expect((await errorOf(setCountryStatus(hf, 'IRQ', { status: 'accepted' }))).code).toBe('FORBIDDEN');
  });

  it('records an answer and accepts, with conditions', async () => {
    const e = await recordEngagement(diplo, 'IRQ', { kind: 'answer', outcome: 'accepted-with-conditions', summary: 'Iraq agrees to receive its nationals', marking: 'C//REL TO IRQ, USA' });
    expect(e.marking).toBe('C//REL TO IRQ, USA');
    const s = await setCountryStatus(diplo, 'IRQ', { status: 'accepted', conditions: ['prosecution-assurances'], version: 1, note: 'answer received' });
    expect(s.status).toBe('accepted');
    expect(s.conditions).toEqual(['prosecution-assurances']);
    const board = await showCountry(diplo, 'IRQ');
    expect(board.engagements[0]?.id).toBe(e.id);
    expect(board.history[0]).toMatchObject({ from: 'negotiating', to: 'accepted', by: 'diplo.s' });
  });

  it('refuses a batch that misses a condition, naming what is missing, and stores nothing', async () => {
    const members = [...detainees.map((id) => ({ kind: 'detainee' as const, id })), { kind: 'resident' as const, id: adults[0]! }];
    const err = await errorOf(createBatch(diplo, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-12', members, marking: BATCH }));
    expect(err.code).toBe('REPATRIATION_CONDITION_UNMET');
    expect(err.details.field).toBe('assurances');
    expect(err.message).toContain(detainees[0]);
    expect((await listBatches(diplo, { country: 'IRQ' })).items).toHaveLength(0);
  });

  it('plans a batch and refuses the same person in a second one', async () => {
    const members = [...detainees.slice(0, 2).map((id) => ({ kind: 'detainee' as const, id })), { kind: 'resident' as const, id: adults[0]! }];
    batch = await createBatch(diplo, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-12', members, assurances: 'NV-IRQ-2026-004', marking: BATCH });
    expect(batch.status).toBe('planned');
    expect(batch.members.map((m) => m.state)).toEqual(['planned', 'planned', 'planned']);
    expect(batch.members[0]?.isn).toBe(detainees[0]);
    const again = await errorOf(createBatch(diplo, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-13', members: [{ kind: 'detainee', id: detainees[1]! }], assurances: 'x', marking: BATCH }));
    expect(again.code).toBe('REPATRIATION_MEMBER_UNAVAILABLE');
    expect(again.details.field).toBe('members.0');
  });

  it('hands over: custody handovers pending the receiver, the resident repatriated from the camp, the country repatriating', async () => {
    expect((await errorOf(handOverBatch(await w.cx('irq-cts.s'), batch.id, { part: 'detainees' }))).code).toBe('CUSTODY_NOT_YOUR_AGENCY');
    expect((await errorOf(handOverBatch(await w.cx('irq-cts.s'), batch.id, { part: 'residents' }))).code).toBe('REPATRIATION_FIELD_WITHHELD');
    const after = await handOverBatch(await w.cx('hf.s'), batch.id);
    expect(after.status).toBe('handing-over');
    expect(after.members.map((m) => m.state)).toEqual(['awaiting-receipt', 'awaiting-receipt', 'handed-over']);
    expect(after.members[0]?.handover).toBeTruthy();
    expect((await residentsById(diplo, [adults[0]!])).get(adults[0]!)?.status).toBe('repatriated');
    expect((await showDetainee(diplo, detainees[0]!)).status).toBe('held');
    expect((await showCountry(diplo, 'IRQ')).summary.status).toBe('repatriating');
    expect((await errorOf(cancelBatch(diplo, batch.id))).code).toBe('REPATRIATION_BATCH_STATE');
    expect((await errorOf(handOverBatch(await w.cx('hf.s'), batch.id))).code).toBe('REPATRIATION_BATCH_STATE');
  });

  it('is received by the country\'s agency only; then the detainees are repatriated and the progress moves', async () => {
    const before = await showCountry(diplo, 'IRQ');
    expect((await errorOf(receiveBatch(await w.cx('hf.s'), batch.id))).code).toBe('CUSTODY_NOT_YOUR_AGENCY');
    expect((await showBatch(diplo, batch.id)).status).toBe('handing-over');
    const done = await receiveBatch(await w.cx('irq-cts.s'), batch.id);
    expect(done.status).toBe('handed-over');
    expect(done.closedAt).toBe(START);
    const d = await showDetainee(diplo, detainees[0]!);
    expect(d.status).toBe('repatriated');
    const timeline = await detaineeTimeline(await w.cx('irq-cts.s'), detainees[0]!);
    const handover = timeline.entries.find((e) => e.event.type === 'handover');
    expect(handover?.signedBy.sort()).toEqual(['HF', 'IRQ-CTS']);
    expect(timeline.entries.at(-1)?.event.type).toBe('repatriation');
    const now = await showCountry(diplo, 'IRQ');
    expect(now.nationals.detainees.repatriated).toBe(before.nationals.detainees.repatriated + 2);
    expect(now.summary.repatriated).toBe(before.summary.repatriated + 2);
    expect(now.summary.progress).toBeGreaterThan(before.summary.progress);
  });

  it('refuses children only for an adult, naming her', async () => {
    await setCountryStatus(diplo, 'IRQ', { status: 'negotiating' });
    await setCountryStatus(diplo, 'IRQ', { status: 'accepted', conditions: ['children-only'] });
    const err = await errorOf(createBatch(diploChild, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-20', members: [{ kind: 'resident', id: children[0]! }, { kind: 'resident', id: adults[1]! }], marking: BATCH }));
    expect(err.code).toBe('REPATRIATION_CONDITION_UNMET');
    expect(err.details.field).toBe('members.1');
    expect(err.message).toMatch(new RegExp(`resident ${adults[1]!} is \\d+, an adult`));
    // A diplomat who does not hold the CHILD caveat never sees the child: not found, not "forbidden".
    expect((await errorOf(createBatch(diplo, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-20', members: [{ kind: 'resident', id: children[0]! }], marking: BATCH }))).code).toBe('NOT_FOUND');
    const ok = await createBatch(diploChild, { country: 'IRQ', receivingAgency: 'IRQ-CTS', place, at: '2026-01-20', members: [{ kind: 'resident', id: children[0]! }], marking: BATCH });
    const cancelled = await cancelBatch(diplo, ok.id, 'guardian to travel with the child');
    expect(cancelled.status).toBe('cancelled');
  });

  it('contributes to the agenda and the outcome dashboard', async () => {
    const items = await repatriationAgendaSource.items(diplo, { since: '2026-01-09T00:00:00.000Z', until: START });
    expect(items.some((i) => i.title.startsWith('IRQ answered'))).toBe(true);
    expect(items.some((i) => i.ref?.id === batch.id)).toBe(true);
    const figures = await repatriationOutcomeSource.figures(diplo, START);
    const irqDone = figures.find((f) => f.key === 'repatriation.IRQ.repatriated');
    expect(irqDone?.value).toBeGreaterThanOrEqual(3);
    expect(irqDone?.marking.level).not.toBe('U');
    const hfItems = await repatriationAgendaSource.items(hf, { since: '2026-01-09T00:00:00.000Z', until: START });
    expect(hfItems.some((i) => i.title.startsWith('IRQ answered'))).toBe(false);
  });
});
