import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrollmentIndex, decideCandidate, enrollDetainee, exportAn2, importAn2, listCandidates, readAn2, showCandidate, showIdentity, undoDecision, writeAn2 } from '../../src/identity/index.js';
import { DIALECTS } from '../support/stores.js';
import { openIdentityWorld, templatesOf, type IdentityWorld } from './identity-world.js';
import { DomainError } from '../../src/kernel/index.js';

async function failure(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe.each(DIALECTS)('identity: enrollment, search on arrival, adjudication (%s)', (dialect) => {
  let w: IdentityWorld;
  beforeAll(async () => {
    w = await openIdentityWorld(dialect);
  });
  afterAll(async () => w.close());

  const count = async () => Number((await w.store.db.selectFrom('identity_enrollments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('refuses a capture below the quality floor with a re-capture prompt, and stores nothing', async () => {
    const e = await failure(enrollDetainee(w.as(['identity']), { isn: 'SP-SY-000101', officer: 'A. Officer', station: 'ENR-1', templates: templatesOf('A', 'a1', { 'finger-4': 12 }) }));
    expect(e.code).toBe('IDENTITY_QUALITY_BELOW_FLOOR');
    expect(e.details.field).toBe('templates.3.quality');
    expect(e.details.reason).toBe('quality 12 is below the floor 30 for the right ring finger; re-capture the right ring finger');
    expect(await count()).toBe(0);
  });

  it('refuses wrong template lengths, NaN values and a repeated modality, naming the field', async () => {
    const ctx = w.as(['identity']);
    const base = { isn: 'SP-SY-000101', officer: 'A. Officer', station: 'ENR-1' };
    const short = templatesOf('A', 'a1');
    short[10] = { ...short[10]!, vector: short[10]!.vector.slice(1) };
    expect((await failure(enrollDetainee(ctx, { ...base, templates: short }))).details).toMatchObject({ field: 'templates.10.vector', reason: 'a face template has 32 values, not 31' });
    const nan = templatesOf('A', 'a1');
    nan[0]!.vector[3] = Number.NaN;
    expect((await failure(enrollDetainee(ctx, { ...base, templates: nan }))).details).toMatchObject({ field: 'templates.0.vector.3', reason: 'Invalid input: expected number, received NaN' });
    const twice = templatesOf('A', 'a1');
    twice[1] = { ...twice[1]!, modality: 'finger-1' };
    expect((await failure(enrollDetainee(ctx, { ...base, templates: twice }))).code).toBe('IDENTITY_TEMPLATE_INVALID');
    expect(await count()).toBe(0);
  });

  it('enrolls, refuses a duplicate enrollment id, and needs the permission', async () => {
    const ctx = w.as(['identity']);
    const r = await enrollDetainee(ctx, { id: '01JABCDEFGHJKMNPQRSTVWXYZ0', isn: 'SP-SY-000101', officer: 'A. Officer', station: 'ENR-1', templates: templatesOf('A', 'a1'), descriptive: { birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' } });
    expect(r.enrollment).toMatchObject({ isn: 'SP-SY-000101', agency: 'LE-ID', marking: 'C//REL TO IRQ, USA' });
    expect(r.enrollment.templates).toHaveLength(12);
    expect(r.candidates).toBe(0);
    const dup = await failure(enrollDetainee(ctx, { id: '01JABCDEFGHJKMNPQRSTVWXYZ0', isn: 'SP-SY-000103', officer: 'A. Officer', station: 'ENR-1', templates: templatesOf('C', 'c1') }));
    expect(dup.code).toBe('IDENTITY_DUPLICATE_ENROLLMENT');
    expect((await failure(enrollDetainee(w.as(['viewer']), { isn: 'SP-SY-000103', officer: 'x', station: 'y', templates: templatesOf('C', 'c1') }))).code).toBe('FORBIDDEN');
    expect(await count()).toBe(1);
  });

  it('searches a new enrollment on arrival and queues the same person enrolled under another record', async () => {
    const ctx = w.as(['identity']);
    await enrollDetainee(ctx, { isn: 'SP-SY-000103', officer: 'A. Officer', station: 'ENR-2', templates: templatesOf('C', 'c1'), descriptive: { nationality: 'TUN' } });
    const r = await enrollDetainee(ctx, { isn: 'SP-SY-000102', officer: 'B. Officer', station: 'ENR-2', templates: templatesOf('A', 'a2'), descriptive: { birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' } });
    expect(r.candidates).toBe(1);
    const page = await listCandidates(ctx);
    expect(page.total).toBe(1);
    const c = page.items[0]!;
    expect([c.left.isn, c.right.isn].sort()).toEqual(['SP-SY-000101', 'SP-SY-000102']);
    expect(c.biometric).toBeGreaterThan(0.8);
    expect(c.components.map((x) => x.name)).toEqual(['names', 'birth', 'place', 'nationality', 'biometric']);
  });

  it('a pair the caller may not see is not in their queue, count or lookups', async () => {
    const ctx = w.as(['identity'], { clearance: 'C' });
    await enrollDetainee(w.as(['identity'], { clearance: 'TS' }), { isn: 'SP-SY-000104', officer: 'A. Officer', station: 'ENR-3', templates: templatesOf('C', 'c2') });
    const all = await listCandidates(w.as(['identity'], { clearance: 'TS' }));
    expect(all.total).toBe(2);
    const mine = await listCandidates(ctx);
    expect(mine.total).toBe(1);
    const hidden = all.items.find((c) => c.left.isn === 'SP-SY-000104' || c.right.isn === 'SP-SY-000104')!;
    expect((await failure(showCandidate(ctx, hidden.id))).code).toBe('NOT_FOUND');
    expect((await failure(decideCandidate(ctx, hidden.id, { decision: 'same', reason: 'looks the same' }))).code).toBe('NOT_FOUND');
  });

  it('"same" links the records under one identity with the other names as aliases; undo reverses it; all audited', async () => {
    const ctx = w.as(['identity']);
    const [c] = (await listCandidates(ctx)).items;
    expect((await failure(decideCandidate(ctx, c!.id, { decision: 'same', reason: '' }))).details.field).toBe('reason');
    const d = await decideCandidate(ctx, c!.id, { decision: 'same', reason: 'fingerprints and face agree; same father' });
    expect(d).toMatchObject({ status: 'same', decidedBy: 'id.identity' });
    expect((await failure(decideCandidate(ctx, c!.id, { decision: 'different', reason: 'changed my mind' }))).code).toBe('IDENTITY_ALREADY_DECIDED');
    const page = await showIdentity(ctx, 'SP-SY-000101');
    expect(page.members.map((m) => m.isn).sort()).toEqual(['SP-SY-000101', 'SP-SY-000102']);
    expect(page.aliases.map((a) => a.name)).toContain('Muhammad Husayn al-Juburi');
    expect(page.enrollments).toHaveLength(2);
    expect(page.decisions[0]).toMatchObject({ decision: 'same', reason: 'fingerprints and face agree; same father' });
    expect((await showIdentity(ctx, 'SP-SY-000102')).identityId).toBe(page.identityId);
    const u = await undoDecision(ctx, c!.id, { reason: 'second opinion disagrees' });
    expect(u.status).toBe('pending');
    expect((await showIdentity(ctx, 'SP-SY-000101')).members).toHaveLength(1);
    expect((await showIdentity(ctx, 'SP-SY-000102')).aliases.map((a) => a.name)).not.toContain('Mohammed Hussein al-Jubouri');
    const actions = await w.store.db.selectFrom('audit_events').select('action').where('action', 'like', 'identity.%').execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['identity.enroll', 'identity.decide.same', 'identity.decide.undo', 'identity.read']));
  });

  it('exports an enrollment as ANSI/NIST-ITL and imports it back for another record; a second import stores nothing', async () => {
    const ctx = w.as(['identity']);
    const ex = await exportAn2(ctx, 'SP-SY-000101');
    expect(ex.marking).toBe('C//REL TO IRQ, USA');
    const { request } = readAn2(ex.bytes);
    expect(request.templates).toHaveLength(12);
    const moved = writeAn2({ ...request, id: '01JBBBBBBBBBBBBBBBBBBBBBBB', isn: 'SP-SY-000103', descriptive: { ...request.descriptive } }, { originator: 'USLEID', destination: 'ANY', now: '2026-01-10T09:00:00.000Z' });
    const before = await count();
    const r = await importAn2(ctx, moved);
    expect(r.enrollment).toMatchObject({ id: '01JBBBBBBBBBBBBBBBBBBBBBBB', isn: 'SP-SY-000103' });
    expect(r.enrollment.templates.map((t) => t.quality)).toEqual(request.templates.map((t) => t.quality));
    expect((await failure(importAn2(ctx, moved))).code).toBe('IDENTITY_DUPLICATE_ENROLLMENT');
    expect((await failure(importAn2(ctx, moved.subarray(0, 300)))).code).toBe('IDENTITY_AN2_MALFORMED');
    expect(await count()).toBe(before + 1);
    expect((await failure(exportAn2(w.as(['identity'], { clearance: 'C' }), 'SP-SY-000104'))).code).toBe('NOT_FOUND');
  });
});

describe.each(DIALECTS)('identity: the search on arrival through the gallery index (%s)', (dialect) => {
  let w: IdentityWorld;
  beforeAll(async () => {
    w = await openIdentityWorld(dialect);
  });
  afterAll(async () => w.close());

  const searchOf = async (enrollmentId: string) => {
    const row = await w.store.db.selectFrom('audit_events').select('details').where('action', '=', 'identity.enroll').where('subject_id', '=', enrollmentId).executeTakeFirstOrThrow();
    return (JSON.parse(row.details) as { search: string }).search;
  };

  it('asks the index when it holds the whole gallery, scans exactly when it is missing or stale and then catches it up', async () => {
    const ctx = w.as(['identity'], { clearance: 'TS' });
    const index = new EnrollmentIndex(null);
    const base = { officer: 'A. Officer', station: 'ENR-1' };
    // No index open yet: an exact scan, after which the index is opened from the store.
    const a1 = await enrollDetainee(ctx, { ...base, isn: 'SP-SY-000101', templates: templatesOf('A', 'a1'), descriptive: { birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' } }, { index });
    expect(await searchOf(a1.enrollment.id)).toBe('exact');
    expect(index.open?.ids).toEqual([a1.enrollment.id]);
    // The index holds the gallery: the same person under another record is found through it.
    const a2 = await enrollDetainee(ctx, { ...base, isn: 'SP-SY-000102', templates: templatesOf('A', 'a2'), descriptive: { birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' } }, { index });
    expect(await searchOf(a2.enrollment.id)).toBe('index');
    expect(a2.candidates).toBe(1);
    expect(index.open?.ids).toEqual([a1.enrollment.id, a2.enrollment.id]);
    // An enrollment stored without the index (another process) makes the index stale: the next arrival scans
    // exactly — and still finds the duplicate the index does not hold — then the index catches up.
    const c1 = await enrollDetainee(ctx, { ...base, isn: 'SP-SY-000103', templates: templatesOf('C', 'c1') });
    const c2 = await enrollDetainee(ctx, { ...base, isn: 'SP-SY-000104', templates: templatesOf('C', 'c2') }, { index });
    expect(await searchOf(c2.enrollment.id)).toBe('exact');
    expect(c2.candidates).toBe(1);
    expect([...(index.open?.ids ?? [])].sort()).toEqual([a1, a2, c1, c2].map((r) => r.enrollment.id).sort());
    expect(index.caughtUp).toBe(2);
    // Caught up, the index serves the next arrival again: A captured a third time, under record 102.
    const a3 = await enrollDetainee(ctx, { ...base, isn: 'SP-SY-000102', templates: templatesOf('A', 'a3'), descriptive: { birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' } }, { index });
    expect(await searchOf(a3.enrollment.id)).toBe('index');
    expect(a3.candidates).toBe(1);
    const pending = await listCandidates(ctx, { limit: 50 });
    expect(pending.items.some((c) => [c.left.enrollmentId, c.right.enrollmentId].includes(a3.enrollment.id))).toBe(true);
  });
});
