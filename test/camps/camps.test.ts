import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campAuthority, campOverview, campPopulation, importResidents, listCamps, listHouseholds, listResidents, recordMovement, releaseResidents,
  residentGraph, showHousehold, showResident,
} from '../../src/camps/index.js';
import { listFacilities } from '../../src/registry/index.js';
import { DIALECTS } from '../support/stores.js';
import { csvOf, errorOf, motherWithTwo, openCampWorld, type CampWorld } from './camp-world.js';

describe.each(DIALECTS)('camps: registry, movements and releases (%s)', (dialect) => {
  let w: CampWorld;
  beforeAll(async () => {
    w = await openCampWorld(dialect);
  });
  afterAll(async () => w.close());

  it('records the baseline: sections, the holding force in control, and the partners\' agreements', async () => {
    const hf = w.as('HF', ['registrar', 'custodian']);
    const a = await campAuthority(hf, 'HOL');
    expect(a.current).toBe('HF');
    expect(a.agreements.map((g) => g.agency).sort()).toEqual(['CPA', 'DIPLO']);
    expect(a.yourFields).not.toContain('guardianship');
    const o = await campOverview(hf, 'HOL');
    expect(o.sections?.map((s) => s.code)).toEqual(['ANX', 'PH1', 'PH2', 'PH3', 'PH4', 'PH5', 'PH6', 'PH7', 'PH8']);
    expect(o.population).toBe(0);
  });

  it('imports a household, finds it by any spelling, and shows its family graph with the detainee', async () => {
    const hf = w.as('HF', ['registrar', 'custodian', 'child-protection']);
    const r = await importResidents(hf, csvOf(motherWithTwo('HOL-T0001', w.detaineeIsn)));
    expect(r).toEqual({ created: 3, households: 1, flags: [], shelters: 0, pendingReview: [] });
    for (const q of ['فاطمه', 'Fatma Hasan', 'hassan']) expect((await listResidents(hf, { search: q })).total, q).toBe(1);
    const h = await showHousehold(hf, 'HOL-T0001');
    expect(h).toMatchObject({ headName: 'Fatima Hassan', members: 3, section: null, nationality: 'IRQ' });
    const omar = h.residents.find((x) => x.nameLatin === 'Omar')!;
    expect(omar).toMatchObject({ age: 11, household: 'HOL-T0001', relation: 'son', section: 'PH1', marking: 'C//CHILD//REL TO CHE, IRQ, SYR, USA' });
    const detail = await showResident(hf, omar.id);
    expect(detail.guardians?.[0]?.guardian.name).toBe('Fatima Hassan');
    expect(detail.detaineeLinks?.[0]).toMatchObject({ relation: 'father', isn: w.detaineeIsn });
    expect(detail.movements?.map((m) => [m.kind, m.authority])).toEqual([['arrival', 'HF']]);
    const g = await residentGraph(hf, omar.id);
    expect(g.nodes.map((n) => n.type).sort()).toEqual(['detainee', 'resident', 'resident', 'resident']);
    expect(g.edges.filter((e) => e.kind === 'guardian')).toHaveLength(2);
    expect(g.edges.filter((e) => e.kind === 'detainee').map((e) => e.relation).sort()).toEqual(['father', 'husband']);
  });

  it('hides children from a reader without the CHILD group, and their number too', async () => {
    const viewer = w.as('HF', ['viewer'], { groups: [] });
    expect((await listResidents(viewer, { camp: 'HOL' })).total).toBe(1);
    const [h] = (await listHouseholds(viewer, { camp: 'HOL' })).items;
    expect(h?.members).toBe(1);
    expect(await campOverview(viewer, 'HOL')).toMatchObject({ population: 1, marking: 'C//REL TO CHE, IRQ, SYR, USA' });
    const staff = w.as('HF', ['registrar', 'custodian', 'child-protection']);
    expect(await campOverview(staff, 'HOL')).toMatchObject({ population: 3, marking: 'C//CHILD//REL TO CHE, IRQ, SYR, USA' });
  });

  it('releases a mother with her two children; the population follows, from the registry and from the events', async () => {
    const cpa = w.as('CPA', ['child-protection']);
    const ids = (await listResidents(cpa, { household: 'HOL-T0001' })).items.map((r) => r.id);
    const [mother, ...children] = ids;
    const e = await errorOf(releaseResidents(cpa, 'HOL', { residents: children, releasedTo: 'Grandmother', destination: 'Mosul', destinationCountry: 'IRQ' }));
    expect(e.code).toBe('CAMPS_CHILD_WITHOUT_GUARDIAN');
    expect(e.details.issues).toHaveLength(2);
    const before = await campPopulation(cpa, 'HOL');
    expect(before).toMatchObject({ fromEvents: 3, registry: 3, matches: true });
    w.clock.advance(3_600_000);
    const r = await releaseResidents(cpa, 'HOL', { residents: ids, releasedTo: 'Tribal sponsor Abu Ali', destination: 'Mosul', destinationCountry: 'IRQ', agreement: 'REL-2026-014' });
    expect(r).toMatchObject({ camp: 'HOL', authority: 'HF', population: 0 });
    expect(r.released.filter((x) => x.guardian === mother)).toHaveLength(2);
    expect(await campPopulation(cpa, 'HOL')).toMatchObject({ fromEvents: 0, registry: 0, matches: true });
    // The map's figure for the camp follows too.
    expect((await listFacilities(w.as('CPA', ['viewer']))).find((f) => f.code === 'HOL')?.population).toBe(0);
    expect(await campPopulation(cpa, 'HOL', { at: '2026-01-09' })).toMatchObject({ fromEvents: 3, registry: null });
    const shown = await showResident(cpa, children[0]!);
    expect(shown.status).toBe('released');
    expect(shown.movements?.at(-1)).toMatchObject({ kind: 'release', releasedTo: 'Tribal sponsor Abu Ali', agreement: 'REL-2026-014', guardian: mother, recordedBy: 'cpa.child-protection' });
    expect((await errorOf(releaseResidents(cpa, 'HOL', { residents: [mother!], releasedTo: 'x', destination: 'y', destinationCountry: 'IRQ' }))).code).toBe('CAMPS_MOVEMENT_INVALID');
  });

  it('records transfers in order, refusing back-dated and future movements', async () => {
    const hf = w.as('HF', ['registrar', 'custodian', 'child-protection']);
    await importResidents(hf, csvOf([{ camp: 'ROJ', household: 'ROJ-T0001', name_ar: 'خديجة', name_latin: 'Khadija', sex: 'F', birth_year: '1980', nationality: 'FRA', relation: 'head', marking: 'C//REL TO CHE, IRQ, SYR, USA', arrival: '2025-11-01' }]));
    const [k] = (await listResidents(hf, { camp: 'ROJ' })).items;
    expect(k).toMatchObject({ birthEstimated: true, birthDate: null, birthYear: 1980, age: 45 });
    const back = await errorOf(recordMovement(hf, { resident: k!.id, kind: 'transfer', section: 'EXT', at: '2025-10-30' }));
    expect(back.code).toBe('CAMPS_MOVEMENT_OUT_OF_ORDER');
    expect((await errorOf(recordMovement(hf, { resident: k!.id, kind: 'transfer', section: 'EXT', at: '2027-01-01' }))).code).toBe('CAMPS_MOVEMENT_OUT_OF_ORDER');
    expect((await errorOf(recordMovement(hf, { resident: k!.id, kind: 'transfer', section: 'NOPE' }))).code).toBe('CAMPS_UNKNOWN_SECTION');
    const m = await recordMovement(hf, { resident: k!.id, kind: 'transfer', camp: 'HOL', section: 'ANX', note: 'moved to the annex' });
    expect(m).toMatchObject({ kind: 'transfer', camp: 'HOL', section: 'ANX', fromCamp: 'ROJ', authority: 'HF' });
    expect((await listCamps(hf)).map((c) => [c.code, c.population])).toEqual([['HOL', 1], ['ROJ', 0]]);
    expect(await campPopulation(hf, 'ROJ')).toMatchObject({ fromEvents: 0, matches: true });
    expect(await campPopulation(hf, 'HOL')).toMatchObject({ fromEvents: 1, matches: true, bySection: [{ section: 'ANX', count: 1 }] });
  });

  it('keeps movements append-only in the store itself', async () => {
    const e = await sql`update camp_movements set note = 'rewritten'`.execute(w.store.db).then(() => null, (x: unknown) => x as Error);
    expect(e?.message).toMatch(/append-only/);
  });
});
