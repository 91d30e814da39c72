import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSee, formatMarking, isDomainError, LEVELS, type Marking } from '../../src/kernel/index.js';
import { operatorPrincipal } from '../../src/access/index.js';
import { addFacility, exportDetainees, listDetainees, listFacilities, registerDetainee, showDetainee } from '../../src/registry/index.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { ctxOf, principal, registration } from '../support/world.js';

const COUNTRIES = ['USA', 'IRQ', 'GBR', 'FRA', 'SYR', 'CHE'];
const CAVEATS = ['LES', 'HCS', 'CHILD'];
const NAMES = [
  { nameAr: 'محمد بن حسين', nameLatin: 'Mohammed bin Hussein' },
  { nameAr: 'عمر الحسن', nameLatin: 'Omar al-Hassan' },
  { nameAr: 'يوسف خالد', nameLatin: 'Youssef Khaled' },
];

const arbMarking: fc.Arbitrary<Marking> = fc.record({
  level: fc.constantFrom(...LEVELS),
  rel: fc.oneof(
    fc.constant({ kind: 'all' as const }),
    fc.constant({ kind: 'noforn' as const }),
    fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 4 }).map((c) => ({ kind: 'rel' as const, countries: [...c].sort() })),
  ),
  caveats: fc.uniqueArray(fc.constantFrom(...CAVEATS), { maxLength: 2 }).map((c) => [...c].sort()),
});

const arbViewer = fc.record({
  country: fc.constantFrom(...COUNTRIES),
  clearance: fc.constantFrom(...LEVELS),
  groups: fc.uniqueArray(fc.constantFrom(...CAVEATS), { maxLength: 3 }),
});

interface PoolRecord { id: string; isn: string; marking: Marking; originator: string; name: number; nationality: string; facility: number }

describe.each(DIALECTS)('access policy in the data layer (%s)', (dialect) => {
  let store: TestStore;
  const pool: PoolRecord[] = [];
  const facilities: { code: string; marking: Marking; originator: string }[] = [];

  beforeAll(async () => {
    store = await openTestStore(dialect);
    // The pool of marked records: random markings, originators and names, drawn once per run from a seed.
    const facilityMarks = fc.sample(fc.tuple(arbMarking, fc.constantFrom(...COUNTRIES)), { numRuns: 5, seed: 7 });
    for (const [i, [m, originator]] of facilityMarks.entries()) {
      const code = `FAC-${i}`;
      await addFacility(ctxOf(store.db, principal({ country: originator })), {
        code, name: `Facility ${i}`, kind: 'prison', country: 'SYR', lat: 36.5, lon: 40.7, capacity: 100, population: 10, marking: formatMarking(m),
      });
      facilities.push({ code, marking: m, originator });
    }
    const records = fc.sample(fc.tuple(arbMarking, fc.constantFrom(...COUNTRIES), fc.nat(2), fc.constantFrom('IRQ', 'SYR', 'TUN'), fc.nat(4)), { numRuns: 120, seed: 42 });
    for (const [i, [m, originator, name, nationality, fac]] of records.entries()) {
      const author = principal({ country: originator });
      const visibleFacilities = facilities.filter((f) => canSee(author, f.marking, f.originator));
      const facility = visibleFacilities[fac % Math.max(1, visibleFacilities.length)];
      const r = await registerDetainee(ctxOf(store.db, author), registration(1000 + i, { ...NAMES[name], nationality, marking: formatMarking(m), facility: facility?.code ?? null }));
      if (r.status !== 'created') throw new Error('pool registration held for review');
      pool.push({ id: r.detainee.id, isn: r.detainee.isn, marking: m, originator, name, nationality, facility: facility ? facilities.indexOf(facility) : -1 });
    }
  });
  afterAll(async () => store.drop());

  it('lists, searches, counts, exports and shows exactly the permitted records (1,000 principals)', async () => {
    await fc.assert(
      fc.asyncProperty(arbViewer, fc.integer({ min: 7, max: 60 }), fc.nat(2), fc.constantFrom('IRQ', 'SYR', 'TUN'), async (viewer, limit, name, nationality) => {
        const p = principal({ ...viewer, roles: ['viewer'] });
        const ctx = ctxOf(store.db, p);
        const expected = pool.filter((r) => canSee(viewer, r.marking, r.originator));

        const seen: string[] = [];
        let cursor: string | undefined;
        let total = -1;
        do {
          const page = await listDetainees(ctx, { limit, ...(cursor ? { cursor } : {}) });
          seen.push(...page.items.map((d) => d.isn));
          total = page.total;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen.sort()).toEqual(expected.map((r) => r.isn).sort());
        expect(total).toBe(expected.length);

        const byName = await listDetainees(ctx, { search: NAMES[name]!.nameLatin, limit: 1000 });
        expect(byName.items.map((d) => d.isn).sort()).toEqual(expected.filter((r) => r.name === name).map((r) => r.isn).sort());
        const byArabic = await listDetainees(ctx, { search: NAMES[name]!.nameAr, limit: 1000 });
        expect(byArabic.total).toBe(expected.filter((r) => r.name === name).length);

        const byNat = await listDetainees(ctx, { nationality, limit: 1 });
        expect(byNat.total).toBe(expected.filter((r) => r.nationality === nationality).length);

        const exported: string[] = [];
        for await (const d of exportDetainees(ctx, {})) exported.push(d.isn);
        expect(exported.sort()).toEqual(expected.map((r) => r.isn).sort());

        // Facilities: the map's layer shows exactly the permitted ones; a hidden facility never leaks by code.
        const shownFacilities = (await listFacilities(ctx)).map((f) => f.code).sort();
        expect(shownFacilities).toEqual(facilities.filter((f) => canSee(viewer, f.marking, f.originator)).map((f) => f.code).sort());
        for (const d of byName.items) if (d.facility) expect(shownFacilities).toContain(d.facility);

        // Show: permitted records open; unseen ones are "not found", worded exactly like a missing one.
        const probe = pool[(limit * 7 + name) % pool.length]!;
        const ok = canSee(viewer, probe.marking, probe.originator);
        const shown = await showDetainee(ctx, probe.isn).then((d) => d.isn, (e: unknown) => e);
        if (ok) expect(shown).toBe(probe.isn);
        else {
          expect(isDomainError(shown) && shown.code).toBe('NOT_FOUND');
          const missing = await showDetainee(ctx, 'SP-SY-999999').catch((e: unknown) => e);
          expect((shown as Error).message.replace(probe.isn, 'X')).toBe((missing as Error).message.replace('SP-SY-999999', 'X'));
        }
      }),
      { numRuns: 1000, seed: 20260110 },
    );
  }, 600_000);

  it('the operator (clearance U) sees only unclassified records releasable to its country', async () => {
    const ctx = ctxOf(store.db, { ...operatorPrincipal('USA'), roles: ['viewer'] });
    const page = await listDetainees(ctx, { limit: 1000 });
    const expected = pool.filter((r) => r.marking.level === 'U' && canSee({ clearance: 'U', country: 'USA', groups: [] }, r.marking, r.originator));
    expect(page.items.map((d) => d.isn).sort()).toEqual(expected.map((r) => r.isn).sort());
  });
});
