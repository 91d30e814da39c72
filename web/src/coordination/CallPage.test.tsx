import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TAgenda, TCallDetail } from '../../../src/coordination/coordination.schemas.js';
import { renderPage, stubFetch } from '../test-utils.js';
import { CallPage } from './CallPage.js';
import { OutcomesPage } from './OutcomesPage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const call: TCallDetail = {
  id: 'C1', title: 'Daily coordination call', date: '2026-01-12', startsAt: '2026-01-12T07:00:00.000Z', agencies: ['JTF', 'IRQ-MOJ'], marking: 'U',
  createdBy: 'jtf.s', createdAt: '2026-01-12T06:00:00.000Z',
  attendance: [{ agency: 'IRQ-MOJ', person: 'Liaison', present: false, recordedBy: 'jtf.s', recordedAt: '2026-01-12T07:01:00.000Z' }],
  decisions: [{ id: 'D1', call: 'C1', text: 'Northern sites first', decidedBy: 'JTF', marking: 'C//REL TO IRQ, USA', recordedBy: 'jtf.s', recordedAt: '2026-01-12T07:05:00.000Z' }],
  actions: [{
    id: 'A1', call: 'C1', decision: 'D1', title: 'Open intake lanes', owner: 'IRQ-MOJ', due: '2026-01-11', status: 'open', overdue: true, marking: 'C//REL TO IRQ, USA',
    createdBy: 'jtf.s', createdAt: '2026-01-12T07:06:00.000Z', updatedAt: '2026-01-12T07:06:00.000Z', closedAt: null, version: 1,
  }],
  banner: 'C//REL TO IRQ, USA',
};

const agenda: TAgenda = {
  date: '2026-01-12', since: '2026-01-11T07:00:00.000Z', until: '2026-01-12T07:00:00.000Z', previousCall: null, call: null, omitted: ['camps.movements'],
  items: [{ source: 'registry.changes', section: 'risk', title: 'GHW Ghwayran: at-risk', severity: 'warning', at: '2026-01-11T12:00:00.000Z', marking: 'S//REL TO IRQ, USA' }],
  marking: 'S//REL TO IRQ, USA', banner: 'SECRET//REL TO IRQ, USA',
};

describe('the call page', () => {
  it('shows the agenda, attendance, decisions and actions, each marked, under the banner of them all', async () => {
    stubFetch((url) => ({ body: url.includes('/agenda') ? agenda : call }));
    renderPage(<CallPage />, { path: '/coordination/calls/:id', url: '/coordination/calls/C1' });
    expect((await screen.findByTestId('agenda')).textContent).toContain('(S//REL TO IRQ, USA) warning GHW Ghwayran: at-risk');
    expect(screen.getByTestId('agenda').textContent).toContain('Not included (your roles do not reach them): camps.movements.');
    expect(screen.getByTestId('attendance').textContent).toBe('IRQ-MOJ: Liaison (apologies)');
    expect(screen.getByTestId('decisions').textContent).toContain('(C//REL TO IRQ, USA) Northern sites first');
    expect(screen.getByTestId('actions-table').textContent).toContain('2026-01-11 (overdue)');
    expect(screen.getByRole('button', { name: 'Open intake lanes: done' })).toBeDefined();
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//REL TO IRQ, USA');
  });
});

describe('the outcome dashboard', () => {
  it('charts moved and remaining per site and marks every figure', async () => {
    stubFetch(() => ({
      body: {
        asOf: '2026-01-12T18:00:00.000Z', omitted: [], marking: 'C//REL TO IRQ, USA', banner: 'CONFIDENTIAL//REL TO IRQ, USA',
        areas: [{
          area: 'movement', source: 'registry.movement', figures: [
            { key: 'movement.remaining.GHW', label: 'GHW Ghwayran: remaining', value: 800, unit: 'detainees', marking: 'C//REL TO IRQ, USA', series: [{ at: '2026-01-10', value: 900 }, { at: '2026-01-11', value: 800 }] },
            { key: 'movement.moved.GHW', label: 'GHW Ghwayran: moved', value: 100, unit: 'detainees', marking: 'C//REL TO IRQ, USA', series: [{ at: '2026-01-10', value: 0 }, { at: '2026-01-11', value: 100 }] },
            { key: 'movement.moved', label: 'Detainees moved', value: 100, unit: 'detainees', marking: 'C//REL TO IRQ, USA', series: [{ at: '2026-01-10', value: 0 }, { at: '2026-01-11', value: 100 }] },
            { key: 'movement.remaining', label: 'Detainees remaining', value: 800, unit: 'detainees', marking: 'U', series: [{ at: '2026-01-10', value: 900 }, { at: '2026-01-11', value: 800 }] },
          ],
        }],
      },
    }));
    renderPage(<OutcomesPage />, { path: '/outcomes', url: '/outcomes' });
    const bars = await screen.findByTestId('site-chart');
    expect(bars.querySelector('svg')?.getAttribute('aria-label')).toBe('GHW Ghwayran: moved 100, remaining 800');
    expect(screen.getByTestId('line-chart').querySelector('svg')?.getAttribute('aria-label')).toBe('Moved vs remaining, all sites: Detainees moved 100, Detainees remaining 800, from 2026-01-10 to 2026-01-11');
    expect(screen.getByTestId('figures-movement').textContent).toContain('(C//REL TO IRQ, USA) GHW Ghwayran: remaining800detainees');
    expect(screen.getByTestId('banner-top').textContent).toBe('CONFIDENTIAL//REL TO IRQ, USA');
  });
});
