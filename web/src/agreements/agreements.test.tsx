import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TAgreement } from '../../../src/agreements/agreements.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { AgreementPage } from './AgreementPage.js';
import { AgreementsPage } from './AgreementsPage.js';
import { quotasOf } from './NewAgreementPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const AGREEMENT: TAgreement = {
  id: '01J0000000000000000000000A', code: 'TA-MAIN-02', title: 'Transfer to the receiving facility', parties: { holding: 'HF', receiving: 'IRQ-CTS', airlift: 'JTF' },
  destination: 'BIAP', validFrom: '2025-12-26', validTo: null, perDay: 2000, nationalityQuotas: { IRQ: 1400 },
  assurances: [{ kind: 'humanitarian-access', text: 'Observer visits on 48 hours\' notice.' }], conditions: [{ kind: 'manifest-notice-hours', text: 'Manifests 12 hours ahead.', value: 12 }],
  status: 'negotiating', version: 2, marking: 'C//REL TO IRQ, USA', createdBy: 'diplo.s', createdAt: '2025-11-26T10:00:00.000Z', updatedAt: '2025-12-02T10:00:00.000Z',
  history: [{ at: '2025-11-26T10:00:00.000Z', from: null, to: 'draft', by: 'diplo.s', note: null }, { at: '2025-12-02T10:00:00.000Z', from: 'draft', to: 'negotiating', by: 'diplo.s', note: null }],
};

describe('the agreement page', () => {
  it('shows the agreement with its banner and offers only the status changes allowed from where it is', async () => {
    stubFetch(() => ({ body: AGREEMENT }));
    renderPage(<AgreementPage />, { path: '/agreements/:code', url: '/agreements/TA-MAIN-02' });
    expect(await screen.findByTestId('agreement-status')).toHaveProperty('textContent', 'negotiating');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Back to draft', 'Sign']);
    expect(screen.getByText(/Manifests 12 hours ahead/)).toBeTruthy();
    expect(screen.getAllByText('CONFIDENTIAL//REL TO IRQ, USA').length).toBeGreaterThan(0);
  });

  it('reads nationality quotas as typed', () => {
    expect(quotasOf('irq=300, SYR = 50')).toEqual({ IRQ: 300, SYR: 50 });
    expect(quotasOf('')).toEqual({});
  });
});

describe('the agreements list', () => {
  it('shows each agreement with its portion mark and the banner, and filters by status through the API', async () => {
    const calls = stubFetch((url) => ({ body: { items: url.includes('status=signed') ? [] : [AGREEMENT], marking: AGREEMENT.marking } }));
    renderPage(<AgreementsPage />, { path: '/agreements', url: '/agreements' });
    const row = await screen.findByRole('row', { name: /TA-MAIN-02/ });
    expect(row.getAttribute('data-code')).toBe('TA-MAIN-02');
    expect(row.textContent).toContain('IRQ 1400');
    expect(screen.getAllByText('CONFIDENTIAL//REL TO IRQ, USA').length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'signed' } });
    expect(await screen.findByText('No agreements you may see.')).toBeTruthy();
    await waitFor(() => expect(calls.some((u) => u.endsWith('/api/agreements?status=signed'))).toBe(true));
  });
});
