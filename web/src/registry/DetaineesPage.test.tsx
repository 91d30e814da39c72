import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detainee, renderPage, stubFetch } from '../test-utils.js';
import { DetaineesPage } from './DetaineesPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function api(url: string) {
  if (url.startsWith('/api/facilities')) return { body: { items: [] } };
  const q = new URL(url, 'http://x').searchParams;
  const none = q.get('riskTier') === 'low';
  return { body: { items: none ? [] : [detainee()], nextCursor: null, total: none ? 0 : 1234, marking: none ? 'U' : 'C//REL TO IRQ, USA' } };
}

describe('the detainee list page', () => {
  it('asks the API for the filters in the URL, and shows the total', async () => {
    const calls = stubFetch(api);
    renderPage(<DetaineesPage />, { path: '/detainees', url: '/detainees?facility=GHW&status=held' });
    await screen.findByText('1,234 detainees match these filters');
    expect(calls).toContain('/api/detainees?facility=GHW&status=held&limit=200');
    expect(screen.getByLabelText<HTMLSelectElement>('Status').value).toBe('held');
    expect(screen.getByTestId('banner-top').textContent).toBe('CONFIDENTIAL//REL TO IRQ, USA');
  });

  it('turns a chosen filter into the query string of the next call, and says when nothing matches', async () => {
    const calls = stubFetch(api);
    renderPage(<DetaineesPage />, { path: '/detainees', url: '/detainees' });
    await screen.findByText('1,234 detainees match');
    fireEvent.change(screen.getByLabelText('Risk tier'), { target: { value: 'low' } });
    await screen.findByText('No detainee you may see matches these filters.');
    expect(calls).toContain('/api/detainees?riskTier=low&limit=200');
    expect(screen.getByTestId('banner-top').textContent).toBe('UNCLASSIFIED');
  });

  it('searches by an Arabic-script name after a pause in typing', async () => {
    const calls = stubFetch(api);
    renderPage(<DetaineesPage />, { path: '/detainees', url: '/detainees' });
    await screen.findByText('1,234 detainees match');
    fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'محمد التونسي' } });
    await waitFor(() => expect(calls).toContain(`/api/detainees?search=${encodeURIComponent('محمد التونسي').replace(/%20/g, '+')}&limit=200`));
  });

  it('shows the server’s message when the list cannot be loaded', async () => {
    stubFetch((url) => (url.startsWith('/api/detainees') ? { status: 503, body: { status: 503, code: 'UNAVAILABLE', detail: 'shutting down' } } : api(url)));
    renderPage(<DetaineesPage />, { path: '/detainees', url: '/detainees' });
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toContain('shutting down');
  });
});
