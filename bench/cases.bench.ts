import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFor, operatorPrincipal, scopeFor, type Principal } from '../src/access/index.js';
import { addEvidence, createCase, exportCase, searchEvidence, showCase } from '../src/cases/index.js';
import { FixedClock } from '../src/kernel/index.js';
import { addAgency } from '../src/access/index.js';
import { registerDetainee } from '../src/registry/index.js';
import { migrateToLatest, openStore } from '../src/store/index.js';

function knob(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t = performance.now();
  for (let i = 0; i < n; i += 1) await fn();
  return (performance.now() - t) / n;
}

const LEVELS = ['U', 'C//REL TO IRQ, USA', 'S//REL TO USA', 'S//NOFORN', 'TS//HCS//NOFORN'];

/**
 * Case file reads on the embedded store: one case with BENCH_CASE_ITEMS evidence items (default 300) of mixed
 * markings, read by a TS reader (sees all) and an IRQ reader (sees a fifth): the case page (versions, custody,
 * readiness), search and the Markdown export. Baseline: the bare scoped select of the same versions with their
 * contents, the floor any case page pays.
 */
export async function benchCases(): Promise<void> {
  const items = knob('BENCH_CASE_ITEMS', 300);
  const dir = mkdtempSync(join(tmpdir(), 'sallyport-bench-cases-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'cases.db')}`);
    await migrateToLatest(store);
    const clock = new FixedClock('2026-02-01T00:00:00Z');
    const op = contextFor(store.db, operatorPrincipal('USA'), clock);
    const leid = await addAgency(op, { code: 'LEID', name: 'LE', country: 'USA', kind: 'law-enforcement' });
    await addAgency(op, { code: 'INTEL', name: 'Intel', country: 'USA', kind: 'intelligence' });
    const us: Principal = { userId: null, username: 'pros', agencyId: leid.id, agencyCode: 'LEID', country: 'USA', clearance: 'TS', roles: ['prosecutor', 'registrar'], groups: ['LES', 'HCS'] };
    const irq: Principal = { ...us, username: 'irq', agencyId: null, agencyCode: 'MOJ', country: 'IRQ', clearance: 'S', groups: ['LES'] };
    const ctx = contextFor(store.db, us, clock);
    const d = await registerDetainee(ctx, { isn: 'SP-SY-000001', nameAr: 'محمد بن حسين', nameLatin: 'Muhammad bin Husayn', nationality: 'IRQ', sex: 'M', riskTier: 'medium', marking: 'C//REL TO IRQ, USA' });
    if (d.status !== 'created') throw new Error('detainee went to review');
    await createCase(ctx, { ref: 'CASE-B', title: 'Bench', detainees: ['SP-SY-000001'], jurisdiction: { kind: 'receiving', country: 'IRQ' } });
    const t = performance.now();
    for (let i = 0; i < items; i += 1) {
      await addEvidence(ctx, 'CASE-B', {
        kind: 'intelligence-report', agency: 'INTEL', dated: '2026-01-01', description: `Report ${i} on the keeper of cache ${i}`, source: 'Source', provenance: 'Provenance',
        content: { body: `Paragraph one of report ${i}.\n\nParagraph two of report ${i}.` }, marking: LEVELS[i % LEVELS.length]!,
        custody: [{ at: '2026-01-01T00:00:00Z', action: 'collected', actor: 'Field office' }],
      });
    }
    const addMs = (performance.now() - t) / items;

    const baseline = async (p: Principal) => {
      const scope = await scopeFor(store.db, p);
      return store.db.selectFrom('evidence_versions as v').innerJoin('evidence_contents as c', 'c.sha256', 'v.content_sha256').selectAll('v').select('c.data')
        .where('v.marking_id', 'in', scope.markingIds).execute();
    };
    const rows = (p: Principal) => [p === us ? 'TS reader' : 'IRQ reader', p] as const;
    const out: string[] = [`items ${items}; add evidence ${addMs.toFixed(2)} ms/item (one transaction each, fsync'd)`];
    for (const [name, p] of [rows(us), rows(irq)]) {
      const c = contextFor(store.db, p, clock);
      const base = await timed(20, () => baseline(p));
      const show = await timed(20, () => showCase(c, 'CASE-B'));
      const search = await timed(20, () => searchEvidence(c, { q: 'keeper', limit: 50 }));
      const md = await timed(10, () => exportCase(c, 'CASE-B', { format: 'markdown' }));
      const seen = (await showCase(c, 'CASE-B')).items.length;
      out.push(`${name} (${seen} items seen): baseline ${base.toFixed(2)} ms; case page ${show.toFixed(2)} ms (${(show / base).toFixed(1)}x); search ${search.toFixed(2)} ms (${(search / base).toFixed(1)}x); markdown export ${md.toFixed(2)} ms (${(md / base).toFixed(1)}x)`);
    }
    for (const l of out) process.stdout.write(`${l}\n`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
