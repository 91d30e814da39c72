import { describe, expect, it } from 'vitest';
import { chooseThreshold, compareFields, fitEm, fitLabelled, scoreOf } from './fuse.js';
import { birthLevel, jaro, jaroWinkler } from './similarity.js';
import { fnirAt } from './evaluate.js';

describe('string and birth similarity', () => {
  it('Jaro–Winkler gives the published values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 2);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaro('', 'x')).toBe(0);
  });
  it('birth levels', () => {
    expect(birthLevel({ birthDate: '1990-03-04' }, { birthDate: '19900304' })).toBe('exact');
    expect(birthLevel({ birthDate: '1990-03-04' }, { birthDate: '1990-04-03' })).toBe('transposed');
    expect(birthLevel({ birthDate: '1990-03-04' }, { birthYear: 1991 })).toBe('year-1');
    expect(birthLevel({ birthYear: 1980 }, { birthYear: 1990 })).toBe('differ');
    expect(birthLevel({}, { birthYear: 1990 })).toBe('missing');
  });
});

describe('Fellegi–Sunter', () => {
  it('compares each component and explains it', () => {
    const c = compareFields({ names: ['Mohammed Hussein'], birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' }, { names: ['محمد حسين'], birthYear: 1990, birthPlace: 'al-Mawsil', nationality: 'IRQ' }, { biometric: 0.7 });
    expect(c.map((x) => [x.name, x.level])).toEqual([['names', 'exact'], ['birth', 'same-year'], ['place', 'exact'], ['nationality', 'exact'], ['biometric', 'strong']]);
  });

  it('EM recovers m and u from unlabelled vectors, and its threshold separates the two classes', () => {
    // A small linear congruential generator: the test needs repeatable draws, nothing more.
    let state = 12345;
    const rng = { chance: (p: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) < p };
    const rows: Record<string, string>[] = [];
    const truth: boolean[] = [];
    for (let i = 0; i < 4000; i++) {
      const match = rng.chance(0.1);
      const agree = (m: number, u: number) => (rng.chance(match ? m : u) ? 'exact' : 'differ');
      rows.push({ a: agree(0.95, 0.1), b: agree(0.9, 0.05), c: agree(0.85, 0.2) });
      truth.push(match);
    }
    const model = fitEm(rows);
    expect(model.prevalence).toBeGreaterThan(0.07);
    expect(model.prevalence).toBeLessThan(0.13);
    expect(model.components.a!.exact!.m).toBeGreaterThan(0.85);
    expect(model.components.b!.exact!.u).toBeLessThan(0.1);
    const labelled = fitLabelled(rows, truth);
    expect(labelled.components.a!.exact!.m).toBeCloseTo(0.95, 1);
    let errors = 0;
    rows.forEach((r, i) => {
      const s = scoreOf(model, Object.entries(r).map(([name, level]) => ({ name, level, similarity: null, note: '' }))).score;
      if (s >= model.threshold !== truth[i]) errors++;
    });
    expect(errors / rows.length).toBeLessThan(0.05);
  });

  it('chooses the threshold with the best F1 within the false-match budget', () => {
    const scores = [10, 9, 8, 7, 2, 1, 0, -1];
    const labels = [true, true, true, false, true, false, false, false];
    expect(chooseThreshold(scores, labels, 0)).toBe(7.5);
    expect(chooseThreshold(scores, labels, 1)).toBe(1.5); // one false match buys the fourth true one
  });

  it('FNIR at FPIR: mates under the non-mated threshold are misses', () => {
    const best = Float64Array.from([1, 2, 3, 9, -Infinity]);
    const bestMate = Float64Array.from([-Infinity, -Infinity, -Infinity, 10, 2.5]);
    const mated = Uint8Array.from([0, 0, 0, 1, 1]);
    expect(fnirAt(best, bestMate, mated, 0)).toBe(0.5); // threshold 3: 10 passes, 2.5 does not
  });
});
