import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/access/index.js';
import { addEvidence, createCase, exportCase } from '../../src/cases/index.js';
import { DIALECTS } from '../support/stores.js';
import { openCasesWorld, report, type CasesWorld } from './world.js';

describe.each(DIALECTS)('case export on %s', (dialect) => {
  let w: CasesWorld;
  beforeAll(async () => {
    w = await openCasesWorld(dialect);
    const us = w.principal('LEID', ['prosecutor']);
    await createCase(w.ctx(us), { ref: 'CASE-X', title: 'Mixed parts', detainees: w.isns.slice(0, 2), jurisdiction: { kind: 'receiving', country: 'IRQ' }, charges: ['murder'], marking: 'U' });
    await addEvidence(w.ctx(us), 'CASE-X', report('C//REL TO IRQ, USA', { description: 'Seized ledger', content: { body: 'Ledger page one.\n\nLedger page two.' } }));
    await addEvidence(w.ctx(us), 'CASE-X', report('S//LES//REL TO GBR, USA', { description: 'Intercept summary', content: { body: 'Intercept text.' } }));
    await addEvidence(w.ctx(us), 'CASE-X', report('TS//HCS//NOFORN', { description: 'Liaison report', content: { body: 'Liaison text.' } }));
  });
  afterAll(async () => w.close());

  it('portion-marks every paragraph and computes the banner from the parts', async () => {
    const us = w.principal('LEID', ['prosecutor'], { clearance: 'S', groups: ['LES'] });
    const doc = await exportCase(w.ctx(us), 'CASE-X', { format: 'markdown' });
    expect(doc.banner).toBe('SECRET//LES//REL TO USA');
    const text = String(doc.body);
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe('**SECRET//LES//REL TO USA**');
    expect(lines.at(-1)).toBe('**SECRET//LES//REL TO USA**');
    for (const l of lines.slice(1, -1)) expect(l).toMatch(/^(#+ )?\((U|C|S|TS)(\/\/[^)]*)?\) /);
    expect(text).toContain('(C//REL TO IRQ, USA) Ledger page two.');
    expect(text).toContain('(S//LES//REL TO GBR, USA) Intercept text.');
    // The TS item is left out entirely, not blacked out: no trace of it.
    expect(text).not.toMatch(/Liaison|TS\/\/|HCS/);
  });

  it('shows a reader of another country only what is released to them, under their own banner', async () => {
    const irq = w.principal('MOJ', ['prosecutor'], { clearance: 'S', groups: ['LES'] });
    const doc = await exportCase(w.ctx(irq), 'CASE-X', { format: 'html' });
    expect(doc.banner).toBe('CONFIDENTIAL//REL TO IRQ, USA');
    const html = String(doc.body);
    expect(html).toContain('<header class="banner">CONFIDENTIAL//REL TO IRQ, USA</header>');
    expect(html).toContain('@media print');
    expect(html).not.toContain('Intercept');
    expect(html.match(/<p>|<h[12]>/g)!.length).toBe(html.match(/<span class="pm">/g)!.length);
  });

  it('renders a PDF with the banner, and the audit trail records who exported which versions', async () => {
    const us = w.principal('LEID', ['prosecutor'], { username: 'exporter' });
    const doc = await exportCase(w.ctx(us), 'CASE-X', { format: 'pdf', versions: 'all' });
    expect(doc.contentType).toBe('application/pdf');
    expect((doc.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(doc.banner).toBe('TOP SECRET//HCS/LES//NOFORN');
    const audit = (await listAudit(w.ctx(w.principal('LEID', ['auditor'])), { action: 'case.export', limit: 100 })).items;
    const mine = audit.filter((a) => a.username === 'exporter');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.details).toMatchObject({ format: 'pdf', banner: 'TOP SECRET//HCS/LES//NOFORN', ref: 'CASE-X' });
    expect((mine[0]!.details.versions as string[]).length).toBe(3);
  });
});
