import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeScan, placesOf, samePlace, stillAboard, Tally, type Effect, type Place } from './engine.js';

/**
 * Execution over random operations: scans in any order, repeated, on the wrong sortie, of people nobody
 * planned, arrivals never scanned, and voids. After every step the live tally (moved person by person, as
 * the board shows it) equals the fold of the stored effects, the counts sum to the people tracked, every
 * anomaly raised its discrepancy, and a sortie closes only when nobody is aboard and nothing is open.
 */

interface Sortie { id: string; board: string; alight: string; manifest: Set<string> }
type Step = { t: 'scan'; kind: 'board' | 'arrive'; sortie: number; person: number } | { t: 'void'; pick: number } | { t: 'close'; sortie: number };

const PEOPLE = 12; // persons 0..9 planned, 10..11 unknown to the plan

const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('scan' as const), kind: fc.constantFrom('board' as const, 'arrive' as const), sortie: fc.nat(3), person: fc.nat(PEOPLE - 1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('void' as const), pick: fc.nat(50) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('close' as const), sortie: fc.nat(3) }) },
);

function world(assign: number[]): { sorties: Sortie[]; home: Map<string, Place> } {
  const sorties: Sortie[] = [0, 1, 2, 3].map((i) => ({ id: `S${i}`, board: i < 2 ? 'O1' : 'O2', alight: i % 2 === 0 ? 'D' : 'STG', manifest: new Set<string>() }));
  const home = new Map<string, Place>();
  for (let p = 0; p < 10; p += 1) {
    const s = sorties[assign[p]!]!;
    s.manifest.add(`P${p}`);
    home.set(`P${p}`, { kind: 'site', at: s.board });
  }
  return { sorties, home };
}

describe('execution engine', () => {
  it('keeps every person in exactly one place and the totals reconciled, whatever the scans', () => {
    fc.assert(fc.property(fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }), fc.array(arbStep, { maxLength: 80 }), (assign, steps) => {
      const { sorties, home } = world(assign);
      const effects: (Effect & { scan: number })[] = [];
      const voided = new Set<number>();
      const open: { sortie: string; kind: string; isn: string; scan: number | null }[] = [];
      const closed = new Set<string>();
      const tally = new Tally(home.values());
      let seq = 0;
      const live = () => effects.filter((e) => !voided.has(e.scan));
      const placeOf = (isn: string) => placesOf(home, live()).get(isn);
      for (const step of steps) {
        if (step.t === 'scan') {
          const s = sorties[step.sortie]!;
          const isn = `P${step.person}`;
          const node = step.kind === 'board' ? s.board : s.alight;
          const before = placeOf(isn);
          const j = judgeScan({ kind: step.kind, sortie: s.id, node, nodeKind: step.kind === 'board' ? 'site' : node === 'D' ? 'destination' : 'staging', before, manifested: s.manifest.has(isn), planned: home.has(isn) });
          seq += 1;
          if (j.discrepancy) open.push({ sortie: s.id, kind: j.discrepancy.kind, isn, scan: seq });
          if (!s.manifest.has(isn)) expect(j.discrepancy?.kind).toMatch(home.has(isn) ? /wrong-sortie|duplicate|conflict/ : /unmanifested|duplicate|conflict/);
          if (samePlace(before, j.effect)) expect(j.applied).toBe(false);
          if (j.applied) {
            effects.push({ seq, scan: seq, isn, place: j.effect });
            tally.move(before, j.effect);
          }
        } else if (step.t === 'void') {
          const target = live()[step.pick % Math.max(1, live().length)];
          if (!target) continue;
          const before = placeOf(target.isn)!;
          voided.add(target.scan);
          const after = placeOf(target.isn);
          if (after) tally.move(before, after);
          else tally.drop(before);
        } else {
          const s = sorties[step.sortie]!;
          const aboard = stillAboard(placesOf(home, live()), s.id);
          for (const isn of aboard) if (!open.some((d) => d.sortie === s.id && d.isn === isn && d.kind === 'missing-at-arrival')) open.push({ sortie: s.id, kind: 'missing-at-arrival', isn, scan: null });
          const blocked = open.some((d) => d.sortie === s.id);
          if (aboard.length > 0) expect(blocked).toBe(true);
          if (!blocked) closed.add(s.id);
        }
        const fold = new Tally(placesOf(home, live()).values());
        expect(tally.summary()).toEqual(fold.summary());
        expect(tally.balanced()).toBe(true);
        const tracked = new Set([...home.keys(), ...live().map((e) => e.isn)]);
        expect(tally.total).toBe(tracked.size);
      }
      // A person settles every discrepancy (missing people placed at the destination), then every sortie closes.
      for (const d of open.splice(0)) {
        if (d.kind === 'missing-at-arrival') {
          seq += 1;
          const before = placeOf(d.isn);
          effects.push({ seq, scan: seq, isn: d.isn, place: { kind: 'destination', at: 'D' } });
          tally.move(before, { kind: 'destination', at: 'D' });
        }
      }
      for (const s of sorties) {
        const aboard = stillAboard(placesOf(home, live()), s.id);
        for (const isn of aboard) {
          seq += 1;
          effects.push({ seq, scan: seq, isn, place: { kind: 'destination', at: 'D' } });
          tally.move({ kind: 'aircraft', at: s.id }, { kind: 'destination', at: 'D' });
        }
        expect(stillAboard(placesOf(home, live()), s.id)).toEqual([]);
      }
      expect(tally.summary()).toEqual(new Tally(placesOf(home, live()).values()).summary());
    }), { numRuns: 400 });
  });

  it('judges the ordinary cases', () => {
    const base = { sortie: 'S1', node: 'O', nodeKind: 'site' as const, manifested: true, planned: true };
    expect(judgeScan({ ...base, kind: 'board', before: { kind: 'site', at: 'O' } })).toMatchObject({ applied: true, discrepancy: null, effect: { kind: 'aircraft', at: 'S1' } });
    expect(judgeScan({ ...base, kind: 'board', before: { kind: 'aircraft', at: 'S1' } }).discrepancy?.kind).toBe('duplicate');
    expect(judgeScan({ ...base, kind: 'board', before: { kind: 'aircraft', at: 'S2' } })).toMatchObject({ applied: false, discrepancy: { kind: 'conflict' } });
    expect(judgeScan({ ...base, kind: 'board', manifested: false, before: { kind: 'site', at: 'O' } })).toMatchObject({ applied: true, discrepancy: { kind: 'wrong-sortie' } });
    expect(judgeScan({ ...base, kind: 'board', manifested: false, planned: false, before: undefined })).toMatchObject({ applied: true, discrepancy: { kind: 'unmanifested' } });
    expect(judgeScan({ ...base, kind: 'arrive', node: 'D', nodeKind: 'destination', before: { kind: 'aircraft', at: 'S1' } })).toMatchObject({ applied: true, effect: { kind: 'destination', at: 'D' } });
    expect(judgeScan({ ...base, kind: 'board', before: { kind: 'site', at: 'O2' } })).toMatchObject({ applied: false, discrepancy: { kind: 'conflict' } });
  });
});
