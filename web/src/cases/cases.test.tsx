import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TCaseDetail, TEvidenceVersion, TQueue } from '../../../src/cases/cases.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { CasePage } from './CasePage.js';
import { CasesPage } from './CasesPage.js';
import { QueuePage } from './QueuePage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const me = { id: 'u1', username: 'intel.review', displayName: 'Reviewer', agency: { id: 'a1', code: 'INTEL', name: 'Intel', country: 'USA' }, country: 'USA', clearance: 'TS', roles: ['reviewer'], groups: [] };

function version(over: Partial<TEvidenceVersion> = {}): TEvidenceVersion {
  return {
    id: 'v1', number: 1, origin: 'original', parent: null, description: 'Courier letter', source: 'Signals', provenance: 'INTEL', contentType: 'text/plain', size: 20,
    sha256: 'a'.repeat(64), fileName: null, body: 'First paragraph.\n\nSecond paragraph.', marking: 'S//NOFORN', request: null, createdBy: 'p', createdAt: '2026-01-01T00:00:00Z', ...over,
  };
}

const file: TCaseDetail = {
  id: 'c1', ref: 'CASE-1', title: 'Courier network', status: 'open', jurisdiction: { kind: 'receiving', country: 'IRQ' }, agency: 'LEID', evidence: 1,
  marking: 'U', evidenceMarking: 'C//REL TO IRQ, USA', updatedAt: '2026-01-01T00:00:00Z', charges: ['Membership'], version: 1,
  detainees: [{ id: 'd1', isn: 'SP-SY-000001', name: 'Ahmed', nationality: 'SYR', marking: 'C//REL TO IRQ, USA' }],
  items: [{ id: 'i1', ref: 'EV-1', case: 'CASE-1', kind: 'intelligence-report', agency: 'INTEL', dated: '2026-01-01', versions: [version({ id: 'v2', number: 2, origin: 'redaction', marking: 'C//REL TO IRQ, USA', body: 'Redacted.' })], custody: [] }],
  readiness: { case: 'CASE-1', country: 'IRQ', total: 1, releasable: 1, pending: 0, denied: 0, notRequested: 0, items: [{ item: 'EV-1', kind: 'intelligence-report', state: 'releasable', version: 2, marking: 'C//REL TO IRQ, USA' }], marking: 'C//REL TO IRQ, USA' },
};

describe('case pages', () => {
  it('shows the case file with each version\'s portion marks and the banner of everything shown', async () => {
    stubFetch((url) => ({ body: url.includes('/auth/me') ? me : file }));
    renderPage(<CasePage />, { path: '/cases/:ref', url: '/cases/CASE-1' });
    expect((await screen.findByTestId('readiness')).textContent).toContain('1 of 1 evidence items releasable');
    expect(screen.getByTestId('version-2').textContent).toContain('(C//REL TO IRQ, USA) Redacted.');
    expect(screen.getByTestId('banner-top').textContent).toBe('CONFIDENTIAL//REL TO IRQ, USA');
  });

  it('puts the original and the released version side by side in the queue, overdue flagged', async () => {
    const entry = {
      id: 'r1', case: 'CASE-1', item: 'EV-1', kind: 'intelligence-report', agency: 'INTEL', version: 1, audience: { kind: 'prosecutor', country: 'IRQ' }, purpose: 'Trial',
      requestedBy: 'p', requestedAt: '2026-01-01T00:00:00Z', dueAt: '2026-01-15T00:00:00Z', expiresAt: '2026-02-14T00:00:00Z', status: 'pending', overdue: true,
      outcome: null, proposedMarking: null, proposedBy: null, decidedBy: null, confirmedBy: null, decidedAt: null, reason: null, resultVersion: null, decision: null, signature: null,
      marking: 'S//NOFORN', original: version(), released: null,
    };
    const queue: TQueue = { items: [entry as TQueue['items'][number]], overdue: 1, marking: 'S//NOFORN' };
    stubFetch((url) => ({ body: url.includes('/auth/me') ? me : queue }));
    renderPage(<QueuePage />, { path: '/declass', url: '/declass' });
    expect((await screen.findByTestId('overdue-count')).textContent).toBe('1 requests, 1 overdue');
    expect(screen.getByLabelText('Original').textContent).toContain('(S//NOFORN) Second paragraph.');
    expect(screen.getByLabelText('Released').textContent).toContain('Nothing released yet.');
    expect(screen.getByText('Overdue')).toBeTruthy();
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//NOFORN');
  });
});

describe('case list', () => {
  it('lists cases and searches the evidence the user may see, under the banner of the hits', async () => {
    const list = { items: [{ ...file, detainees: undefined }], marking: 'C//REL TO IRQ, USA' };
    const hits = { items: [{ case: 'CASE-1', item: 'EV-1', kind: 'intelligence-report', version: 2, description: 'Courier letter', marking: 'S//REL TO IRQ, USA' }], total: 1, marking: 'S//REL TO IRQ, USA' };
    const calls = stubFetch((url) => ({ body: url.includes('/evidence/search') ? hits : list }));
    renderPage(<CasesPage />, { path: '/cases', url: '/cases' });
    expect((await screen.findByTestId('evidence-CASE-1')).textContent).toBe('1');
    fireEvent.change(screen.getByLabelText('Search evidence'), { target: { value: 'courier' } });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect((await screen.findByTestId('evidence-hits')).textContent).toContain('(S//REL TO IRQ, USA) CASE-1 EV-1 v2');
    expect(calls.some((u) => u.includes('/api/evidence/search?q=courier'))).toBe(true);
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//REL TO IRQ, USA');
  });
});
