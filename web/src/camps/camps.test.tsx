import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TCampOverview, TCohorts } from '../../../src/camps/cohorts.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { CampPage } from './CampPage.js';
import { cohortTotals } from './CohortChart.js';
import { layout } from './FamilyGraph.js';
import { sideWidth } from './Pyramid.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const overview = (over: Partial<TCampOverview> = {}): TCampOverview => ({
  code: 'HOL', name: 'al-Hol camp', population: 3, authority: 'HF', marking: 'C//CHILD//REL TO CHE, IRQ, SYR, USA', withheld: [],
  pyramid: [{ band: '0-4', female: 1, male: 0 }, { band: '30-34', female: 1, male: 0 }], nationalities: [{ nationality: 'IRQ', count: 3 }],
  movements: [{ month: '2025-12', arrival: 3, transfer: 0, release: 0, repatriation: 0, death: 0, unaccounted: 0 }], sections: [],
  ...over,
});
const authority = { camp: 'HOL', current: 'HF', control: [], agreements: [], yourFields: ['names'] };
const households = { items: [], nextCursor: null, total: 0 };

function answer(o: TCampOverview) {
  return (url: string) => ({ body: url.includes('/authority') ? authority : url.includes('/households') ? households : o });
}

describe('camp pages', () => {
  it('shows the pyramid, nationalities and movements, under the banner of the records counted', async () => {
    stubFetch(answer(overview()));
    renderPage(<CampPage />, { path: '/camps/:code', url: '/camps/HOL' });
    expect((await screen.findByTestId('camp-population')).textContent).toBe('3');
    expect(screen.getByTestId('pyramid').textContent).toContain('30-34');
    expect(screen.getByTestId('movements-table').textContent).toContain('2025-12');
    expect(screen.getByTestId('banner-top').textContent).toBe('CONFIDENTIAL//CHILD//REL TO CHE, IRQ, SYR, USA');
  });

  it('says what the data-sharing agreement withholds instead of drawing it', async () => {
    const { pyramid: _p, nationalities: _n, movements: _m, ...rest } = overview({ withheld: ['sex', 'birth', 'nationality', 'movements'] });
    stubFetch(answer(rest));
    renderPage(<CampPage />, { path: '/camps/:code', url: '/camps/HOL' });
    await screen.findByTestId('camp-population');
    expect(screen.queryByTestId('pyramid')).toBeNull();
    expect(screen.getByText(/Ages or sex are withheld from you/)).toBeDefined();
    expect(screen.getByText(/Nationalities are withheld/)).toBeDefined();
  });

  it('sums cohort cells per age and month, sizes pyramid sides, and lays out graph rings', () => {
    const c: TCohorts = {
      asOf: '2026-01-10', marking: 'U', months: ['2026-01', '2026-02'], ages: [12, 18],
      camps: [{ camp: 'HOL', withheld: [], groups: [
        { nationality: 'IRQ', children: 2, withoutGuardian: 0, parentDetained: 0, cells: [{ month: '2026-01', age: 12, count: 2, estimated: 0 }] },
        { nationality: 'FRA', children: 1, withoutGuardian: 0, parentDetained: 0, cells: [{ month: '2026-01', age: 12, count: 1, estimated: 1 }, { month: '2027-05', age: 18, count: 1, estimated: 0 }] },
      ] }],
    };
    expect([...cohortTotals(c).get(12)!.entries()]).toEqual([['2026-01', 3], ['2026-02', 0]]);
    expect(cohortTotals(c).get(18)!.get('2027-05')).toBeUndefined();
    expect([sideWidth(0, 10), sideWidth(1, 1000), sideWidth(10, 10)]).toEqual([0, 1, 100]);
    const at = layout([{ id: 'a', type: 'resident', label: null, camp: 'HOL', status: 'resident' }, { id: 'd', type: 'detainee', label: 'x', camp: null, status: 'held' }], 400);
    expect(at.get('a')).toEqual({ x: 200, y: 200 });
    expect(Math.hypot(at.get('d')!.x - 200, at.get('d')!.y - 200)).toBeCloseTo(172);
  });
});
