import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart, barPercent } from './PopulationChart.js';

afterEach(cleanup);

describe('the population bar chart', () => {
  it('scales bars to the longest, keeping a sliver for any non-zero value', () => {
    expect(barPercent(50, 200)).toBe(25);
    expect(barPercent(200, 200)).toBe(100);
    expect(barPercent(1, 100_000)).toBe(1);
    expect(barPercent(0, 100)).toBe(0);
    expect(barPercent(5, 0)).toBe(0);
  });

  it('reads as a list of labelled figures, with an ellipsis while a count loads', () => {
    render(<BarChart title="By status" bars={[{ label: 'held', value: 2400, colour: '#000' }, { label: 'missing', value: null, colour: '#f00' }]} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(['held2,400', 'missing…']);
    expect(screen.getByText('By status').tagName).toBe('FIGCAPTION');
  });
});
