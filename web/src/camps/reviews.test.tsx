import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TDuplicateReview } from '../../../src/camps/reviews.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { ReviewsPage } from './ReviewsPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const review: TDuplicateReview = {
  id: 'R1', status: 'pending', camp: 'HOL', requestedBy: 'hf.registrar', requestedAt: '2026-01-10T08:00:00.000Z', marking: 'C//REL TO CHE',
  submitted: { row: 2, nameAr: 'سميه علي', nameLatin: 'Sumaya Ali', sex: 'F', birth: '1993-03-03', nationality: 'SYR', household: 'HOL-T0002', relation: 'head' },
  existing: { id: 'E1', nameAr: 'سمية علي', nameLatin: 'Sumayya Ali', sex: 'F', birth: '1993-03-03', nationality: 'SYR', household: 'HOL-R1993', relation: 'head' },
  decision: null,
};

describe('the duplicate reviews page', () => {
  it('shows both records side by side under the banner of the pair, and sends the decision', async () => {
    const calls = stubFetch((url) => ({ body: url.includes('/decide') ? { ...review, status: 'same', decision: { by: 'cpa.reviewer', at: '2026-01-10T09:00:00Z', note: null, createdResident: null } } : { items: [review] } }));
    renderPage(<ReviewsPage />, { path: '/camps/reviews', url: '/camps/reviews' });
    const item = await screen.findByTestId('duplicate-review');
    expect(item.textContent).toContain('Sumaya Ali');
    expect(item.textContent).toContain('Sumayya Ali');
    expect(screen.getByTestId('banner-top').textContent).toBe('CONFIDENTIAL//REL TO CHE');
    fireEvent.click(screen.getByRole('button', { name: /Same person/ }));
    await waitFor(() => expect(calls.some((c) => c.endsWith('/api/camps/reviews/R1/decide'))).toBe(true));
  });
});
