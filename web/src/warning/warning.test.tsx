import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TRiskHistory } from '../../../src/warning/warning.schemas.js';
import { renderPage } from '../test-utils.js';
import { EventForm } from './EventForm.js';
import { FactorChart } from './FactorChart.js';
import { UploadState } from './ImportEvents.js';
import { asOfOf, percent } from './format.js';
import { RiskHistoryChart, pathOf, scale } from './RiskHistoryChart.js';

afterEach(cleanup);

const HISTORY: TRiskHistory = {
  facility: 'GHW',
  points: [
    { at: '2026-01-01T00:00:00.000Z', p7: 0.05, p30: 0.2, hazardPerHour: 0.0003 },
    { at: '2026-01-02T00:00:00.000Z', p7: 0.3, p30: 0.7, hazardPerHour: 0.002 },
    { at: '2026-01-03T00:00:00.000Z', p7: 0.6, p30: 0.95, hazardPerHour: 0.005 },
  ],
  alerts: [{ id: 'A1', level: 'warning', asOf: '2026-01-02T00:00:00.000Z' }],
  breachedAt: '2026-01-03T00:00:00.000Z',
  marking: 'C//REL TO IRQ, SYR, USA',
};

describe('the risk history chart', () => {
  it('maps time to x and probability to y, first point left, certainty at the top', () => {
    const a = scale(HISTORY.points, HISTORY.points[0]!.at, 0);
    const b = scale(HISTORY.points, HISTORY.points[2]!.at, 1);
    expect(a.x).toBeLessThan(b.x);
    expect(a.y).toBeGreaterThan(b.y);
    expect(pathOf(HISTORY.points, (p) => p.p7).split(' ')).toHaveLength(3);
  });

  it('describes itself for screen readers and marks the alert and the fall', () => {
    const { container } = render(<RiskHistoryChart history={HISTORY} thresholds={{ warning: 0.25, critical: 0.5 }} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Probability of a breach within 7 days, from 2026-01-01 (5 %) to 2026-01-03 (60 %)');
    expect(container.querySelectorAll('.alert-tick')).toHaveLength(1);
    expect(container.querySelectorAll('.breach')).toHaveLength(1);
  });
});

describe('the factor table', () => {
  it('lists factors largest contribution first, with unknown inputs as a dash', () => {
    render(<FactorChart factors={[
      { key: 'riots', label: 'Riots (14 days)', input: 2, x: 1.1, weight: 0.3, contribution: 0.33, hazardRatio: 1.39 },
      { key: 'conflict', label: 'Conflict intensity nearby', input: 40, x: 3.7, weight: 0.7, contribution: 2.59, hazardRatio: 13.3 },
      { key: 'areaControl', label: 'Control of the surrounding area', input: null, x: 0, weight: 0.8, contribution: 0, hazardRatio: 1 },
    ]} />);
    const rows = screen.getAllByRole('row').slice(1).map((r) => r.querySelector('th')?.textContent);
    expect(rows).toEqual(['Conflict intensity nearby', 'Riots (14 days)', 'Control of the surrounding area']);
    expect(screen.getAllByRole('row')[3]!.textContent).toContain('–');
  });

  it('formats figures and the as-of date', () => {
    expect(percent(0.0123)).toBe('1.2 %');
    expect(percent(0.5)).toBe('50 %');
    expect(asOfOf('2026-01-05')).toBe('2026-01-05T23:59:59Z');
    expect(asOfOf('')).toBeNull();
  });
});

describe('the event form', () => {
  it('offers the sub-event types of the chosen ACLED event type', () => {
    renderPage(<EventForm />, { path: '/', url: '/' });
    const options = () => [...screen.getByLabelText('Sub-event type').querySelectorAll('option')].map((o) => o.textContent);
    expect(options()).toEqual(['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory']);
    fireEvent.change(screen.getByLabelText('Event type'), { target: { value: 'Riots' } });
    expect(options()).toEqual(['Violent demonstration', 'Mob violence']);
  });
});

describe('the upload state', () => {
  it('shows a bar while the file goes up, then that the server is checking', () => {
    const { rerender } = render(<UploadState progress={{ sent: 1024 * 1024, total: 4 * 1024 * 1024 }} />);
    const bar = screen.getByRole('progressbar', { name: 'Upload' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual([String(1024 * 1024), String(4 * 1024 * 1024)]);
    expect(screen.getByRole('status').textContent).toContain('Sending 1.0 of 4.0 MiB');
    rerender(<UploadState progress={{ sent: 10, total: 10 }} />);
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Checking and importing');
  });
});
