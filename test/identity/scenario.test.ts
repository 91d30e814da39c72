import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, operatorPrincipal } from '../../src/access/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import { dedupGallery, evaluateIdentity, identityAgendaSource, identityOutcomeSource, listCandidates, loadGallery } from '../../src/identity/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../../src/scenario/index.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';

const SEED = 'identity-floor';

async function* lines(detainees: number) {
  for (const r of generateScenario({ seed: SEED, detainees, campResidents: 0 })) yield serializeRecord(r);
}

describe.each(DIALECTS)('identity on a loaded scenario (%s)', (dialect) => {
  let store: TestStore;
  const clock = new FixedClock('2026-01-12T08:00:00.000Z');
  beforeAll(async () => {
    store = await openTestStore(dialect);
    await loadScenario(contextFor(store.db, operatorPrincipal('USA'), clock), lines(dialect === 'sqlite' ? 3000 : 1200), { demoPassword: 'demo-password-1234' });
  });
  afterAll(async () => store.drop());
  const team = () => contextFor(store.db, { userId: null, username: 'le-id.s', agencyId: null, agencyCode: 'LE-ID', country: 'USA', clearance: 'TS', roles: ['identity'], groups: ['LES', 'HCS'] }, clock);

  it('enrolls every detainee at load, deterministically, with templates from the truth\'s persons', async () => {
    const g = await loadGallery(store.db);
    const detainees = await store.db.selectFrom('detainees').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(g.ids.length).toBe(Number(detainees.n));
    // Face and iris always; fingers unless missing (1 % each, half of an amputee's); every capture at or above its floor.
    expect(g.qualities.every((q) => q[10] !== null && q[11] !== null)).toBe(true);
    expect(g.qualities.every((q) => q.every((x, i) => x === null || x >= (i < 10 ? 30 : 40)))).toBe(true);
    expect(g.qualities.filter((q) => q.filter((x) => x !== null).length === 12).length / g.ids.length).toBeGreaterThan(0.85);
    const again = await loadGallery(store.db);
    expect(Buffer.from(again.vectors.buffer).equals(Buffer.from(g.vectors.buffer))).toBe(true);
  });

  it('dedup queues the duplicates; a user cleared lower sees fewer pairs; agenda and outcome figures agree with the queue', async () => {
    const r = await dedupGallery(team(), { threads: 2 });
    expect(r.queued).toBe(r.candidates);
    expect(r.queued).toBeGreaterThan(0);
    const all = await listCandidates(team(), { limit: 500 });
    expect(all.total).toBe(r.queued);
    const low = contextFor(store.db, { userId: null, username: 'hf.c', agencyId: null, agencyCode: 'HF', country: 'SYR', clearance: 'C', roles: ['identity'], groups: [] }, clock);
    const lowPage = await listCandidates(low, { limit: 500 });
    expect(lowPage.total).toBeLessThan(all.total);
    for (const c of lowPage.items) for (const m of [c.left.marking, c.right.marking]) expect(m === 'U' || m.startsWith('C//')).toBe(true);
    const items = await identityAgendaSource.items(low, { since: '2026-01-01T00:00:00.000Z', until: '2026-01-31T00:00:00.000Z' });
    expect(items).toHaveLength(lowPage.total);
    const figures = await identityOutcomeSource.figures(low, '2026-01-31T00:00:00.000Z');
    expect(figures.find((f) => f.key === 'identity.pending-adjudications')?.value).toBe(lowPage.total);
    const again = await dedupGallery(team(), { threads: 2 });
    expect(again.queued).toBe(0);
  }, 180_000); // a full dedup of 3,000 enrollments: tens of seconds on a busy 2-core machine

  it.runIf(dialect === 'sqlite')('accuracy floor on the fixed seed: fused F1 ≥ 0.98, and better than either matcher alone', async () => {
    const r = await evaluateIdentity(team());
    const by = Object.fromEntries(r.results.map((x) => [x.matcher, x]));
    expect(r.truePairs).toBeGreaterThan(50);
    expect(by.fused!.f1).toBeGreaterThanOrEqual(0.98);
    expect(by.fused!.f1).toBeGreaterThanOrEqual(by.names!.f1);
    expect(by.fused!.f1).toBeGreaterThanOrEqual(by.biometric!.f1);
    expect(by.fused!.fnirAtFpir).not.toBeNull();
  });
});
