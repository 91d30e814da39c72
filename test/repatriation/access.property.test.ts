import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bannerOf, canSee, formatMarking, LEVELS, type Marking } from '../../src/kernel/index.js';
import { registerDetainee } from '../../src/registry/index.js';
import { listCountries, recordEngagement, setCountryStatus, showCountry } from '../../src/repatriation/index.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { ctxOf, principal, registration } from '../support/world.js';

// The board's counts, lists and banners for random principals equal what canSee allows over the records, counted
// by brute force: no record a viewer may not see is ever counted, listed or reflected in a banner.

const COUNTRIES = ['USA', 'IRQ', 'GBR', 'FRA', 'SYR', 'TUN'];
const ORIGINS = ['FRA', 'TUN', 'IRQ'];
const CAVEATS = ['LES', 'HCS', 'CHILD'];

const arbMarking: fc.Arbitrary<Marking> = fc.record({
  level: fc.constantFrom(...LEVELS),
  rel: fc.oneof(
    fc.constant({ kind: 'all' as const }),
    fc.constant({ kind: 'noforn' as const }),
    fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 3 }).map((c) => ({ kind: 'rel' as const, countries: [...c].sort() })),
  ),
  caveats: fc.uniqueArray(fc.constantFrom(...CAVEATS), { maxLength: 2 }).map((c) => [...c].sort()),
});

const arbViewer = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  clearance: fc.constantFrom(...LEVELS),
  groups: fc.uniqueArray(fc.constantFrom(...CAVEATS), { maxLength: 3 }),
});

interface Marked { marking: Marking; originator: string; nationality: string }
interface PoolDetainee extends Marked { status: 'held' | 'repatriated' | 'released' }
interface PoolEngagement extends Marked { id: string }
interface PoolCountry extends Marked { status: string }

describe.each(DIALECTS)('repatriation counts and lists are scoped per principal (%s)', (dialect) => {
  let store: TestStore;
  const detainees: PoolDetainee[] = [];
  const engagements: PoolEngagement[] = [];
  const records: PoolCountry[] = [];

  beforeAll(async () => {
    store = await openTestStore(dialect);
    const ds = fc.sample(fc.tuple(arbMarking, fc.constantFrom(...COUNTRIES), fc.constantFrom(...ORIGINS), fc.constantFrom('held' as const, 'repatriated' as const, 'released' as const), fc.integer({ min: 1990, max: 2020 })), { numRuns: 60, seed: 11 });
    for (const [i, [m, originator, nationality, status, year]] of ds.entries()) {
      const author = principal({ country: originator });
      await registerDetainee(ctxOf(store.db, author), registration(2000 + i, { nationality, status, marking: formatMarking(m), birthDate: `${year}-03-15` }));
      detainees.push({ marking: m, originator, nationality, status });
    }
    const cs = fc.sample(fc.tuple(arbMarking, fc.constantFrom(...COUNTRIES), fc.boolean()), { numRuns: ORIGINS.length, seed: 12 });
    for (const [i, [m, originator, further]] of cs.entries()) {
      const c = ctxOf(store.db, principal({ country: originator, roles: ['diplomat', 'viewer'] }));
      await setCountryStatus(c, ORIGINS[i]!, { status: 'contacted', marking: formatMarking(m) });
      if (further) await setCountryStatus(c, ORIGINS[i]!, { status: 'negotiating' });
      records.push({ marking: m, originator, nationality: ORIGINS[i]!, status: further ? 'negotiating' : 'contacted' });
    }
    const es = fc.sample(fc.tuple(arbMarking, fc.constantFrom(...COUNTRIES), fc.constantFrom(...ORIGINS, 'GBR')), { numRuns: 30, seed: 13 });
    for (const [m, originator, country] of es) {
      const c = ctxOf(store.db, principal({ country: originator, roles: ['diplomat', 'viewer'] }));
      const e = await recordEngagement(c, country, { kind: 'meeting', summary: 'meeting on returns', marking: formatMarking(m), at: '2026-01-05' });
      engagements.push({ id: e.id, marking: m, originator, nationality: country });
    }
  }, 120_000);

  afterAll(async () => {
    await store?.drop();
  });

  it('counts, lists and marks only what each viewer may see', async () => {
    const sizes: number[] = [];
    await fc.assert(
      fc.asyncProperty(arbViewer, async (v) => {
        const viewer = principal({ ...v, roles: ['viewer'] });
        const ctx = ctxOf(store.db, viewer);
        const sees = (r: Marked) => canSee(viewer, r.marking, r.originator);
        const list = await listCountries(ctx);
        sizes.push(list.items.reduce((s, i) => s + i.held + i.repatriated, 0));
        const expected = new Set([...detainees, ...engagements, ...records].filter(sees).map((r) => r.nationality));
        expect(list.items.map((i) => i.country).sort()).toEqual([...expected].sort());
        for (const item of list.items) {
          const mine = <T extends Marked>(xs: T[]) => xs.filter((x) => x.nationality === item.country && sees(x));
          expect(item.held).toBe(mine(detainees).filter((d) => d.status === 'held').length);
          expect(item.repatriated).toBe(mine(detainees).filter((d) => d.status === 'repatriated').length);
          expect(item.status).toBe(mine(records)[0]?.status ?? 'not-contacted');
          const banner = bannerOf([...mine(detainees), ...mine(engagements), ...mine(records)].map((r) => r.marking));
          expect(item.marking).toBe(formatMarking(banner));
        }
        for (const country of ORIGINS) {
          const board = await showCountry(ctx, country);
          expect(board.engagements.map((e) => e.id).sort()).toEqual(engagements.filter((e) => e.nationality === country && sees(e)).map((e) => e.id).sort());
          const held = detainees.filter((d) => d.nationality === country && d.status === 'held' && sees(d)).length;
          expect(board.nationals.detainees.held).toBe(held);
          expect(Object.values(board.nationals.detainees.byAgeGroup).reduce((a, b) => a + b, 0)).toBe(held);
          expect(board.history.length).toBe(sees(records.find((r) => r.nationality === country)!) ? (records.find((r) => r.nationality === country)!.status === 'negotiating' ? 2 : 1) : 0);
        }
      }),
      { numRuns: 25, seed: 2026 },
    );
    // The pool is mixed enough that some viewers see much, some little.
    expect(Math.max(...sizes)).toBeGreaterThan(Math.min(...sizes));
    expect(Math.max(...sizes)).toBeLessThan(detainees.length);
  }, 120_000);
});
