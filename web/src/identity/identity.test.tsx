import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TIdentity } from '../../../src/identity/identity.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { ContributionChart, QualityBars } from './Charts.js';
import { IdentityPage } from './IdentityPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('identity charts', () => {
  it('marks captures under the floor', () => {
    const { container } = render(<QualityBars templates={[{ modality: 'finger-1', quality: 80 }, { modality: 'face', quality: 35 }]} />);
    expect(container.querySelectorAll('.bar-ok')).toHaveLength(1);
    expect(container.querySelectorAll('.bar-bad')).toHaveLength(1);
    expect(screen.getByText('R thumb')).toBeTruthy();
  });
  it('draws agreement right and disagreement left, with the score', () => {
    const { container } = render(<ContributionChart score={3} components={[{ name: 'names', similarity: 1, weight: 5, note: 'exact' }, { name: 'birth', similarity: null, weight: -2, note: 'differ' }]} />);
    expect(container.querySelectorAll('.bar-ok')).toHaveLength(1);
    expect(container.querySelectorAll('.bar-bad')).toHaveLength(1);
    expect(screen.getByText('score 3.0')).toBeTruthy();
  });
});

describe('identity page', () => {
  it('lists aliases (Arabic right to left) and linked records under the banner of everything shown', async () => {
    const body: TIdentity = {
      identityId: 'D1', detaineeId: 'D1', isn: 'SP-SY-000001', name: { ar: 'محمد حسين', latin: 'Mohammed Hussein' },
      aliases: [{ name: 'Abu Hamza al-Iraqi', source: 'linked record', isn: 'SP-SY-000002' }, { name: 'أبو حمزة العراقي', source: 'linked record', isn: 'SP-SY-000002' }],
      members: [
        { detaineeId: 'D1', isn: 'SP-SY-000001', nameLatin: 'Mohammed Hussein', nameAr: 'محمد حسين', marking: 'C//REL TO IRQ, USA' },
        { detaineeId: 'D2', isn: 'SP-SY-000002', nameLatin: 'Abu Hamza al-Iraqi', nameAr: 'أبو حمزة العراقي', marking: 'S//REL TO USA' },
      ],
      enrollments: [], decisions: [{ candidateId: 'C1', decision: 'same', reason: 'prints agree', by: 'le-id.s', at: '2026-01-10T08:00:00.000Z', otherIsn: 'SP-SY-000002' }],
      marking: 'S//REL TO USA',
    };
    stubFetch(() => ({ body }));
    renderPage(<IdentityPage />, { path: '/identity/detainees/:id', url: '/identity/detainees/SP-SY-000001' });
    const aliases = await screen.findByTestId('aliases');
    expect(aliases.textContent).toContain('Abu Hamza al-Iraqi');
    expect(aliases.querySelector('.arabic')?.getAttribute('dir')).toBe('auto');
    expect(screen.getByTestId('members').textContent).toContain('SP-SY-000002');
    expect(screen.getAllByText(/SECRET\/\/REL TO USA/).length).toBeGreaterThan(0);
  });
});
