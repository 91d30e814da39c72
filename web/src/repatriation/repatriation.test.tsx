import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COUNTRIES } from '../../../src/kernel/countries.js';
import type { TCountryBoard } from '../../../src/repatriation/repatriation.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { CountryPage } from './CountryPage.js';
import { ISO_NUMERIC } from './iso-numeric.js';
import { circleRadius, progressOf } from './status.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const board: TCountryBoard = {
  summary: { country: 'FRA', name: 'France', status: 'accepted', conditions: ['children-only'], held: 12, repatriated: 4, progress: 0.25, lastEngagement: '2026-01-05T00:00:00.000Z', openBatches: 1, version: 3, marking: 'S//REL TO FRA, USA' },
  nationals: {
    detainees: { total: 6, held: 5, repatriated: 1, byStatus: { held: 5, repatriated: 1 }, byAgeGroup: { 'under-12': 0, '12-17': 1, adult: 4, unknown: 0 } },
    residents: { total: 10, present: 7, repatriated: 3, byStatus: { resident: 7, repatriated: 3 }, byAgeGroup: { 'under-12': 4, '12-17': 1, adult: 2, unknown: 0 }, women: 2, byCamp: { HOL: 7 } },
    withheldCamps: ['ROJ'],
  },
  reaching18: [{ month: '2026-01', count: 0 }, { month: '2026-02', count: 2 }],
  engagements: [{ id: 'e1', country: 'FRA', kind: 'answer', at: '2026-01-05T00:00:00.000Z', summary: 'France accepts children', body: null, counterpart: null, reference: 'NV-1', outcome: 'accepted-with-conditions', dueBy: null, recordedBy: 'diplo.s', marking: 'C//REL TO FRA, USA' }],
  batches: [{
    id: 'b1', country: 'FRA', receivingAgency: 'FRA-MOJ', place: 'HOL', at: '2026-02-01T00:00:00.000Z', status: 'planned', assurances: null, note: null,
    members: [{ kind: 'resident', id: 'r1', isn: null, name: 'Amina', sex: 'F', age: 9, state: 'planned', handover: null, outcome: null, outcomeReason: null, marking: 'C//CHILD//REL TO FRA, USA' }],
    hidden: 1, createdAt: '2026-01-06T00:00:00.000Z', createdBy: 'diplo.s', closedAt: null, version: 1, marking: 'C//REL TO FRA, USA',
  }],
  history: [{ at: '2026-01-05T00:00:00.000Z', from: 'negotiating', to: 'accepted', by: 'diplo.s', note: null }],
  transitions: ['repatriating', 'negotiating', 'declined'],
  marking: 'S//CHILD//REL TO FRA, USA',
};

describe('repatriation pages', () => {
  it('shows a country\'s board: status, counts, log and batches, under the banner of everything counted', async () => {
    stubFetch(() => ({ body: board }));
    renderPage(<CountryPage />, { path: '/repatriation/:country', url: '/repatriation/FRA' });
    expect((await screen.findByTestId('country-repatriated')).textContent).toBe('4');
    expect(screen.getByTestId('country-status').textContent).toContain('accepted');
    expect(screen.getByTestId('engagements-table').textContent).toContain('France accepts children');
    expect(screen.getByTestId('batch-card').textContent).toContain('1 more member(s) you may not see');
    expect(screen.getByText(/Not counted \(nationality withheld from you\): ROJ/)).toBeDefined();
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//CHILD//REL TO FRA, USA');
    expect(screen.getByRole('button', { name: 'Hand over' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDefined();
  });

  it('refuses or withdraws the pending handovers of a batch, with a reason, and shows why members were not handed over', async () => {
    const handing: TCountryBoard = {
      ...board,
      batches: [{
        ...board.batches[0]!, id: 'b2', status: 'handing-over',
        members: [
          { kind: 'detainee', id: 'd1', isn: 'ISN-1', name: 'Karim', sex: 'M', age: 30, state: 'awaiting-receipt', handover: 'h1', outcome: null, outcomeReason: null, marking: 'C//REL TO FRA, USA' },
          { kind: 'detainee', id: 'd2', isn: 'ISN-2', name: 'Omar', sex: 'M', age: 31, state: 'not-handed-over', handover: 'h2', outcome: 'cancelled', outcomeReason: 'the custody handover was cancelled outside the batch', marking: 'C//REL TO FRA, USA' },
        ],
      }],
    };
    const calls = stubFetch((url) => ({ body: url.includes('/refuse') ? handing.batches[0] : handing }));
    renderPage(<CountryPage />, { path: '/repatriation/:country', url: '/repatriation/FRA' });
    expect((await screen.findByTestId('member-outcome')).textContent).toContain('cancelled: the custody handover was cancelled outside the batch');
    fireEvent.click(screen.getByRole('button', { name: 'Refuse (receiving agency)' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^reason:/);
    expect(calls.some((u) => u.includes('/refuse'))).toBe(false);
    fireEvent.change(screen.getByLabelText('Reason (not received)'), { target: { value: 'no travel document' } });
    fireEvent.click(screen.getByRole('button', { name: 'Refuse (receiving agency)' }));
    await waitFor(() => expect(calls.some((u) => u.endsWith('/api/repatriation/batches/b2/refuse'))).toBe(true));
    expect(screen.getByRole('button', { name: 'Withdraw (releasing agency)' })).toBeDefined();
  });

  it('maps every country code to the atlas ids, and sizes circles by area', () => {
    for (const code of COUNTRIES.keys()) expect(ISO_NUMERIC[code], code).toMatch(/^\d{3}$/);
    expect(ISO_NUMERIC.IRQ).toBe('368');
    expect([progressOf(0, 0), progressOf(3, 1)]).toEqual([0, 0.25]);
    expect(circleRadius(0)).toBe(0);
    expect(circleRadius(400) / circleRadius(100)).toBeCloseTo(2);
  });
});
