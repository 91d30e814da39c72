import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/access/index.js';
import {
  addEvidence, confirmDeclass, createCase, decideDeclass, declassQueue, expireDeclassRequests, listDeclassRequests, requestDeclass, setCaseStatus, showCase, showEvidence,
  verifyDecision,
} from '../../src/cases/index.js';
import { DIALECTS } from '../support/stores.js';
import { errorOf } from '../camps/camp-world.js';
import { openCasesWorld, report, type CasesWorld } from './world.js';

describe.each(DIALECTS)('declassification workflow on %s', (dialect) => {
  let w: CasesWorld;
  let caseRef: string;
  const P = () => ({
    us: w.principal('LEID', ['prosecutor']),
    irq: w.principal('MOJ', ['prosecutor'], { clearance: 'S', groups: ['LES'] }),
    rev1: w.principal('INTEL', ['reviewer'], { username: 'intel.rev1' }),
    rev2: w.principal('INTEL', ['reviewer'], { username: 'intel.rev2' }),
    leRev: w.principal('LEID', ['reviewer']),
  });

  beforeAll(async () => {
    w = await openCasesWorld(dialect);
    const c = await createCase(w.ctx(P().us), {
      ref: 'CASE-IRQ-1', title: 'Camp commander, Raqqa', detainees: w.isns.slice(0, 2), jurisdiction: { kind: 'receiving', country: 'IRQ', name: 'Central Criminal Court of Iraq' },
      charges: ['membership of a terrorist organisation'], marking: 'U',
    });
    caseRef = c.ref;
  });
  afterAll(async () => w.close());

  async function newRequest(marking: string, country = 'IRQ') {
    const item = await addEvidence(w.ctx(P().us), caseRef, report(marking));
    const r = await requestDeclass(w.ctx(P().us), { item: item.ref, audience: { kind: 'prosecutor', country }, purpose: 'trial in Baghdad' });
    return { item, r };
  }

  it('opens a case with detainees the prosecutor sees', async () => {
    const c = await showCase(w.ctx(P().us), caseRef);
    expect(c.detainees.map((d) => d.isn)).toEqual(w.isns.slice(0, 2));
    expect(c.status).toBe('open');
    expect((await errorOf(createCase(w.ctx(P().irq), { title: 'x', detainees: [w.isns[2]!], jurisdiction: { kind: 'receiving', country: 'IRQ' } }))).code).toBe('CASES_UNKNOWN_DETAINEE');
  });

  it('release as is: a new version REL TO the audience; the original stays', async () => {
    const { item, r } = await newRequest('S//REL TO USA');
    expect(r.status).toBe('pending');
    expect((await errorOf(showEvidence(w.ctx(P().irq), item.ref))).code).toBe('NOT_FOUND');
    const d = await decideDeclass(w.cx(P().rev1), r.id, { outcome: 'release' });
    expect([d.status, d.outcome, d.resultVersion]).toEqual(['released', 'release', 2]);
    const seen = await showEvidence(w.ctx(P().irq), item.ref);
    expect(seen.versions.map((v) => [v.number, v.marking, v.origin])).toEqual([[2, 'S//REL TO IRQ, USA', 'release']]);
    expect(seen.versions[0]!.sha256).toBe(item.versions[0]!.sha256);
    expect((await showEvidence(w.ctx(P().us), item.ref)).versions.map((v) => v.marking)).toEqual(['S//REL TO USA', 'S//REL TO IRQ, USA']);
    expect(await verifyDecision(w.ctx(P().us), r.id)).toMatchObject({ valid: true, key: 'sallyport/agency/INTEL' });
    // Final: a second decision is refused, whoever makes it.
    expect((await errorOf(decideDeclass(w.cx(P().rev2), r.id, { outcome: 'deny', reason: 'changed my mind' }))).code).toBe('DECLASS_ALREADY_DECIDED');
  });

  it('redact: the audience sees the redacted version only', async () => {
    const { item, r } = await newRequest('S//NOFORN');
    const d = await decideDeclass(w.cx(P().rev1), r.id, {
      outcome: 'redact', marking: 'C//REL TO IRQ, USA', content: { body: 'Paragraph one names the detainee as camp commander.\n\n[source details withheld]' }, source: 'A human source',
    });
    expect(d.status).toBe('released');
    const seen = await showEvidence(w.ctx(P().irq), item.ref);
    expect(seen.versions).toHaveLength(1);
    expect(seen.versions[0]).toMatchObject({ origin: 'redaction', marking: 'C//REL TO IRQ, USA', source: 'A human source', parent: null });
    expect(seen.versions[0]!.body).not.toContain('handler');
    expect(seen.custody.map((e) => e.action)).toEqual(['redacted']);
    const queue = await declassQueue(w.ctx(P().rev1), { status: 'all' });
    const entry = queue.items.find((q) => q.id === r.id)!;
    expect(entry.original.body).toContain('handler');
    expect(entry.released?.marking).toBe('C//REL TO IRQ, USA');
  });

  it('a decided request carries the banner of both versions: a reader of the original only does not see it', async () => {
    const { r } = await newRequest('S//REL TO GBR, USA');
    const gbr = w.ctx(w.principal('PNAT', ['prosecutor'], { country: 'GBR', username: 'gbr.reader' }));
    expect((await listDeclassRequests(gbr)).items.map((x) => x.id)).toContain(r.id);
    const d = await decideDeclass(w.cx(P().rev1), r.id, { outcome: 'redact', marking: 'C//REL TO IRQ, USA', content: { body: 'r' } });
    expect(d.marking).toBe('S//REL TO USA');
    expect((await listDeclassRequests(gbr)).items.map((x) => x.id)).not.toContain(r.id);
    expect((await listDeclassRequests(w.ctx(P().us))).items.map((x) => x.id)).toContain(r.id);
  });

  it('redact refuses a higher marking and one that does not admit the audience', async () => {
    const { r } = await newRequest('C//NOFORN');
    const body = { body: 'redacted' };
    expect((await errorOf(decideDeclass(w.cx(P().rev1), r.id, { outcome: 'redact', marking: 'S//REL TO IRQ, USA', content: body }))).code).toBe('DECLASS_MARKING_NOT_LOWER');
    expect((await errorOf(decideDeclass(w.cx(P().rev1), r.id, { outcome: 'redact', marking: 'C//REL TO FRA, USA', content: body }))).code).toBe('DECLASS_MARKING_NOT_RELEASABLE');
    expect((await errorOf(decideDeclass(w.cx(P().rev1), r.id, { outcome: 'redact', marking: 'C//REL TO IRQ', content: { file: 'bm90IGEgcGRm', contentType: 'application/pdf', fileName: 'x.pdf' } }))).code).toBe('CASES_CONTENT_TYPE');
    expect((await declassQueue(w.ctx(P().rev1))).items.find((q) => q.id === r.id)?.status).toBe('pending');
  });

  it('downgrade of S takes two reviewers of the originating agency', async () => {
    const { item, r } = await newRequest('S//NOFORN');
    const proposed = await decideDeclass(w.cx(P().rev1), r.id, { outcome: 'downgrade', marking: 'C//REL TO IRQ, USA', reason: 'source protected by age' });
    expect([proposed.status, proposed.proposedMarking, proposed.proposedBy]).toEqual(['awaiting-confirmation', 'C//REL TO IRQ, USA', 'intel.rev1']);
    expect((await errorOf(showEvidence(w.ctx(P().irq), item.ref))).code).toBe('NOT_FOUND');
    expect((await errorOf(confirmDeclass(w.cx(P().rev1), r.id, { approve: true }))).code).toBe('DECLASS_SAME_REVIEWER');
    expect((await errorOf(decideDeclass(w.cx(P().rev2), r.id, { outcome: 'release' }))).code).toBe('DECLASS_AWAITING_CONFIRMATION');
    expect((await errorOf(confirmDeclass(w.cx(P().leRev), r.id, { approve: true }))).code).toBe('DECLASS_NOT_ORIGINATOR');
    const done = await confirmDeclass(w.cx(P().rev2), r.id, { approve: true });
    expect([done.status, done.decidedBy, done.confirmedBy]).toEqual(['released', 'intel.rev1', 'intel.rev2']);
    expect(JSON.parse(done.decision!)).toMatchObject({ reviewers: ['intel.rev1', 'intel.rev2'], outcome: 'downgrade' });
    expect((await showEvidence(w.ctx(P().irq), item.ref)).versions.map((v) => v.marking)).toEqual(['C//REL TO IRQ, USA']);
    expect((await errorOf(confirmDeclass(w.cx(P().rev2), r.id, { approve: true }))).code).toBe('DECLASS_NOT_AWAITING');
  });

  it('a refused confirmation puts the request back; a C downgrade needs one reviewer', async () => {
    const { r } = await newRequest('S//NOFORN');
    await decideDeclass(w.cx(P().rev1), r.id, { outcome: 'downgrade', marking: 'C//REL TO IRQ, USA' });
    expect((await confirmDeclass(w.cx(P().rev2), r.id, { approve: false, reason: 'not yet' })).status).toBe('pending');
    const c = await newRequest('C//NOFORN');
    expect((await errorOf(decideDeclass(w.cx(P().rev1), c.r.id, { outcome: 'downgrade', marking: 'C//REL TO IRQ, USA' }))).code).toBe('DECLASS_MARKING_NOT_LOWER');
    expect((await decideDeclass(w.cx(P().rev1), c.r.id, { outcome: 'downgrade', marking: 'U' })).status).toBe('released');
  });

  it('deny with a reason: nothing released; the readiness says denied', async () => {
    const { item, r } = await newRequest('TS//HCS//NOFORN');
    await expect(decideDeclass(w.cx(P().rev1), r.id, { outcome: 'deny' } as never)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['reason'] })] });
    const d = await decideDeclass(w.cx(P().rev1), r.id, { outcome: 'deny', reason: 'would expose a liaison service' });
    expect([d.status, d.reason]).toEqual(['denied', 'would expose a liaison service']);
    expect((await errorOf(showEvidence(w.ctx(P().irq), item.ref))).code).toBe('NOT_FOUND');
    const readiness = (await showCase(w.ctx(P().us), caseRef)).readiness;
    expect(readiness.items.find((i) => i.item === item.ref)?.state).toBe('denied');
  });

  it('a reviewer of another agency is refused; one who cannot see the item is told it is not there', async () => {
    const { r } = await newRequest('S//NOFORN');
    expect((await errorOf(decideDeclass(w.cx(P().leRev), r.id, { outcome: 'release' }))).code).toBe('DECLASS_NOT_ORIGINATOR');
    expect((await errorOf(decideDeclass(w.cx(w.principal('INTEL', ['reviewer'], { clearance: 'C' })), r.id, { outcome: 'release' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(decideDeclass(w.cx(P().us), r.id, { outcome: 'release' }))).code).toBe('FORBIDDEN');
    expect((await declassQueue(w.ctx(P().leRev))).items.map((q) => q.id)).not.toContain(r.id);
  });

  it('deadlines: overdue requests show in the queue; expired ones cannot be decided', async () => {
    const { r } = await newRequest('S//NOFORN');
    w.clock.advance(15 * 86_400_000);
    const q = await declassQueue(w.ctx(P().rev1));
    expect(q.items.find((i) => i.id === r.id)).toMatchObject({ overdue: true, status: 'pending' });
    expect(q.overdue).toBeGreaterThanOrEqual(1);
    w.clock.advance(30 * 86_400_000);
    expect((await declassQueue(w.ctx(P().rev1), { status: 'expired' })).items.map((i) => i.id)).toContain(r.id);
    expect((await errorOf(decideDeclass(w.cx(P().rev1), r.id, { outcome: 'release' }))).code).toBe('DECLASS_REQUEST_EXPIRED');
    const swept = await expireDeclassRequests(w.ctx(P().rev1));
    expect(swept.expired).toContain(r.id);
    expect((await expireDeclassRequests(w.ctx(P().rev1))).expired).toEqual([]);
  });

  it('a decision without the agency key stores nothing', async () => {
    const other = await openCasesWorld(dialect, { keys: false });
    try {
      const us = other.principal('LEID', ['prosecutor']);
      await createCase(other.ctx(us), { ref: 'CASE-K', title: 'k', detainees: [other.isns[0]!], jurisdiction: { kind: 'receiving', country: 'IRQ' } });
      const item = await addEvidence(other.ctx(us), 'CASE-K', report('S//NOFORN'));
      const r = await requestDeclass(other.ctx(us), { item: item.ref, audience: { kind: 'court', country: 'IRQ' }, purpose: 'p' });
      const rev = other.principal('INTEL', ['reviewer']);
      expect((await errorOf(decideDeclass(other.cx(rev), r.id, { outcome: 'release' }))).code).toBe('DECLASS_NO_SIGNING_KEY');
      expect((await showEvidence(other.ctx(us), item.ref)).versions).toHaveLength(1);
      expect((await declassQueue(other.ctx(rev))).items[0]?.status).toBe('pending');
    } finally {
      await other.close();
    }
  });

  it('two reviewers deciding at once: one decision stands, the other is told it is decided', async () => {
    const { item, r } = await newRequest('S//NOFORN');
    const results = await Promise.allSettled([
      decideDeclass(w.cx(P().rev1), r.id, { outcome: 'release' }),
      decideDeclass(w.cx(P().rev2), r.id, { outcome: 'redact', marking: 'C//REL TO IRQ, USA', content: { body: 'r' } }),
    ]);
    expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((x) => x.status === 'rejected');
    expect((failed?.reason as { code?: string } | undefined)?.code).toBe('DECLASS_ALREADY_DECIDED');
    expect((await showEvidence(w.ctx(P().us), item.ref)).versions).toHaveLength(2);
  });

  it('every step is audited', async () => {
    const auditor = w.ctx(w.principal('LEID', ['auditor']));
    const actions = new Set((await listAudit(auditor, { limit: 1000 })).items.map((a) => a.action));
    for (const a of ['case.create', 'evidence.add', 'declass.request', 'declass.decide', 'declass.propose', 'declass.confirm', 'declass.expire', 'declass.queue']) expect(actions).toContain(a);
  });

  it('case status moves only for the prosecutor\'s agency, on the current version', async () => {
    const c = await showCase(w.ctx(P().us), caseRef);
    expect((await errorOf(setCaseStatus(w.ctx(P().irq), caseRef, { status: 'referred', version: c.version }))).code).toBe('CASES_NOT_CASE_AGENCY');
    expect((await setCaseStatus(w.ctx(P().us), caseRef, { status: 'referred', version: c.version })).status).toBe('referred');
    expect((await errorOf(setCaseStatus(w.ctx(P().us), caseRef, { status: 'charged', version: c.version }))).code).toBe('STALE_VERSION');
  });

  it('case status moves forward only; closing before trial and reopening need a reason; audited', async () => {
    const us = w.ctx(P().us);
    const c = await createCase(us, { ref: 'CASE-STATUS-1', title: 'Status rules', detainees: w.isns.slice(0, 1), jurisdiction: { kind: 'receiving', country: 'IRQ' }, charges: [], marking: 'U' });
    const charged = await setCaseStatus(us, c.ref, { status: 'charged', version: c.version });
    expect(charged.status).toBe('charged');
    const back = await errorOf(setCaseStatus(us, c.ref, { status: 'referred', version: charged.version }));
    expect([back.code, back.details?.field]).toEqual(['CASES_BAD_TRANSITION', 'status']);
    const noReason = await errorOf(setCaseStatus(us, c.ref, { status: 'closed', version: charged.version }));
    expect([noReason.code, noReason.details?.field]).toEqual(['CASES_BAD_TRANSITION', 'reason']);
    expect((await showCase(us, c.ref)).status).toBe('charged');
    const closed = await setCaseStatus(us, c.ref, { status: 'closed', version: charged.version, reason: 'charges dropped' });
    expect(closed.status).toBe('closed');
    expect((await errorOf(setCaseStatus(us, c.ref, { status: 'tried', version: closed.version, reason: 'x' }))).code).toBe('CASES_BAD_TRANSITION');
    expect((await errorOf(setCaseStatus(us, c.ref, { status: 'open', version: closed.version }))).details?.field).toBe('reason');
    const reopened = await setCaseStatus(us, c.ref, { status: 'open', version: closed.version, reason: 'new witness' });
    expect(reopened.status).toBe('open');
    const audit = (await listAudit(w.ctx(w.principal('LEID', ['auditor'])), { limit: 1000 })).items.filter((a) => a.action === 'case.status' && a.subjectId === c.id);
    expect(audit.map((a) => (a.details as { to: string; reason: string | null }).to).sort()).toEqual(['charged', 'closed', 'open']);
    expect(audit.map((a) => (a.details as { reason: string | null }).reason)).toContain('new witness');
  });
});
