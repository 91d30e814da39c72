import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Ctx } from '../../src/access/index.js';
import { buildAgenda, listActions, listCalls, showCall } from '../../src/coordination/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import { openScenarioStore, userCtx } from '../support/scenario.js';
import { DIALECTS, type TestStore } from '../support/stores.js';

// The reference scenario's daily calls, loaded through the coordination module: the call page and the
// agenda's overdue actions have data on first start, each reader seeing only what they may.
describe.each(DIALECTS)('the scenario\'s daily calls (%s)', (dialect) => {
  let store: TestStore;
  const as = (username: string, at = '2026-02-01T09:00:00Z'): Promise<Ctx> => userCtx(store.db, username, new FixedClock(at));

  beforeAll(async () => {
    store = await openScenarioStore(dialect, { seed: 'reference', detainees: 60, facilities: 4, aircraft: 4, campResidents: 0 });
  });
  afterAll(async () => store.drop());

  it('seeds a call a day from 22 December to 27 January, each with attendance, decisions and actions', async () => {
    const calls = await listCalls(await as('jtf.s'));
    expect(calls).toHaveLength(37);
    expect([calls.at(-1)!.date, calls[0]!.date]).toEqual(['2025-12-22', '2026-01-27']);
    expect(calls.every((c) => c.startsAt.endsWith('T07:00:00.000Z') && c.marking === 'C//REL TO CHE, IRQ, SYR, USA')).toBe(true);
    const detail = await showCall(await as('jtf.s'), calls[0]!.id);
    expect(detail.attendance.length).toBeGreaterThanOrEqual(6);
    expect(detail.attendance.some((a) => /[\u0600-\u06FF]/.test(a.person))).toBe(true);
    expect(detail.decisions.length).toBeGreaterThan(0);
  });

  it('leaves some actions done, some cancelled and some overdue; a lower reader sees fewer, never the threat reporting', async () => {
    const high = await listActions(await as('jtf.s'));
    const statuses = new Set(high.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['cancelled', 'done', 'in-progress', 'open']);
    const overdue = await listActions(await as('jtf.s'), { status: 'overdue', asOf: '2026-02-01' });
    expect(overdue.length).toBeGreaterThan(3);
    expect(overdue.every((a) => a.overdue && a.due < '2026-02-01')).toBe(true);
    expect(high.some((a) => a.marking === 'S//REL TO IRQ, USA')).toBe(true);
    const low = await listActions(await as('hf.c'));
    expect(low.length).toBeGreaterThan(0);
    expect(low.length).toBeLessThan(high.length);
    expect(low.every((a) => a.marking === 'C//REL TO CHE, IRQ, SYR, USA')).toBe(true);
  });

  it('puts the overdue actions on the first agenda after the last call', async () => {
    const agenda = await buildAgenda(await as('jtf.s'), { date: '2026-02-01' });
    expect(agenda.previousCall?.date).toBe('2026-01-27');
    const overdue = agenda.items.filter((i) => i.section === 'actions' && i.title.startsWith('Overdue: '));
    expect(overdue.length).toBeGreaterThan(3);
    expect(agenda.items.map((i) => i.marking)).toContain('S//REL TO IRQ, USA');
    const lower = await buildAgenda(await as('hf.c'), { date: '2026-02-01' });
    expect(lower.items.every((i) => i.marking !== 'S//REL TO IRQ, USA')).toBe(true);
    expect(lower.items.filter((i) => i.title.startsWith('Overdue: ')).length).toBeGreaterThan(0);
  });
});
