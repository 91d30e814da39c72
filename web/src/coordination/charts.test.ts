import { describe, expect, it } from 'vitest';
import { extent, siteRows, stepPath } from './charts.js';

describe('outcome chart geometry', () => {
  const moved = { label: 'moved', colour: '#000', points: [{ at: '2026-01-10', value: 0 }, { at: '2026-01-11', value: 50 }, { at: '2026-01-12', value: 100 }] };

  it('spans the days and values of every series, from zero', () => {
    expect(extent([moved])).toEqual({ t0: Date.parse('2026-01-10T00:00:00Z'), t1: Date.parse('2026-01-12T00:00:00Z'), max: 100 });
    // One point, or nothing, still gives a drawable box.
    const one = extent([{ ...moved, points: [{ at: '2026-01-10', value: 0 }] }]);
    expect(one.t1 - one.t0).toBe(86_400_000);
    expect(one.max).toBe(1);
  });

  it('draws counts as steps that hold their value until the next event', () => {
    const e = extent([moved]);
    expect(stepPath(moved.points, { w: 200, h: 100 }, e)).toBe('M0,100 H100 V50 H200 V0 H200');
    expect(stepPath([], { w: 200, h: 100 }, e)).toBe('');
  });

  it('gathers moved and remaining per site from the movement figures, and nothing else', () => {
    const rows = siteRows([
      { key: 'movement.moved.P01', label: 'P01 Ghwayran: moved', value: 10 },
      { key: 'movement.remaining.P01', label: 'P01 Ghwayran: remaining', value: 90 },
      { key: 'movement.remaining.P02', label: 'P02 Derik: remaining', value: 5 },
      { key: 'movement.remaining', label: 'all', value: 95 },
      { key: 'camps.population.HOL', label: 'HOL', value: 3 },
    ]);
    expect(rows).toEqual([
      { site: 'P01', label: 'P01 Ghwayran', moved: 10, remaining: 90 },
      { site: 'P02', label: 'P02 Derik', moved: null, remaining: 5 },
    ]);
  });
});
