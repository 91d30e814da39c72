import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TReconciliation, TSortie } from '../../../src/airlift/execution.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { BoardPage } from './BoardPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const rec: TReconciliation = {
  planId: 'P1', total: 120, byKind: { site: 100, aircraft: 20, staging: 0, destination: 0 }, byPlace: [], balanced: true, openDiscrepancies: 0,
  sorties: { planned: 119, boarding: 1, airborne: 0, landed: 0, closed: 0, cancelled: 0 }, asOf: '2026-01-10T09:00:00Z', marking: 'U',
};
const sortie = (n: number): TSortie => ({
  id: `S${n}`, planId: 'P1', label: `H47-001/${n}`, aircraft: 'H47-001', from: 'GHW', to: 'STG-RML', depart: '2026-01-10T09:00:00Z', arrive: '2026-01-10T10:00:00Z',
  status: 'planned', statusAt: null, manifested: 20, openDiscrepancies: 0, marking: 'U',
});

/** 120 sorties served 50 a page, the cursor being the index of the next one. */
function answer(url: string) {
  if (url.includes('/reconciliation')) return { body: rec };
  if (url.includes('/discrepancies')) return { body: { items: [] } };
  const q = new URL(url, 'http://x').searchParams;
  const from = Number(q.get('cursor') ?? 0);
  const limit = Number(q.get('limit'));
  const items = Array.from({ length: Math.max(0, Math.min(limit, 120 - from)) }, (_, i) => sortie(from + i + 1));
  return { body: { items, total: 120, nextCursor: from + limit < 120 ? String(from + limit) : null } };
}

describe('the execution board', () => {
  it('pages the sorties from the server: a range of the total, next and previous', async () => {
    const calls = stubFetch(answer);
    renderPage(<BoardPage />, { path: '/airlift/plans/:id/board', url: '/airlift/plans/P1/board' });
    await waitFor(() => expect(screen.getByTestId('sorties-range').textContent).toBe('1–50 of 120'));
    expect(calls.some((c) => c.includes('/board?which=active&limit=50'))).toBe(true);
    fireEvent.change(screen.getByTestId('sorties-filter'), { target: { value: 'all' } });
    await waitFor(() => expect(calls.some((c) => c.includes('which=all'))).toBe(true));
    expect(screen.getByTestId<HTMLButtonElement>('sorties-prev').disabled).toBe(true);
    fireEvent.click(screen.getByTestId('sorties-next'));
    await waitFor(() => expect(screen.getByTestId('sorties-range').textContent).toBe('51–100 of 120'));
    expect(screen.getByTestId('sorties-table').textContent).toContain('H47-001/51');
    fireEvent.click(screen.getByTestId('sorties-next'));
    await waitFor(() => expect(screen.getByTestId('sorties-range').textContent).toBe('101–120 of 120'));
    expect(screen.getByTestId<HTMLButtonElement>('sorties-next').disabled).toBe(true);
    expect(screen.getByTestId('sorties-table').querySelectorAll('tbody tr')).toHaveLength(20);
    fireEvent.click(screen.getByTestId('sorties-prev'));
    await waitFor(() => expect(screen.getByTestId('sorties-range').textContent).toBe('51–100 of 120'));
  });
});
