import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { THandover } from '../../../src/custody/custody.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { growthPath } from './GrowthChart.js';
import { HandoversPage } from './HandoversPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const handover = (over: Partial<THandover>): THandover => ({
  id: 'H1', status: 'pending', detainee: 'SP-SY-000001', from: { agency: 'HF', key: 'sallyport/agency/HF', place: 'GHW' }, to: { agency: 'JTF', key: 'sallyport/agency/JTF', place: 'C17-01' },
  time: '2026-01-12T06:00:00.000Z', signedBy: ['HF'], event: { condition: { status: 'fit' } }, createdAt: '2026-01-12T06:00:00.000Z', closedAt: null, logIndex: null,
  marking: 'C//REL TO IRQ, USA', ...over,
});
const me = { id: 'u1', username: 'jtf.s', displayName: 'JTF user', agency: { id: 'a1', code: 'JTF', name: 'Joint Task Force', country: 'USA' }, clearance: 'S', roles: ['custodian'], groups: [], country: 'USA' };

describe('custody pages', () => {
  it('splits the queue into what the agency must sign and what it proposed, under the banner of the detainees shown', async () => {
    stubFetch((url) => ({ body: url.includes('/auth/me') ? me : { items: [handover({}), handover({ id: 'H2', detainee: 'SP-SY-000002', from: { agency: 'JTF', key: 'sallyport/agency/JTF', place: 'C17-01' }, to: { agency: 'IRQ-CTS', key: 'sallyport/agency/IRQ-CTS', place: 'BIAP' }, signedBy: ['JTF'], marking: 'S//REL TO USA' })] } }));
    renderPage(<HandoversPage />, { path: '/custody/handovers', url: '/custody/handovers' });
    const toSign = await screen.findByTestId('to-sign');
    expect(toSign.textContent).toContain('SP-SY-000001');
    expect(screen.getByRole('button', { name: 'Sign as JTF' })).toBeTruthy();
    expect(screen.getByTestId('proposed').textContent).toContain('SP-SY-000002');
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//REL TO USA');
  });

  it('draws the log growth as a step line starting at zero', () => {
    expect(growthPath([])).toBe('');
    const d = growthPath([{ at: '2026-01-01T23:59:59.999Z', size: 10 }, { at: '2026-01-03T23:59:59.999Z', size: 20 }]);
    expect(d.startsWith('M64.0,134.0 V')).toBe(true);
    expect(d.match(/H/g)).toHaveLength(1);
  });
});
