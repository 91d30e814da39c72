import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAgenda, buildSitrep, createAction, createCall, listActions, listCalls, recordAttendance, recordDecision, renderSitrep, showCall, updateAction,
  type TAction, type TCall,
} from '../../src/coordination/index.js';
import { showFacility, updateFacility } from '../../src/registry/index.js';
import { errorOf } from '../camps/camp-world.js';
import { DIALECTS } from '../support/stores.js';
import { openCoordWorld, type CoordWorld } from './world.js';

const HOUR = 3_600_000;

describe.each(DIALECTS)('coordination: calls, agenda, actions and SITREP by clearance (%s)', (dialect) => {
  let w: CoordWorld;
  let call1: TCall;
  let shared: TAction;
  let secret: TAction;

  beforeAll(async () => {
    w = await openCoordWorld(dialect);
    call1 = await createCall(w.usa, { date: '2026-01-10', agencies: ['JTF', 'IRQ-MOJ'] });
    w.clock.advance(HOUR);
    await recordAttendance(w.usa, call1.id, { agency: 'JTF', person: 'Col. Example' });
    await recordAttendance(w.usa, call1.id, { agency: 'IRQ-MOJ', person: 'Director Example', present: false });
    await recordDecision(w.usa, call1.id, { text: 'Move P02 first', decidedBy: 'JTF', marking: 'S//REL TO USA' });
    shared = await createAction(w.usa, call1.id, { title: 'Confirm intake stations', owner: 'IRQ-MOJ', due: '2026-01-11', marking: 'C//REL TO IRQ, USA' });
    secret = await createAction(w.usa, call1.id, { title: 'Task two more CH-47F', owner: 'JTF', due: '2026-01-15', marking: 'S//NOFORN' });
    const p02 = await showFacility(w.admin, 'P02');
    // collapseRisk given again: the registry's partial update would otherwise reset it to its default (0).
    await updateFacility(w.admin, 'P02', { version: p02.version, status: 'at-risk', collapseRisk: 0.6 });
  });
  afterAll(async () => w.close());

  it('starts a call today at the moment it is created, and records its attendance', async () => {
    expect(call1).toMatchObject({ date: '2026-01-10', startsAt: '2026-01-10T08:01:00.000Z', agencies: ['JTF', 'IRQ-MOJ'], marking: 'U' });
    const detail = await showCall(w.usa, call1.id);
    expect(detail.attendance.map((a) => [a.agency, a.present])).toEqual([['IRQ-MOJ', false], ['JTF', true]]);
    expect(detail.banner).toBe('S//NOFORN');
  });

  it('shows the lower-cleared reader an agenda without what they may not see, under their banner', async () => {
    w.clock.set('2026-01-13T06:00:00.000Z');
    const low = await buildAgenda(w.irq, { date: '2026-01-13' });
    expect(low.previousCall?.id).toBe(call1.id);
    expect(low.items.map((i) => i.title)).toEqual(['Overdue: Confirm intake stations (IRQ-MOJ, due 2026-01-11)']);
    expect(low.items[0]).toMatchObject({ severity: 'warning', marking: 'C//REL TO IRQ, USA', source: 'coordination.actions' });
    expect(low.banner).toBe('CONFIDENTIAL//REL TO IRQ, USA');
    expect(JSON.stringify(low)).not.toMatch(/P02|CH-47F|Move P02/);
  });

  it('shows the same data to the higher-cleared reader: the decision, the secret action, the facility', async () => {
    const high = await buildAgenda(w.usa, { date: '2026-01-13' });
    const titles = high.items.map((i) => i.title);
    expect(titles).toContain('Overdue: Confirm intake stations (IRQ-MOJ, due 2026-01-11)');
    expect(titles).toContain('New action: Task two more CH-47F (JTF, due 2026-01-15)');
    expect(titles).toContain('Decision: Move P02 first');
    expect(titles).toContain('P02 Facility P02: at-risk, collapse risk 60 % within 7 days');
    expect(high.marking).toBe('S//NOFORN');
    expect(high.banner).toBe('SECRET//NOFORN');
  });

  it('tracks an action until done: overdue ones carry over to the next call, done ones leave it', async () => {
    const call2 = await createCall(w.usa, { date: '2026-01-13', title: 'Call two' });
    expect(call2.startsAt).toBe('2026-01-13T06:00:00.000Z');
    const a2 = await buildAgenda(w.irq, { call: call2.id });
    expect(a2.items.map((i) => i.title)).toEqual(['Overdue: Confirm intake stations (IRQ-MOJ, due 2026-01-11)']);
    expect((await listActions(w.irq, { status: 'overdue' })).map((a) => a.id)).toEqual([shared.id]);

    w.clock.advance(HOUR);
    const moving = await updateAction(w.irq, shared.id, { status: 'in-progress', version: 1 });
    expect(moving).toMatchObject({ status: 'in-progress', version: 2, overdue: true });
    expect((await errorOf(updateAction(w.irq, shared.id, { status: 'done', version: 1 }))).code).toBe('COORDINATION_STALE_ACTION');
    const done = await updateAction(w.irq, shared.id, { status: 'done', note: 'stations confirmed' });
    expect(done).toMatchObject({ status: 'done', overdue: false, closedAt: '2026-01-13T07:00:00.000Z' });
    expect((await errorOf(updateAction(w.irq, shared.id, { status: 'open' }))).code).toBe('COORDINATION_ACTION_CLOSED');
    // The lower-cleared reader cannot touch (or learn of) the secret action.
    expect((await errorOf(updateAction(w.irq, secret.id, { status: 'done' }))).code).toBe('NOT_FOUND');

    w.clock.set('2026-01-14T06:00:00.000Z');
    const call3 = await createCall(w.usa, { date: '2026-01-14', title: 'Call three' });
    const a3 = await buildAgenda(w.irq, { call: call3.id });
    expect(a3.previousCall?.id).toBe(call2.id);
    expect(a3.items.map((i) => i.title)).toEqual(['Done: Confirm intake stations (IRQ-MOJ)']);
    expect((await listActions(w.irq, { status: 'overdue' }))).toEqual([]);
    // Every change is in the audit trail, by whom and from what to what.
    const audited = await w.store.db.selectFrom('audit_events').select(['username', 'details']).where('action', '=', 'coordination.action.update').where('subject_id', '=', shared.id).orderBy('at').execute();
    expect(audited).toHaveLength(2);
    expect(audited.map((a): unknown[] => [a.username, JSON.parse(a.details)])).toEqual(expect.arrayContaining([['moj.prosecutor', { from: 'open', to: 'in-progress' }], ['moj.prosecutor', { from: 'in-progress', to: 'done' }]]));
  });

  it('scopes calls, decisions and actions to the reader', async () => {
    const secretCall = await createCall(w.usa, { date: '2026-01-14', title: 'Restricted call', marking: 'S//NOFORN' });
    expect((await listCalls(w.irq)).map((c) => c.id)).not.toContain(secretCall.id);
    expect((await errorOf(showCall(w.irq, secretCall.id))).code).toBe('NOT_FOUND');
    expect((await errorOf(recordDecision(w.irq, secretCall.id, { text: 'x', decidedBy: 'y' }))).code).toBe('NOT_FOUND');
    const mine = await showCall(w.irq, call1.id);
    expect(mine.decisions).toEqual([]);
    expect(mine.actions.map((a) => a.id)).toEqual([shared.id]);
    expect(mine.banner).toBe('C//REL TO IRQ, USA');
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    expect(await errorOf(createAction(w.usa, call1.id, { title: 'x', owner: 'NOPE', due: '2026-01-20' }))).toMatchObject({ code: 'COORDINATION_UNKNOWN_AGENCY', details: { field: 'owner' } });
    expect(await errorOf(createCall(w.irq, { date: '2026-01-14', marking: 'S//REL TO IRQ' }))).toMatchObject({ code: 'COORDINATION_MARKING_ABOVE_CALLER', details: { field: 'marking' } });
    expect(await errorOf(createCall(w.usa, { date: '2026-01-14', agencies: ['JTF', 'XX'] }))).toMatchObject({ code: 'COORDINATION_UNKNOWN_AGENCY', details: { field: 'agencies[1]' } });
    await expect(createAction(w.usa, call1.id, { title: 'x', owner: 'JTF', due: '2026-02-30' })).rejects.toThrow(/not a calendar date/);
    const viewer = { ...w.irq, principal: { ...w.irq.principal, roles: ['viewer' as const] } };
    expect((await errorOf(createCall(viewer, { date: '2026-01-14' }))).code).toBe('FORBIDDEN');
    expect((await listActions(w.usa)).map((a) => a.title).sort()).toEqual(['Confirm intake stations', 'Task two more CH-47F']);
  });

  it('writes a SITREP per reader: the numbers, changes, decisions and actions they may see, with their banner', async () => {
    const low = await buildSitrep(w.irq, '2026-01-13');
    expect(low.banner).toBe('CONFIDENTIAL//REL TO IRQ, USA');
    expect(low.sites.map((s) => [s.site, s.remaining, s.expectedLoss, s.marking])).toEqual([['P01', 3, 0.9, 'C//REL TO IRQ, USA']]);
    expect(low.figures.find((f) => f.key === 'movement.expected-loss')?.value).toBe(0.9);
    expect(low.decisions).toEqual([]);
    const md = String(await renderSitrep(low, 'md'));
    expect(md.split('\n')[0]).toBe('**CONFIDENTIAL//REL TO IRQ, USA**');
    expect(md).toContain('| (C//REL TO IRQ, USA) | P01 Facility P01 | 3 | 0 | 3 | 0.9 |');
    expect(md).not.toMatch(/P02|CH-47F|NOFORN/);

    const high = await buildSitrep(w.usa, '2026-01-13');
    expect(high.banner).toBe('SECRET//NOFORN');
    expect(high.sites.map((s) => [s.site, s.remaining])).toEqual([['P01', 3], ['P02', 2]]);
    expect(high.figures.find((f) => f.key === 'movement.expected-loss')?.value).toBe(2.1);
    expect(high.calls.map((c) => c.title)).toEqual(['Call two']);
    const html = String(await renderSitrep(high, 'html'));
    expect(html).toContain('@media print');
    expect(html).toContain('<div class="banner top" data-testid="sitrep-banner-top">SECRET//NOFORN</div>');
    expect(html).toContain('(S//NOFORN)');
    const pdf = await renderSitrep(high, 'pdf');
    expect(Buffer.isBuffer(pdf) && pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
