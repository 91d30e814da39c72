import { describe, expect, it } from 'vitest';
import { stepPath } from './PopulationHistory.js';

describe('population history chart', () => {
  it('draws a step line from the first day at the left to the last at the right, the largest count at the top', () => {
    const d = stepPath([{ day: '2026-01-01', count: 10 }, { day: '2026-01-03', count: 4 }, { day: '2026-01-05', count: 0 }], 200, 100);
    expect(d).toBe('M28.0,28.0H100.0V54.4H172.0V72.0');
  });

  it('draws nothing for an empty series and a flat start for one point', () => {
    expect(stepPath([])).toBe('');
    expect(stepPath([{ day: '2026-01-01', count: 3 }], 200, 100)).toBe('M28.0,28.0H172.0');
  });
});
