import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvePlan, planInstance, planSorties, savePlan, setSortieStatus } from '../../src/airlift/index.js';
import { internMarking } from '../../src/access/index.js';
import { parseMarking } from '../../src/kernel/index.js';
import { buildApp, type SallyportApp } from '../../src/server/index.js';
import { buildUser } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { principal } from '../support/world.js';
import { clientFor, problem } from '../http/harness.js';
import { isnOf } from '../custody/world.js';
import { instanceFor, openExecWorld, type ExecWorld } from './execution-world.js';

// One person, two operations: a plan outside the parent chain of an approved, running plan over the same
// detainees is refused, naming only what the caller may see.
describe.each(DIALECTS)('approving a plan over detainees of another running operation (%s)', (dialect) => {
  let w: ExecWorld;
  let app: SallyportApp;
  // The world's plan (approved, running) covers detainees 1–6; 6 is SECRET//NOFORN, so its banner is too.
  beforeAll(async () => {
    w = await openExecWorld(dialect, { planned: 6, noforn: [6] });
    await buildUser(w.store, w.clock, { username: 'jtf.p', agency: 'JTF', clearance: 'S', roles: ['planner'] });
    app = await buildApp({ store: w.store, clock: w.clock, keyring: w.keyring });
    await app.ready();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await w?.close();
  });

  /** An Iraqi planner: sees the U records, neither detainee 6 nor the world's plan. */
  const mojPlanner = () => principal({ country: 'IRQ', agencyId: w.moj.agencyId, agencyCode: 'MOJ', username: 'planner.moj', clearance: 'S', roles: ['planner'], groups: [] });

  it('refuses an unrelated plan over the same detainees, naming the other plan and the overlap', async () => {
    const draft = await savePlan(w.ctx(w.planner), { plan: await planInstance(instanceFor(5)), name: 'second operation' });
    const err = await approvePlan(w.ctx(w.planner), draft.id).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'AIRLIFT_PLAN_OVERLAP', details: { plans: [{ plan: w.planId, overlap: 5, detainees: [1, 2, 3, 4, 5].map(isnOf) }] } });
    expect((err as Error).message).toContain(w.planId);
    expect((err as Error).message).toContain('5 of its detainees');
    // Nothing changed: still a draft, the other still approved.
    const listed = await planSorties(w.ctx(w.planner), draft.id);
    expect(listed.length).toBeGreaterThan(0);
  });

  it('shows a caller who may not see the other plan or some detainees neither', async () => {
    const moj = w.ctx(mojPlanner());
    const draft = await savePlan(moj, { plan: await planInstance(instanceFor(5)), name: 'ministry operation' });
    // Detainee 5's record is raised to NOFORN after the draft was saved: the Iraqi planner no longer sees it.
    const id = await internMarking(w.store.db, parseMarking('S//NOFORN'), 'USA');
    await w.store.db.updateTable('detainees').set({ marking_id: id }).where('isn', '=', isnOf(5)).execute();
    try {
      const err = await approvePlan(moj, draft.id).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'AIRLIFT_PLAN_OVERLAP', details: { plans: [{ plan: null, overlap: 4, detainees: [1, 2, 3, 4].map(isnOf) }] } });
      const text = JSON.stringify({ message: (err as Error).message, details: (err as { details: unknown }).details });
      expect(text).toContain('another approved plan you may not see');
      for (const hidden of [w.planId, 'exec-world', isnOf(5), isnOf(6)]) expect(text).not.toContain(hidden);
    } finally {
      const u = await internMarking(w.store.db, parseMarking('U'), 'USA');
      await w.store.db.updateTable('detainees').set({ marking_id: u }).where('isn', '=', isnOf(5)).execute();
    }
  });

  it('over HTTP: 409 with the code and the other plan', async () => {
    const jtf = await clientFor(app, 'jtf.p');
    const saved = await jtf.send('POST', '/api/airlift/plans', { plan: await planInstance(instanceFor(3)), name: 'third' });
    expect(saved.statusCode).toBe(201);
    const res = await jtf.send('POST', `/api/airlift/plans/${saved.json<{ id: string }>().id}/approve`);
    expect(res.statusCode).toBe(409);
    expect(problem(res).code).toBe('AIRLIFT_PLAN_OVERLAP');
    expect(JSON.stringify(problem(res))).toContain(w.planId);
  });

  it('approves a plan of the same parent chain, and an unrelated one once the other has stopped running', async () => {
    const child = await savePlan(w.ctx(w.planner), { plan: await planInstance(instanceFor(6)), name: 're-plan', parentId: w.planId });
    expect((await approvePlan(w.ctx(w.planner), child.id)).status).toBe('approved');
    // Every sortie of the running plan cancelled: it runs no more.
    for (const s of await planSorties(w.ctx(w.planner), child.id)) await setSortieStatus(w.ctx(w.planner), s.id, { status: 'cancelled' });
    const other = await savePlan(w.ctx(w.planner), { plan: await planInstance(instanceFor(5)), name: 'after' });
    expect((await approvePlan(w.ctx(w.planner), other.id)).status).toBe('approved');
  });
});
