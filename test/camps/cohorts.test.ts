import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assignToProgramme, campCohorts, campOverview, createProgramme, importResidents, listProgrammes, listResidents, programmeWorklist, recordAttendance,
} from '../../src/camps/index.js';
import type { Ctx } from '../../src/access/index.js';
import { DIALECTS } from '../support/stores.js';
import { csvOf, errorOf, openCampWorld, type CampWorld } from './camp-world.js';

const MARK = 'C//REL TO CHE, IRQ, SYR, USA';

describe.each(DIALECTS)('camps: cohorts, the work list and programmes (%s)', (dialect) => {
  let w: CampWorld;
  let cpa: Ctx;
  beforeAll(async () => {
    w = await openCampWorld(dialect);
    cpa = w.as('CPA', ['child-protection']);
    const member = (household: string, nat: string, over: Record<string, string>) => ({ camp: 'HOL', household, nationality: nat, marking: MARK, sex: 'F', relation: 'daughter', ...over });
    await importResidents(w.as('HF', ['registrar', 'custodian', 'child-protection']), csvOf([
      member('HOL-K0001', 'IRQ', { relation: 'head', name_ar: 'نور', name_latin: 'Nur', birth_date: '1980-04-04', related_detainee: w.detaineeIsn }),
      member('HOL-K0001', 'IRQ', { name_ar: 'هبة', name_latin: 'Hiba', birth_date: '2014-01-31' }),
      member('HOL-K0001', 'IRQ', { name_ar: 'سلمى', name_latin: 'Salma', birth_date: '2008-02-29', related_detainee: w.detaineeIsn }),
      member('HOL-K0002', 'FRA', { relation: 'head', name_ar: 'صوفيا', name_latin: 'Sophie', birth_year: '1985' }),
      member('HOL-K0002', 'FRA', { name_ar: 'آدم', name_latin: 'Adam', sex: 'M', relation: 'son', birth_year: '2011' }),
      member('HOL-K0003', 'FRA', { relation: 'head', name_ar: 'لينا', name_latin: 'Lina', birth_date: '2010-12-31' }),
    ]));
  });
  afterAll(async () => w.close());

  it('counts children reaching 12, 15 and 18 per month and nationality, with guardian and detained-parent counts', async () => {
    const c = await campCohorts(cpa, { camp: 'HOL', asOf: '2026-01-10' });
    expect(c.months).toHaveLength(24);
    expect(c.months[0]).toBe('2026-01');
    const [fra, irq] = c.camps[0]!.groups;
    expect(irq).toEqual({
      nationality: 'IRQ', children: 2, withoutGuardian: 0, parentDetained: 1,
      cells: [{ month: '2026-01', age: 12, count: 1, estimated: 0 }, { month: '2026-03', age: 18, count: 1, estimated: 0 }],
    });
    expect(fra).toEqual({
      nationality: 'FRA', children: 2, withoutGuardian: 1, parentDetained: 0,
      cells: [{ month: '2026-07', age: 15, count: 1, estimated: 1 }, { month: '2028-12', age: 18, count: 1, estimated: 0 }].filter((x) => x.month <= '2027-12'),
    });
  });

  it('gives a partner without child-protection data the cohorts without guardian or detained-parent counts', async () => {
    const diplo = w.as('DIPLO', ['viewer', 'diplomat']);
    const groups = (await campCohorts(diplo, { camp: 'HOL', asOf: '2026-01-10' })).camps[0]!.groups;
    expect(groups.map((g) => [g.nationality, g.children, g.withoutGuardian, g.parentDetained])).toEqual([['FRA', 2, null, null], ['IRQ', 2, null, null]]);
    expect((await errorOf(programmeWorklist(diplo, { camp: 'HOL' }))).code).toBe('CAMPS_FIELD_WITHHELD');
    const pyramid = (await campOverview(diplo, 'HOL')).pyramid!;
    expect(pyramid.find((b) => b.band === '10-14')).toEqual({ band: '10-14', female: 1, male: 1 });
    expect(pyramid.find((b) => b.band === '15-19')).toEqual({ band: '15-19', female: 2, male: 0 });
  });

  it('lists children reaching an age soonest first; programme staff assign them and record attendance', async () => {
    const list = await programmeWorklist(cpa, { camp: 'HOL', ages: '12,18', months: 3, asOf: '2026-01-10' });
    expect(list.items.map((i) => [i.resident.nameLatin, i.reaches])).toEqual([
      ['Hiba', { age: 12, on: '2026-01-31' }],
      ['Salma', { age: 18, on: '2026-03-01' }],
    ]);
    await createProgramme(cpa, { camp: 'HOL', code: 'EDU-11', name: 'Catch-up schooling', kind: 'education', minAge: 10, maxAge: 14 });
    expect((await errorOf(createProgramme(cpa, { camp: 'HOL', code: 'EDU-11', name: 'again', kind: 'education', minAge: 10, maxAge: 14 }))).code).toBe('CAMPS_PROGRAMME_EXISTS');
    const hiba = list.items[0]!.resident.id;
    const salma = list.items[1]!.resident.id;
    expect((await errorOf(assignToProgramme(cpa, 'EDU-11', { residents: [salma] }))).code).toBe('CAMPS_NOT_ELIGIBLE');
    expect(await assignToProgramme(cpa, 'EDU-11', { residents: [hiba] })).toMatchObject({ code: 'EDU-11', active: 1 });
    await recordAttendance(cpa, 'EDU-11', { date: '2026-01-08', present: [hiba] });
    await recordAttendance(cpa, 'EDU-11', { date: '2026-01-09', absent: [hiba] });
    await recordAttendance(cpa, 'EDU-11', { date: '2026-01-09', present: [hiba] });
    const again = await programmeWorklist(cpa, { camp: 'HOL', ages: '12,18', months: 3, asOf: '2026-01-10' });
    expect(again.items[0]!.programmes).toEqual([{ programme: 'EDU-11', kind: 'education', status: 'active', sessions: 2, attended: 2 }]);
    expect((await programmeWorklist(cpa, { camp: 'HOL', ages: '12,18', months: 3, asOf: '2026-01-10', unassigned: true })).items.map((i) => i.resident.nameLatin)).toEqual(['Salma']);
    expect(await listProgrammes(cpa, { camp: 'HOL' })).toEqual([{ code: 'EDU-11', camp: 'HOL', name: 'Catch-up schooling', kind: 'education', minAge: 10, maxAge: 14, active: 1 }]);
    expect((await errorOf(recordAttendance(cpa, 'EDU-11', { date: '2026-01-09', present: [salma] }))).code).toBe('NOT_FOUND');
    expect((await listResidents(cpa, { camp: 'HOL', ageMin: 12, ageMax: 17 })).items.map((r) => r.nameLatin).sort()).toEqual(['Adam', 'Lina', 'Salma']);
  });
});
