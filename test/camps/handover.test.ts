import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  campAuthority, campCohorts, campOverview, exportResidents, handoverCamp, householdGraph, importResidents, listHouseholds, listResidents,
  recordMovement, residentGraph, showResident, type TCampResident,
} from '../../src/camps/index.js';
import type { Ctx } from '../../src/access/index.js';
import { DIALECTS } from '../support/stores.js';
import { csvOf, errorOf, motherWithTwo, openCampWorld, type CampWorld } from './camp-world.js';

const PERSONAL = ['nameAr', 'nameLatin', 'sex', 'birthDate', 'age', 'nationality', 'household', 'section', 'languages', 'vulnerabilities'];

/** The personal keys a resident value carries (the base id, camp, status, marking and withheld list aside). */
function keysOf(r: TCampResident): string[] {
  return Object.keys(r).filter((k) => PERSONAL.includes(k)).sort();
}

async function everything(ctx: Ctx): Promise<TCampResident[]> {
  const out: TCampResident[] = [];
  for await (const r of exportResidents(ctx, { camp: 'HOL' })) out.push(r);
  return out;
}

// Al-Hol passes from the holding force (HF) to a new authority (NA) under an agreement that shares names, ages,
// household and movements but not family links to detainees; HF keeps only the movements it recorded.
describe.each(DIALECTS)('camps: the control handover and field-level access (%s)', (dialect) => {
  let w: CampWorld;
  let hf: Ctx;
  let na: Ctx;
  let cpa: Ctx;
  let mother: string;
  beforeAll(async () => {
    w = await openCampWorld(dialect);
    hf = w.as('HF', ['registrar', 'custodian', 'child-protection']);
    na = w.as('NA', ['registrar', 'custodian', 'child-protection']);
    cpa = w.as('CPA', ['child-protection']);
    await importResidents(hf, csvOf(motherWithTwo('HOL-H0001', w.detaineeIsn)));
    mother = (await listResidents(hf, { search: 'Fatima' })).items[0]!.id;
  });
  afterAll(async () => w.close());

  it('before the handover: the holding force sees every field, the incoming authority none', async () => {
    const mine = await everything(hf);
    expect(mine).toHaveLength(3);
    expect(keysOf(mine[0]!)).toEqual(['age', 'birthDate', 'household', 'languages', 'nameAr', 'nameLatin', 'nationality', 'section', 'sex', 'vulnerabilities']);
    const theirs = await everything(na);
    expect(theirs).toHaveLength(3);
    for (const r of theirs) expect(keysOf(r)).toEqual([]);
    expect((await errorOf(listResidents(na, { camp: 'HOL', search: 'Fatima' }))).code).toBe('CAMPS_FIELD_WITHHELD');
    expect((await listResidents(na, { search: 'Fatima' })).total).toBe(0);
    expect((await residentGraph(na, mother)).edges).toEqual([]);
    expect((await campCohorts(na, { camp: 'HOL' })).camps[0]!.groups).toEqual([]);
  });

  it('refuses a handover by anyone but the authority, to itself, or into the past', async () => {
    expect((await errorOf(handoverCamp(na, 'HOL', { to: 'NA', fields: ['names'], reference: 'x' }))).code).toBe('CAMPS_NOT_AUTHORITY');
    expect((await errorOf(handoverCamp(hf, 'HOL', { to: 'HF', fields: ['names'], reference: 'x' }))).code).toBe('CAMPS_HANDOVER_INVALID');
    expect((await errorOf(handoverCamp(hf, 'HOL', { to: 'NA', at: '2025-01-01', fields: [], reference: 'x' }))).code).toBe('CAMPS_HANDOVER_INVALID');
    expect((await errorOf(handoverCamp(hf, 'HOL', { to: 'NOPE', fields: [], reference: 'x' }))).code).toBe('CAMPS_UNKNOWN_AGENCY');
  });

  it('after the handover: each authority sees exactly what its agreement allows, in lists, pages, counts, exports and graphs', async () => {
    const a = await handoverCamp(hf, 'HOL', {
      to: 'NA', at: '2026-01-11T00:00:00.000Z', reference: 'DSA-HOL-2026-01',
      fields: ['names', 'sex', 'birth', 'nationality', 'household', 'movements'], previousFields: ['movements'],
    });
    expect(a.control.map((c) => [c.agency, c.until])).toEqual([['HF', '2026-01-11T00:00:00.000Z'], ['NA', null]]);
    expect(a.current).toBe('HF'); // recorded ahead of time: nothing changes until the date
    expect(keysOf((await everything(na))[0]!)).toEqual([]);
    w.clock.set('2026-01-12T08:00:00.000Z');

    const theirs = await everything(na);
    expect(theirs.map(keysOf)).toEqual(Array(3).fill(['age', 'birthDate', 'household', 'nameLatin', 'nameAr', 'nationality', 'section', 'sex'].sort()));
    expect(theirs[0]!.withheld).toEqual(['languages', 'vulnerabilities', 'guardianship', 'familyLinks', 'detaineeLinks', 'relativesAbroad', 'programmes']);
    expect((await listResidents(na, { camp: 'HOL', search: 'Fatima' })).total).toBe(1);
    expect((await listResidents(na, { camp: 'HOL', ageMax: 17 })).total).toBe(2);
    const page = await showResident(na, mother);
    expect(page.nameLatin).toBe('Fatima Hassan');
    expect(page).not.toHaveProperty('detaineeLinks');
    expect(page).not.toHaveProperty('guardians');
    expect(page.movements?.map((m) => m.authority)).toEqual(['HF']);
    const graph = await householdGraph(na, 'HOL-H0001');
    expect(graph.nodes.map((n) => n.type)).toEqual(['resident', 'resident', 'resident']);
    expect(new Set(graph.edges.map((e) => e.kind))).toEqual(new Set(['household']));
    expect(graph.withheld).toContain('detaineeLinks');
    const [group] = (await campCohorts(na, { camp: 'HOL' })).camps[0]!.groups;
    expect(group).toMatchObject({ nationality: 'IRQ', children: 2, withoutGuardian: null, parentDetained: null });

    const ours = await everything(hf);
    expect(ours.map(keysOf)).toEqual(Array(3).fill([]));
    expect((await errorOf(listResidents(hf, { camp: 'HOL', nationality: 'IRQ' }))).code).toBe('CAMPS_FIELD_WITHHELD');
    expect((await listHouseholds(hf, {})).items[0]).toMatchObject({ members: null });
    expect((await listHouseholds(hf, {})).items[0]).not.toHaveProperty('headName');
    expect((await showResident(hf, mother)).movements).toHaveLength(1);
    const overview = await campOverview(hf, 'HOL');
    expect(overview).toMatchObject({ population: 3, authority: 'NA' });
    expect(overview).not.toHaveProperty('pyramid');
    expect(overview).not.toHaveProperty('nationalities');

    // A partner's own agreement is untouched by the handover.
    const cp = await showResident(cpa, mother);
    expect(cp.detaineeLinks?.[0]?.isn).toBe(w.detaineeIsn);
    expect((await residentGraph(cpa, mother)).edges.some((e) => e.kind === 'detainee')).toBe(true);
  });

  it('attributes movements after the handover to the new authority, those before to the previous one', async () => {
    const m = await recordMovement(na, { resident: mother, kind: 'transfer', section: 'PH2' });
    expect(m.authority).toBe('NA');
    expect((await showResident(na, mother)).movements?.map((x) => [x.kind, x.authority])).toEqual([['arrival', 'HF'], ['transfer', 'NA']]);
    expect((await errorOf(recordMovement(w.as('DIPLO', ['viewer']), { resident: mother, kind: 'death' }))).code).toBe('FORBIDDEN');
    const authority = await campAuthority(w.as('DIPLO', ['viewer']), 'HOL');
    expect(authority.current).toBe('NA');
    expect(authority.agreements.map((g) => g.agency).sort()).toEqual(['CPA', 'DIPLO', 'HF', 'NA']);
  });
});
