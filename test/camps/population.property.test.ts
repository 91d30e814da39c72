import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campPopulation, importResidents, listResidents, recordMovement, releaseResidents, replay, type MovementFact } from '../../src/camps/index.js';
import type { Ctx } from '../../src/access/index.js';
import { DomainError } from '../../src/kernel/index.js';
import { DIALECTS } from '../support/stores.js';
import { csvOf, openCampWorld, type CampWorld } from './camp-world.js';

const SECTIONS: Record<string, (string | undefined)[]> = { HOL: ['PH1', 'ANX', undefined], ROJ: ['MAIN', 'EXT', undefined] };
const KINDS = ['arrival', 'transfer', 'release', 'repatriation', 'death', 'unaccounted'] as const;
const PEOPLE = 6;

/** The registry's present population per camp and per camp/section, straight from the store. */
async function registryCounts(w: CampWorld): Promise<Map<string, number>> {
  const rows = await w.store.db
    .selectFrom('residents as r')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('camp_resident_details as d', 'd.resident_id', 'r.id')
    .leftJoin('camp_sections as s', 's.id', 'd.section_id')
    .select(['f.code as camp', 's.code as section'])
    .where('r.status', '=', 'resident')
    .execute();
  const out = new Map<string, number>([['HOL', 0], ['ROJ', 0]]);
  for (const r of rows) {
    out.set(r.camp, (out.get(r.camp) ?? 0) + 1);
    out.set(`${r.camp}/${r.section ?? '-'}`, (out.get(`${r.camp}/${r.section ?? '-'}`) ?? 0) + 1);
  }
  return out;
}

async function attempt(ctx: Ctx, cmd: { who: string; kind: (typeof KINDS)[number]; camp: string; section: string | undefined }): Promise<void> {
  try {
    if (cmd.kind === 'release' || cmd.kind === 'repatriation') {
      await releaseResidents(ctx, cmd.camp, { residents: [cmd.who], kind: cmd.kind, releasedTo: 'family', destination: 'Mosul', destinationCountry: 'IRQ' });
    } else {
      await recordMovement(ctx, { resident: cmd.who, kind: cmd.kind, camp: cmd.camp, ...(cmd.section ? { section: cmd.section } : {}) });
    }
  } catch (e) {
    // A movement that does not follow from where the person is must be refused, and change nothing.
    if (!(e instanceof DomainError) || e.code !== 'CAMPS_MOVEMENT_INVALID') throw e;
  }
}

describe.each(DIALECTS)('camps: population accounting over random movements (%s)', (dialect) => {
  let w: CampWorld;
  let hf: Ctx;
  let ids: string[];
  beforeAll(async () => {
    w = await openCampWorld(dialect);
    hf = w.as('HF', ['registrar', 'custodian', 'child-protection']);
    const rows = Array.from({ length: PEOPLE }, (_, i) => ({
      camp: i % 2 === 0 ? 'HOL' : 'ROJ', household: `HH-${i}`, name_ar: 'زينب', name_latin: `Zaynab ${'abcdef'[i]}`, sex: 'F', birth_year: String(1970 + i),
      nationality: 'IRQ', relation: 'head', marking: 'C//REL TO CHE, IRQ, SYR, USA', arrival: '2025-11-01',
    }));
    await importResidents(hf, csvOf(rows));
    ids = (await listResidents(hf, {})).items.map((r) => r.id);
  });
  afterAll(async () => w.close());

  it('recomputes, for every camp, section and date, exactly the population the registry had; nobody is in two places', async () => {
    const command = fc.record({
      who: fc.integer({ min: 0, max: PEOPLE - 1 }),
      kind: fc.constantFrom(...KINDS),
      camp: fc.constantFrom('HOL', 'ROJ'),
      section: fc.integer({ min: 0, max: 2 }),
      minutes: fc.integer({ min: 1, max: 3 * 24 * 60 }),
    });
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (cmds) => {
      const snapshots: { at: string; counts: Map<string, number> }[] = [];
      for (const c of cmds) {
        w.clock.advance(c.minutes * 60_000);
        await attempt(hf, { who: ids[c.who]!, kind: c.kind, camp: c.camp, section: SECTIONS[c.camp]![c.section] });
        snapshots.push({ at: w.clock.now().toISOString(), counts: await registryCounts(w) });
      }
      w.clock.advance(60_000);
      for (const s of snapshots) {
        for (const camp of ['HOL', 'ROJ']) {
          const p = await campPopulation(hf, camp, { at: s.at });
          expect(p.fromEvents, `${camp} at ${s.at}`).toBe(s.counts.get(camp));
          expect(p.bySection.reduce((n, b) => n + b.count, 0)).toBe(p.fromEvents);
          for (const b of p.bySection) expect(b.count, `${camp}/${b.section ?? '-'} at ${s.at}`).toBe(s.counts.get(`${camp}/${b.section ?? '-'}`));
        }
      }
      // Every event replays without a fault, and each person is where the registry has them — in one place.
      const events = await w.store.db.selectFrom('camp_movements').select(['resident_id', 'kind', 'at', 'facility_id', 'section_id', 'seq']).orderBy('at').orderBy('seq').execute();
      const facts = events.map((e): MovementFact => ({ residentId: e.resident_id, kind: KINDS.find((k) => k === e.kind)!, at: e.at, campId: e.facility_id, sectionId: e.section_id }));
      const { places, faults } = replay(facts, '9999-12-31T00:00:00.000Z');
      expect(faults).toEqual([]);
      const registry = await w.store.db.selectFrom('residents').select(['id', 'facility_id', 'status']).execute();
      for (const r of registry) {
        const p = places.get(r.id)!;
        expect(p.present ? 'resident' : p.status).toBe(r.status);
        if (p.present) expect(p.campId).toBe(r.facility_id);
      }
    }), { numRuns: 12, seed: 20260110 });
  });
});
