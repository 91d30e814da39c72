import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardSorties, setSortieStatus, type TSortie } from '../../src/airlift/index.js';
import { buildApp, type SallyportApp } from '../../src/server/index.js';
import { buildUser } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, problem } from '../http/harness.js';
import { openExecWorld, type ExecWorld } from './execution-world.js';

// The execution board's sorties a page at a time (server-side paging with the total), in progress or all.
describe.each(DIALECTS)('the execution board, paged (%s)', (dialect) => {
  let w: ExecWorld;
  let app: SallyportApp;
  beforeAll(async () => {
    // 170 detainees on a 100-seat C-17 (80 with their escort): three sorties.
    w = await openExecWorld(dialect, { planned: 170 });
    await buildUser(w.store, w.clock, { username: 'jtf.p', agency: 'JTF', clearance: 'S', roles: ['planner'] });
    app = await buildApp({ store: w.store, clock: w.clock, keyring: w.keyring });
    await app.ready();
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await w?.close();
  });

  it('walks every sortie in order of departure, one a page, each page with the total', async () => {
    const ctx = w.ctx(w.planner);
    expect(w.sorties.length).toBeGreaterThanOrEqual(3);
    const seen: TSortie[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await boardSorties(ctx, w.planId, { which: 'all', limit: 1, ...(cursor !== undefined ? { cursor } : {}) });
      expect(page.total).toBe(w.sorties.length);
      expect(page.items).toHaveLength(1);
      seen.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    expect(seen.map((s) => s.id)).toEqual([...w.sorties].sort((a, b) => a.depart.localeCompare(b.depart) || a.id.localeCompare(b.id)).map((s) => s.id));
    expect(seen.reduce((n, s) => n + s.manifested, 0)).toBe(170);
  });

  it('lists only the sorties in progress by default', async () => {
    const ctx = w.ctx(w.planner);
    expect(await boardSorties(ctx, w.planId)).toMatchObject({ items: [], total: 0, nextCursor: null });
    const second = [...w.sorties].sort((a, b) => a.depart.localeCompare(b.depart))[1]!;
    await setSortieStatus(ctx, second.id, { status: 'boarding' });
    const page = await boardSorties(ctx, w.planId);
    expect(page.total).toBe(1);
    expect(page.items.map((s) => [s.id, s.status])).toEqual([[second.id, 'boarding']]);
  });

  it('over HTTP: the page, and a bad cursor or limit refused naming the field', async () => {
    const jtf = await clientFor(app, 'jtf.p');
    const res = await jtf.get(`/api/airlift/plans/${w.planId}/board?which=all&limit=2`);
    expect(res.statusCode).toBe(200);
    const page = res.json<{ items: unknown[]; total: number; nextCursor: string | null }>();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(w.sorties.length);
    const rest = (await jtf.get(`/api/airlift/plans/${w.planId}/board?which=all&limit=2&cursor=${page.nextCursor!}`)).json<{ items: unknown[]; nextCursor: string | null }>();
    expect(rest.items).toHaveLength(w.sorties.length - 2);
    const bad = await jtf.get(`/api/airlift/plans/${w.planId}/board?cursor=nonsense`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(problem(bad))).toMatch(/cursor/);
    const zero = await jtf.get(`/api/airlift/plans/${w.planId}/board?limit=0`);
    expect(zero.statusCode).toBe(400);
    expect(JSON.stringify(problem(zero))).toMatch(/limit/);
  });
});
