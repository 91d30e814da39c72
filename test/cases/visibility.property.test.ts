import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/access/index.js';
import {
  addEvidence, confirmDeclass, createCase, decideDeclass, exportCase, listCases, requestDeclass, searchEvidence, showCase, showEvidence,
  type TDecisionInput,
} from '../../src/cases/index.js';
import { canSee, formatMarking, LEVELS, levelRank, parseMarking, type Level, type Marking } from '../../src/kernel/index.js';
import { DIALECTS } from '../support/stores.js';
import { openCasesWorld, report, type CasesWorld } from './world.js';

/*
 * For random items (markings), requests and decisions, and random readers: no reader ever gets a version they
 * may not see — through the case page, the item page, search, counts, readiness or the export — every version
 * they may see is there, and every released version is visible to its audience.
 */

const COUNTRIES = ['USA', 'IRQ', 'FRA', 'GBR'] as const;
const AUDIENCES = ['IRQ', 'FRA', 'GBR'] as const;
const CAVEATS = ['HCS', 'LES'] as const;

const arbMarking = fc.record({
  level: fc.constantFrom(...LEVELS),
  rel: fc.oneof(
    fc.constant({ kind: 'all' as const }),
    fc.constant({ kind: 'noforn' as const }),
    fc.subarray([...COUNTRIES], { minLength: 1 }).map((cs) => ({ kind: 'rel' as const, countries: cs })),
  ),
  caveats: fc.subarray([...CAVEATS]),
});

const arbReader = fc.record({ country: fc.constantFrom(...COUNTRIES), clearance: fc.constantFrom(...LEVELS), groups: fc.subarray([...CAVEATS]) });

const arbRequest = fc.record({
  item: fc.nat(),
  audience: fc.constantFrom(...AUDIENCES),
  decision: fc.constantFrom('none', 'release', 'redact', 'downgrade', 'deny'),
  level: fc.double({ min: 0, max: 0.999, noNaN: true }),
  extra: fc.subarray([...COUNTRIES]),
});

type RequestSpec = typeof arbRequest extends fc.Arbitrary<infer T> ? T : never;

const arbWorld = fc.record({
  items: fc.array(arbMarking, { minLength: 1, maxLength: 4 }),
  requests: fc.array(arbRequest, { maxLength: 4 }),
  readers: fc.array(arbReader, { minLength: 1, maxLength: 4 }),
});

/** A marking for a redaction or downgrade of `src` to `audience`: no higher (strictly lower for a downgrade), admitting it. */
function lowerMarking(src: Marking, r: RequestSpec, strict: boolean): Marking | null {
  const top = levelRank(src.level) - (strict ? 1 : 0);
  if (top < 0) return null;
  const level = LEVELS[Math.floor(r.level * (top + 1))] as Level;
  return { level, caveats: src.caveats.filter((_, i) => i === 0), rel: { kind: 'rel', countries: [...new Set([r.audience, ...r.extra])].sort() } };
}

describe.each(DIALECTS)('case visibility on %s (property)', (dialect) => {
  let w: CasesWorld;
  let run = 0;
  let releasedTotal = 0;
  let deniedOrPending = 0;
  beforeAll(async () => {
    w = await openCasesWorld(dialect);
  });
  afterAll(async () => w.close());

  it('nobody reads a version they may not see, and every released version reaches its audience', async () => {
    await fc.assert(fc.asyncProperty(arbWorld, async (spec) => {
      run += 1;
      const tag = `run${run}x`;
      const author = w.principal('LEID', ['prosecutor']);
      const ref = `CASE-P-${run}`;
      await createCase(w.ctx(author), { ref, title: `${tag} case`, detainees: [w.isns[0]!], jurisdiction: { kind: 'receiving', country: 'IRQ' } });
      const items = [];
      for (const [i, m] of spec.items.entries()) {
        items.push(await addEvidence(w.ctx(author), ref, report(formatMarking(m), { description: `${tag} item ${i} secret${tag}i${i}o`, content: { body: `body ${tag}i${i}o` } })));
      }
      const released: { version: string; item: string; audience: string }[] = [];
      const rev1 = w.cx(w.principal('INTEL', ['reviewer'], { username: 'rev1' }));
      const rev2 = w.cx(w.principal('INTEL', ['reviewer'], { username: 'rev2' }));
      for (const [k, r] of spec.requests.entries()) {
        const item = items[r.item % items.length]!;
        const src = item.versions[0]!;
        const srcM = parseMarking(src.marking);
        if (srcM.rel.kind === 'all' || (srcM.rel.kind === 'rel' && srcM.rel.countries.includes(r.audience))) continue;
        const req = await requestDeclass(w.ctx(author), { item: item.ref, version: 1, audience: { kind: 'prosecutor', country: r.audience }, purpose: 'trial' });
        let input: TDecisionInput | null = null;
        if (r.decision === 'release') input = { outcome: 'release' };
        if (r.decision === 'deny') input = { outcome: 'deny', reason: 'no' };
        if (r.decision === 'redact') {
          const m = lowerMarking(srcM, r, false);
          if (m) input = { outcome: 'redact', marking: formatMarking(m), content: { body: `redacted ${tag}i${k}r` }, description: `${tag} redaction ${k} red${tag}r${k}` };
        }
        if (r.decision === 'downgrade') {
          const m = lowerMarking(srcM, r, true);
          if (m) input = { outcome: 'downgrade', marking: formatMarking(m) };
        }
        if (!input) continue;
        let d = await decideDeclass(rev1, req.id, input);
        if (d.status === 'awaiting-confirmation') d = await confirmDeclass(rev2, req.id, { approve: true });
        if (d.resultVersion === null) deniedOrPending += 1;
        if (d.resultVersion !== null) {
          releasedTotal += 1;
          const v = (await showEvidence(w.ctx(author), item.ref)).versions.find((x) => x.number === d.resultVersion)!;
          released.push({ version: v.id, item: item.ref, audience: r.audience });
        }
      }
      // Ground truth: every version of the run, as the author (TS, every caveat, the originator's country) sees it.
      const truth = (await showCase(w.ctx(author), ref)).items.flatMap((i) => i.versions.map((v) => ({ item: i.ref, v, m: parseMarking(v.marking) })));
      expect(truth.length).toBeGreaterThanOrEqual(items.length);

      for (const rd of spec.readers) {
        const p: Principal = w.principal('MOJ', ['prosecutor'], { ...rd, username: `reader.${rd.country}.${rd.clearance}`, country: rd.country });
        const sees = (m: Marking) => canSee(p, m, 'USA');
        const expected = new Set(truth.filter((t) => sees(t.m)).map((t) => t.v.id));
        const expectedItems = new Set(truth.filter((t) => sees(t.m)).map((t) => t.item));
        const tokensOf = (t: (typeof truth)[number]) => `${t.v.description} ${t.v.body ?? ''}`.split(/\s+/).filter((x) => x.includes(tag) && x !== tag);
        const visibleTokens = new Set(truth.filter((t) => sees(t.m)).flatMap(tokensOf));
        const hidden = truth.filter((t) => !sees(t.m)).flatMap(tokensOf).filter((x) => !visibleTokens.has(x));

        const file = await showCase(w.ctx(p), ref);
        const shown = file.items.flatMap((i) => i.versions);
        expect(new Set(shown.map((v) => v.id))).toEqual(expected);
        for (const v of shown) expect(sees(parseMarking(v.marking))).toBe(true);
        for (const e of file.items.flatMap((i) => i.custody)) expect(sees(parseMarking(e.marking))).toBe(true);
        expect(file.readiness.total).toBe(expectedItems.size);
        for (const i of file.readiness.items) expect(sees(parseMarking(i.marking))).toBe(true);

        const summary = (await listCases(w.ctx(p), { q: ref })).items.find((c) => c.ref === ref)!;
        expect(summary.evidence).toBe(expectedItems.size);

        const hits = await searchEvidence(w.ctx(p), { q: tag, limit: 200 });
        const mine = hits.items.filter((h) => h.case === ref);
        expect(mine.length).toBe(expected.size);
        for (const h of mine) expect(sees(parseMarking(h.marking))).toBe(true);

        const md = String((await exportCase(w.ctx(p), ref, { format: 'markdown', versions: 'all' })).body);
        for (const token of hidden) expect(md).not.toContain(token);
        for (const m of md.matchAll(/^(?:#+ )?\(([^)]+)\)/gm)) expect(sees(parseMarking(m[1]!))).toBe(true);
      }

      for (const r of released) {
        const audience = w.principal('MOJ', ['prosecutor'], { country: r.audience, username: `aud.${r.audience}` });
        expect((await showEvidence(w.ctx(audience), r.item)).versions.map((v) => v.id)).toContain(r.version);
      }
    }), { numRuns: 12, seed: 7 });
    // The runs did exercise the workflow, not only the originals.
    expect(releasedTotal).toBeGreaterThan(3);
    expect(deniedOrPending).toBeGreaterThan(0);
  });
});
