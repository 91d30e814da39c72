import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importResidents, listResidents, showResident } from '../../src/camps/index.js';
import type { Ctx } from '../../src/access/index.js';
import { DIALECTS } from '../support/stores.js';
import { csvOf, errorOf, motherWithTwo, openCampWorld, type CampWorld } from './camp-world.js';

const MARK = 'C//REL TO CHE, IRQ, SYR, USA';
const row = (over: Record<string, string>) => ({ camp: 'HOL', household: 'HOL-B0001', name_ar: 'زينب', name_latin: 'Zaynab', sex: 'F', birth_date: '1990-05-05', nationality: 'SYR', relation: 'head', marking: MARK, ...over });

async function residents(w: CampWorld): Promise<number> {
  const r = await w.store.db.selectFrom('residents').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(DIALECTS)('camps: resident CSV import, bad input (%s)', (dialect) => {
  let w: CampWorld;
  let hf: Ctx;
  beforeAll(async () => {
    w = await openCampWorld(dialect);
    hf = w.as('HF', ['registrar', 'custodian', 'child-protection']);
    await importResidents(hf, csvOf(motherWithTwo('HOL-A0001', w.detaineeIsn)));
  });
  afterAll(async () => w.close());

  it('refuses impossible ages, naming each row and column, and stores nothing', async () => {
    const before = await residents(w);
    const e = await errorOf(importResidents(hf, csvOf([
      row({ household: 'HOL-B0001' }),
      row({ household: 'HOL-B0001', relation: 'son', name_latin: 'Ali', name_ar: 'علي', sex: 'M', birth_date: '1985-01-01' }),
      row({ household: 'HOL-B0002', birth_date: '2027-03-01' }),
      row({ household: 'HOL-B0003', birth_year: '1890', birth_date: '' }),
      row({ household: 'HOL-B0004', birth_date: '2023-02-29' }),
      row({ household: 'HOL-B0005', birth_date: '' }),
      row({ household: 'HOL-B0001', relation: 'mother', name_latin: 'Hind', name_ar: 'هند', birth_date: '1995-01-01' }),
    ])));
    expect(e.code).toBe('CAMPS_IMPORT_INVALID');
    const rows = (e.details.rows as { row: number; field: string; reason: string }[]).map((r) => [r.row, r.field, r.reason]);
    expect(rows).toEqual([
      [2, 'birth_date', expect.stringMatching(/impossible age: a son of 41 with a head of household of 35/)],
      [3, 'birth_date', 'impossible age: born after today'],
      [4, 'birth_year', 'impossible age: older than 120'],
      [5, 'birth_date', 'not a calendar date'],
      [6, 'birth_date', 'a date of birth or an estimated birth year is required'],
      [7, 'birth_date', expect.stringMatching(/impossible age: a mother of 31/)],
    ]);
    expect(await residents(w)).toBe(before);
  });

  it('refuses names in the wrong script or with direction controls; accepts Arabic with harakat', async () => {
    const e = await errorOf(importResidents(hf, csvOf([
      row({ household: 'HOL-C0001', name_ar: 'Zaynab' }),
      row({ household: 'HOL-C0002', name_latin: 'زينب' }),
      row({ household: 'HOL-C0003', name_latin: 'Zaynab \u202Ebaniaz' }),
      row({ household: 'HOL-C0004', name_ar: 'زينب\u200F حسن' }),
      row({ household: 'HOL-C0005', name_ar: 'Zaynab زينب' }),
    ])));
    const rows = (e.details.rows as { row: number; field: string; reason: string }[]).map((r) => [r.row, r.field]);
    expect(rows).toEqual([[1, 'name_ar'], [2, 'name_latin'], [3, 'name_latin'], [4, 'name_ar'], [5, 'name_ar']]);
    expect((e.details.rows as { reason: string }[])[2]!.reason).toMatch(/bidirectional control character U\+202E/);
    const ok = await importResidents(hf, csvOf([row({ household: 'HOL-C0006', name_ar: 'زَيْنَب بِنْت عَلِيّ', name_latin: 'Zaynab bint ʿAli' })]));
    expect(ok.created).toBe(1);
  });

  it('refuses duplicates within the file and of residents already registered, across spelling variants', async () => {
    const e = await errorOf(importResidents(hf, csvOf([
      row({ household: 'HOL-D0001', name_ar: 'خديجة عمر', name_latin: 'Khadija Omar' }),
      row({ household: 'HOL-D0002', name_ar: 'خديجه عمر', name_latin: 'Khadeeja Umar' }),
      { ...motherWithTwo('HOL-D0003', w.detaineeIsn)[0]!, name_latin: 'Fatima Hasan' },
    ])));
    const rows = (e.details.rows as { row: number; field: string; reason: string }[]).map((r) => [r.row, r.reason]);
    expect(rows).toEqual([[2, 'duplicate of row 1'], [3, expect.stringMatching(/^duplicate of resident .* already registered$/)]]);
  });

  it('accepts a child head of household with no guardian, flagging it for follow-up', async () => {
    const r = await importResidents(hf, csvOf([
      row({ household: 'HOL-E0001', name_ar: 'يوسف', name_latin: 'Yusuf', sex: 'M', birth_date: '2010-09-09' }),
      row({ household: 'HOL-E0001', relation: 'sibling', name_ar: 'سارة', name_latin: 'Sara', birth_date: '2015-04-04' }),
    ]));
    expect(r.flags).toEqual([
      { row: 1, field: 'relation', reason: 'child head of household with no guardian' },
      { row: 2, field: 'relation', reason: 'child with no guardian in the household' },
    ]);
    const yusuf = (await listResidents(hf, { search: 'Yusuf' })).items[0]!;
    expect(yusuf.vulnerabilities).toEqual(['child-headed-household', 'unaccompanied-child']);
    expect(yusuf.marking).toBe('C//CHILD//REL TO CHE, IRQ, SYR, USA');
    expect((await showResident(hf, yusuf.id)).guardians).toEqual([]);
  });

  it('refuses unknown camps, sections, households of another camp and unseen detainees', async () => {
    const e = await errorOf(importResidents(hf, csvOf([
      row({ camp: 'XXX', household: 'HOL-F0001', name_latin: 'Amina', name_ar: 'آمنة' }),
      row({ household: 'HOL-F0002', section: 'PH9', name_latin: 'Asma', name_ar: 'أسماء' }),
      row({ camp: 'ROJ', household: 'HOL-A0001', relation: 'wife', name_latin: 'Huda', name_ar: 'هدى' }),
      row({ household: 'HOL-F0003', related_detainee: 'SP-SY-999999', name_latin: 'Rania', name_ar: 'رانيا' }),
      row({ household: 'HOL-F0004', marking: 'TS//NOFORN', name_latin: 'Salma', name_ar: 'سلمى' }),
    ])));
    const rows = (e.details.rows as { row: number; field: string }[]).map((r) => [r.row, r.field]);
    expect(rows).toEqual([[1, 'camp'], [2, 'section'], [3, 'household'], [4, 'related_detainee'], [5, 'marking']]);
  });
});
