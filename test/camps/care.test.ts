import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideDuplicateReview, endGuardianship, importResidents, listDuplicateReviews, listResidents, showHousehold, showResident,
} from '../../src/camps/index.js';
import type { Ctx } from '../../src/access/index.js';
import { DIALECTS } from '../support/stores.js';
import { csvOf, errorOf, motherWithTwo, openCampWorld, type CampWorld } from './camp-world.js';

const row = (over: Record<string, string>) => ({ camp: 'HOL', section: 'PH1', name_ar: 'زينب', name_latin: 'Zaynab', sex: 'F', birth_date: '1990-05-05', nationality: 'SYR', relation: 'head', marking: 'C//REL TO CHE, IRQ, SYR, USA', ...over });

async function count(w: CampWorld, table: 'residents' | 'camp_shelters'): Promise<number> {
  const r = await w.store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe.each(DIALECTS)('camps: ending a guardianship, shelters on import, duplicate reviews (%s)', (dialect) => {
  let w: CampWorld;
  let hf: Ctx;
  beforeAll(async () => {
    w = await openCampWorld(dialect);
    hf = w.as('HF', ['registrar', 'custodian', 'child-protection']);
  });
  afterAll(async () => w.close());

  it('ends a guardianship with a reason and a date; with no guardian left the child is flagged unaccompanied', async () => {
    await importResidents(hf, csvOf(motherWithTwo('HOL-G0001', w.detaineeIsn)));
    const omar = (await listResidents(hf, { search: 'Omar' })).items.find((r) => r.household === 'HOL-G0001')!;
    const [g] = (await showResident(hf, omar.id)).guardians!;
    expect(g).toMatchObject({ kind: 'parent', until: null });
    expect((await errorOf(endGuardianship(hf, g!.id, { reason: 'mother released', on: '2026-02-01' }))).details.field).toBe('on');
    expect((await errorOf(endGuardianship(hf, g!.id, { reason: 'mother released', on: '2020-01-01' }))).details.field).toBe('on');
    await expect(endGuardianship(hf, g!.id, { reason: '' })).rejects.toThrow(/reason|expected string/);
    // Someone whose roles withhold guardianship sees nothing of it.
    expect((await errorOf(endGuardianship(w.as('DIPLO', ['registrar']), g!.id, { reason: 'mother released' }))).code).toMatch(/NOT_FOUND|CAMPS_FIELD_WITHHELD/);

    const r = await endGuardianship(hf, g!.id, { reason: 'mother released to her family in Mosul', on: '2026-01-10' });
    expect(r).toEqual({ id: g!.id, child: omar.id, until: '2026-01-10', remainingGuardians: 0, flaggedUnaccompanied: true });
    const after = await showResident(hf, omar.id);
    expect(after.guardians).toEqual([expect.objectContaining({ id: g!.id, until: '2026-01-10' })]);
    expect(after.vulnerabilities).toContain('unaccompanied-child');
    expect((await errorOf(endGuardianship(hf, g!.id, { reason: 'again' }))).code).toBe('CAMPS_GUARDIANSHIP_ENDED');
    const end = await w.store.db.selectFrom('camp_guardianship_ends').selectAll().where('guardianship_id', '=', g!.id).executeTakeFirstOrThrow();
    expect(end).toMatchObject({ ended_on: '2026-01-10', reason: 'mother released to her family in Mosul', recorded_by: 'hf.registrar' });
    const audit = await w.store.db.selectFrom('audit_events').select('details').where('action', '=', 'camp-guardian.end').execute();
    expect(audit).toHaveLength(1);
  });

  it('puts households in the shelters their rows name, creating them, and refuses a taken or conflicting shelter', async () => {
    const before = await count(w, 'camp_shelters');
    const r = await importResidents(hf, csvOf([
      row({ household: 'HOL-S0001', shelter: 'TENT-001' }),
      row({ household: 'HOL-S0001', relation: 'daughter', name_ar: 'ليلى', name_latin: 'Layla', birth_date: '2015-01-01', shelter: 'TENT-001' }),
      row({ household: 'HOL-S0002', name_ar: 'هند', name_latin: 'Hind', birth_date: '1988-02-02', shelter: 'TENT-002' }),
    ]));
    expect(r).toMatchObject({ created: 3, households: 2, shelters: 2, pendingReview: [] });
    expect(await count(w, 'camp_shelters')).toBe(before + 2);
    expect((await showHousehold(hf, 'HOL-S0001')).shelter).toBe('TENT-001');

    const residents = await count(w, 'residents');
    const e = await errorOf(importResidents(hf, csvOf([
      row({ household: 'HOL-S0003', name_ar: 'سعاد', name_latin: 'Suad', shelter: 'TENT-001' }),
      row({ household: 'HOL-S0004', name_ar: 'رحمة', name_latin: 'Rahma', shelter: 'TENT-004' }),
      row({ household: 'HOL-S0004', relation: 'son', name_ar: 'زيد', name_latin: 'Zayd', sex: 'M', birth_date: '2012-03-03', shelter: 'TENT-005' }),
      row({ household: 'HOL-S0005', section: '', name_ar: 'نور', name_latin: 'Nur', shelter: 'TENT-006' }),
      row({ household: 'HOL-S0001', relation: 'son', name_ar: 'حمزة', name_latin: 'Hamza', sex: 'M', birth_date: '2016-06-06', shelter: 'TENT-009' }),
      row({ household: 'HOL-S0006', name_ar: 'عائشة', name_latin: 'Aisha', shelter: 'tent 7' }),
    ])));
    const rows = (e.details.rows as { row: number; field: string; reason: string }[]).map((x) => [x.row, x.field, x.reason]);
    expect(rows).toEqual([
      [1, 'shelter', 'shelter TENT-001 of section PH1 is occupied by another household'],
      [2, 'shelter', 'rows of household HOL-S0004 name different shelters'],
      [3, 'shelter', 'rows of household HOL-S0004 name different shelters'],
      [4, 'shelter', 'a shelter needs the section it stands in'],
      [5, 'shelter', 'household HOL-S0001 already lives in shelter TENT-001'],
      [6, 'shelter', expect.stringMatching(/a shelter or tent code/)],
    ]);
    expect(await count(w, 'residents')).toBe(residents);
  });

  it('holds a row that looks like a resident the importer cannot see, for a reviewer who may see both to decide', async () => {
    const cpa = w.as('CPA', ['child-protection']);
    const reviewer = w.as('CPA', ['reviewer'], { username: 'cpa.reviewer' });
    const hfReviewer = w.as('HF', ['reviewer'], { username: 'hf.reviewer' });
    const hidden = (name: [string, string], born: string) => row({ household: `HOL-R${born.slice(0, 4)}`, name_ar: name[0], name_latin: name[1], birth_date: born, marking: 'C//REL TO CHE' });
    const cpaRows = [hidden(['رقية محمد', 'Ruqayya Muhammad'], '1991-07-07'), hidden(['سمية علي', 'Sumayya Ali'], '1993-03-03')];
    expect((await importResidents(cpa, csvOf(cpaRows))).created).toBe(2);
    // HF (Syria) cannot see those records; it registers the same women, spelt its own way.
    const residents = await count(w, 'residents');
    const registrar = w.as('HF', ['registrar']);
    const r = await importResidents(registrar, csvOf([
      row({ household: 'HOL-T0001', name_ar: 'رقيه محمد', name_latin: 'Ruqaya Mohammed', birth_date: '1991-07-07', marking: 'C//REL TO CHE, SYR' }),
      row({ household: 'HOL-T0002', name_ar: 'سميه علي', name_latin: 'Sumaya Ali', birth_date: '1993-03-03', marking: 'C//REL TO CHE, SYR' }),
      row({ household: 'HOL-T0003', name_ar: 'خولة', name_latin: 'Khawla', birth_date: '1993-03-03', marking: 'C//REL TO CHE, SYR' }),
    ]));
    expect(r.created).toBe(1);
    expect(r.pendingReview.map((p) => p.row)).toEqual([1, 2]);
    expect(await count(w, 'residents')).toBe(residents + 1);
    // Nobody who cannot see both records is shown the review; the importer's role cannot list them at all.
    expect(await listDuplicateReviews(hfReviewer)).toEqual([]);
    expect((await errorOf(listDuplicateReviews(registrar))).code).toBe('FORBIDDEN');

    const queue = await listDuplicateReviews(reviewer);
    expect(queue.map((q) => q.submitted.nameLatin)).toEqual(['Ruqaya Mohammed', 'Sumaya Ali']);
    expect(queue[0]).toMatchObject({ status: 'pending', camp: 'HOL', requestedBy: 'hf.registrar', marking: 'C//REL TO CHE', existing: { nameLatin: 'Ruqayya Muhammad', birth: '1991-07-07' } });
    expect((await errorOf(decideDuplicateReview(hfReviewer, queue[0]!.id, { decision: 'same' }))).code).toBe('NOT_FOUND');

    const same = await decideDuplicateReview(reviewer, queue[0]!.id, { decision: 'same', note: 'same birth, same mother in the tracing file' });
    expect(same).toMatchObject({ status: 'same', decision: { by: 'cpa.reviewer', createdResident: null } });
    expect(await count(w, 'residents')).toBe(residents + 1);
    const different = await decideDuplicateReview(reviewer, queue[1]!.id, { decision: 'different' });
    expect(different.decision?.createdResident).toEqual(expect.any(String));
    expect(await count(w, 'residents')).toBe(residents + 2);
    const created = await showResident(hf, different.decision!.createdResident!);
    expect(created).toMatchObject({ nameLatin: 'Sumaya Ali', household: 'HOL-T0002', status: 'resident' });
    expect(created.movements?.map((m) => m.kind)).toEqual(['arrival']);
    expect((await errorOf(decideDuplicateReview(reviewer, queue[1]!.id, { decision: 'same' }))).code).toBe('CAMPS_REVIEW_DECIDED');
    expect(await listDuplicateReviews(reviewer)).toEqual([]);
    expect((await listDuplicateReviews(reviewer, { status: 'different' })).map((q) => q.id)).toEqual([queue[1]!.id]);
  });
});
