import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/kernel/index.js';
import { contextFor, type Audit } from '../../src/access/index.js';
import {
  addFacility, importDetainees, listDetainees, listFacilities, listReviews, registerDetainee, resolveReview, showDetainee, updateDetainee, updateFacility,
} from '../../src/registry/index.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { ctxOf, principal, registration, testClock } from '../support/world.js';

async function countRows(store: TestStore, table: 'detainees' | 'registration_reviews' | 'audit_events'): Promise<number> {
  const r = await store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

describe.each(DIALECTS)('registry use cases (%s)', (dialect) => {
  let store: TestStore;
  const usa = principal({ country: 'USA' });
  const irq = principal({ country: 'IRQ', clearance: 'S', groups: [] });

  beforeAll(async () => {
    store = await openTestStore(dialect);
    await addFacility(ctxOf(store.db, usa), { code: 'GHWAYRAN', name: 'Ghwayran', kind: 'prison', country: 'SYR', lat: 36.48, lon: 40.75, capacity: 5000, population: 3500, marking: 'C//REL TO IRQ, USA' });
  });
  afterAll(async () => store.drop());

  it('registers, shows and lists a detainee found by Arabic script and by any transliteration', async () => {
    const r = await registerDetainee(ctxOf(store.db, usa), registration(1, { facility: 'GHWAYRAN', aliases: [{ nameLatin: 'Abu Bakr al-Shami', kind: 'kunya' }] }));
    expect(r.status).toBe('created');
    const d = await showDetainee(ctxOf(store.db, irq), 'SP-SY-000001');
    expect(d).toMatchObject({ isn: 'SP-SY-000001', facility: 'GHWAYRAN', marking: 'C//REL TO IRQ, USA', version: 1 });
    for (const q of ['Mohamed Hussein', 'محمد', 'Muhammad', 'husain', 'Aboubakar', 'SP-SY-000001']) {
      const page = await listDetainees(ctxOf(store.db, irq), { search: q });
      expect(page.items.map((x) => x.isn), q).toContain('SP-SY-000001');
    }
    expect((await listDetainees(ctxOf(store.db, irq), { search: 'Khaled' })).total).toBe(0);
  });

  it('refuses a duplicate ISN the caller can see, naming the field', async () => {
    const before = await countRows(store, 'detainees');
    const e = await errorOf(registerDetainee(ctxOf(store.db, usa), registration(1)));
    expect(e.code).toBe('REGISTRY_DUPLICATE_ISN');
    expect(e.details.field).toBe('isn');
    expect(await countRows(store, 'detainees')).toBe(before);
  });

  it('sends a collision with an unseen record to a reviewer, revealing nothing of it', async () => {
    await registerDetainee(ctxOf(store.db, usa), registration(2, { marking: 'TS//HCS//NOFORN', nameLatin: 'Hidden Person', nameAr: 'شخص مخفي' }));
    const r = await registerDetainee(ctxOf(store.db, { ...irq, roles: ['registrar'] }), registration(2, { nameLatin: 'Omar Khaled', nameAr: 'عمر خالد' }));
    expect(r).toEqual({ status: 'pending-review', reviewId: expect.any(String) });
    expect(JSON.stringify(r)).not.toMatch(/Hidden|مخفي|TS|NOFORN/);
    // The submitter's side cannot see the review; a reviewer cleared for both can, and registers a new ISN.
    expect(await listReviews(ctxOf(store.db, { ...irq, roles: ['reviewer'] }))).toEqual([]);
    const reviews = await listReviews(ctxOf(store.db, usa));
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.existing.nameLatin).toBe('Hidden Person');
    const done = await resolveReview(ctxOf(store.db, usa), reviews[0]!.id, { decision: 'register', isn: 'SP-SY-000777', note: 'different person' });
    expect(done.status).toBe('accepted');
    expect((await showDetainee(ctxOf(store.db, irq), 'SP-SY-000777')).nameLatin).toBe('Omar Khaled');
    expect((await errorOf(resolveReview(ctxOf(store.db, usa), reviews[0]!.id, { decision: 'reject', note: 'again' }))).code).toBe('REGISTRY_REVIEW_CLOSED');
  });

  it('updates with optimistic concurrency: a stale version is a conflict and changes nothing', async () => {
    const ctx = ctxOf(store.db, usa);
    const d1 = await updateDetainee(ctx, 'SP-SY-000001', { version: 1, riskTier: 'high' });
    expect(d1).toMatchObject({ version: 2, riskTier: 'high' });
    const e = await errorOf(updateDetainee(ctx, 'SP-SY-000001', { version: 1, riskTier: 'low' }));
    expect(e.code).toBe('STALE_VERSION');
    expect(e.details).toMatchObject({ field: 'version', currentVersion: 2 });
    expect((await showDetainee(ctx, 'SP-SY-000001')).riskTier).toBe('high');
    const f = await updateFacility(ctx, 'GHWAYRAN', { version: 1, status: 'at-risk', collapseRisk: 0.4 });
    expect(f).toMatchObject({ status: 'at-risk', collapseRisk: 0.4, version: 2, detaineesHeld: 1 });
  });

  it('an update changes only the fields it names: omitted fields keep their values, not their defaults', async () => {
    const ctx = ctxOf(store.db, usa);
    const d = await registerDetainee(ctx, registration(61, { keepApart: ['cell-7'], medical: ['insulin'], legalStatus: 'charged', aliases: [{ nameLatin: 'Abu Umar', kind: 'kunya' }] }));
    expect(d.status).toBe('created');
    const before = await showDetainee(ctx, 'SP-SY-000061');
    const after = await updateDetainee(ctx, 'SP-SY-000061', { version: before.version, riskTier: 'high' });
    expect(after).toMatchObject({ riskTier: 'high', keepApart: ['cell-7'], medical: ['insulin'], legalStatus: 'charged', status: before.status, aliases: before.aliases });
    await addFacility(ctx, {
      code: 'PATCHED', name: 'Patched', kind: 'prison', country: 'SYR', lat: 36.4, lon: 40.7, capacity: 900, population: 800, guardForce: 120,
      status: 'at-risk', collapseRisk: 0.3, landingZones: [{ name: 'LZ North', lat: 36.41, lon: 40.71, slots: 2, maxCategory: 'helicopter' }], marking: 'C//REL TO IRQ, USA',
    });
    const f = await updateFacility(ctx, 'PATCHED', { version: 1, population: 650 });
    expect(f).toMatchObject({ population: 650, guardForce: 120, status: 'at-risk', collapseRisk: 0.3 });
    expect(f.landingZones).toHaveLength(1);
  });

  it('rejects Unicode tricks in names with the field named, storing nothing', async () => {
    const before = await countRows(store, 'detainees');
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ nameLatin: 'Omar\u202Eilahk' }, 'nameLatin', /bidi|bidirectional/i],
      [{ nameAr: '\u064Eعمر' }, 'nameAr', /combining/i],
      [{ nameAr: 'Omar' }, 'nameAr', /arabic/i],
      [{ nameLatin: 'عمر' }, 'nameLatin', /latin/i],
      [{ aliases: [{ nameLatin: 'Abu\u2066Omar' }] }, 'aliases.0.nameLatin', /bidi|bidirectional/i],
    ];
    for (const [over, field, reason] of cases) {
      const e = await errorOf(registerDetainee(ctxOf(store.db, usa), registration(50, over)));
      expect(e.kind).toBe('invalid');
      expect(e.details.issues?.map((i) => i.field)).toContain(field);
      expect(e.details.issues?.find((i) => i.field === field)?.reason).toMatch(reason);
    }
    // Combining marks on a base letter are fine, and stored composed (NFC).
    const ok = await registerDetainee(ctxOf(store.db, usa), registration(51, { nameLatin: 'Jose\u0301 Husayn' }));
    expect(ok.status === 'created' && ok.detainee.nameLatin).toBe('Jos\u00e9 Husayn');
    expect(await countRows(store, 'detainees')).toBe(before + 1);
  });

  it('imports CSV all or nothing, reporting every bad row and column', async () => {
    const header = 'isn,name_ar,name_latin,nationality,sex,risk_tier,marking,facility';
    const good = (n: number) => `SP-SY-00${n},عمر,Omar,IRQ,M,low,C//REL TO IRQ\\, USA,GHWAYRAN`.replace('\\,', ',');
    const quoted = (n: number) => `SP-SY-00${n},عمر,Omar,IRQ,M,low,"C//REL TO IRQ, USA",GHWAYRAN`;
    const before = await countRows(store, 'detainees');
    const bad = [header, quoted(3001), 'SP-SY-003002,عمر,Omar,XXX,M,extreme,"C//REL TO IRQ, USA",GHWAYRAN', quoted(3003), quoted(3001)].join('\n');
    const e = await errorOf(importDetainees(ctxOf(store.db, usa), bad));
    expect(e.code).toBe('REGISTRY_IMPORT_INVALID');
    const rows = e.details.rows as { row: number; field: string }[];
    expect(rows).toEqual(expect.arrayContaining([
      expect.objectContaining({ row: 2, field: 'nationality' }), expect.objectContaining({ row: 2, field: 'risk_tier' }), expect.objectContaining({ row: 4, field: 'isn' }),
    ]));
    expect(await countRows(store, 'detainees')).toBe(before);
    void good;
    const r = await importDetainees(ctxOf(store.db, usa), [header, quoted(3001), quoted(3003)].join('\n'));
    expect(r).toEqual({ created: 2, pendingReview: [] });
    expect(await countRows(store, 'detainees')).toBe(before + 2);
  });

  it('fails the operation when its audit row cannot be written', async () => {
    const before = await countRows(store, 'detainees');
    const broken: Audit = { record: async () => { throw new DomainError('unavailable', 'ACCESS_AUDIT_WRITE_FAILED', 'audit down'); } };
    const ctx = { ...contextFor(store.db, usa, testClock()), audit: broken };
    const e = await errorOf(registerDetainee(ctx, registration(60)));
    expect(e.code).toBe('ACCESS_AUDIT_WRITE_FAILED');
    expect(await countRows(store, 'detainees')).toBe(before);
    expect((await errorOf(showDetainee(ctx, 'SP-SY-000001'))).code).toBe('ACCESS_AUDIT_WRITE_FAILED');
  });

  it('audits reads of marked records, and the audit trail refuses UPDATE and DELETE', async () => {
    await showDetainee(ctxOf(store.db, irq), 'SP-SY-000001');
    const row = await store.db.selectFrom('audit_events').selectAll().where('action', '=', 'detainee.read').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.username).toBe(irq.username);
    await expect(store.db.updateTable('audit_events').set({ username: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(store.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    expect(await countRows(store, 'audit_events')).toBeGreaterThan(5);
  });

  it('counts carry the banner of the records they count, as the caller sees them', async () => {
    await registerDetainee(ctxOf(store.db, usa), registration(80, { facility: 'GHWAYRAN', marking: 'S//REL TO USA' }));
    const asUsa = (await listFacilities(ctxOf(store.db, usa))).find((f) => f.code === 'GHWAYRAN')!;
    const asIrq = (await listFacilities(ctxOf(store.db, irq))).find((f) => f.code === 'GHWAYRAN')!;
    expect(asUsa.heldMarking).toBe('S//REL TO USA');
    expect(asIrq.heldMarking).toBe('C//REL TO IRQ, USA');
    expect(asUsa.detaineesHeld).toBe(asIrq.detaineesHeld + 1);
    expect((await listDetainees(ctxOf(store.db, usa), { facility: 'GHWAYRAN', limit: 1 })).marking).toBe('S//REL TO USA');
    expect((await listDetainees(ctxOf(store.db, irq), { facility: 'GHWAYRAN', limit: 1 })).marking).toBe('C//REL TO IRQ, USA');
    expect((await listDetainees(ctxOf(store.db, irq), { search: 'nobody-by-this-name' })).marking).toBe('U');
  });

  it('a user without a write role is forbidden to register', async () => {
    const e = await errorOf(registerDetainee(ctxOf(store.db, { ...irq, roles: ['viewer'] }), registration(70)));
    expect(e.code).toBe('FORBIDDEN');
  });
});
