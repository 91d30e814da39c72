import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detainee, renderPage, stubFetch } from '../test-utils.js';
import { DetaineePage } from './DetaineePage.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the detainee page', () => {
  it('shows the Arabic name right-to-left beside its transliteration, with portion marks and the banner', async () => {
    stubFetch(() => ({ body: detainee({ marking: 'S//REL TO USA, IRQ', aliases: [{ nameLatin: 'Abu Omar', kind: 'kunya' }] }) }));
    renderPage(<DetaineePage />, { path: '/detainees/:id', url: '/detainees/SP-SY-000123' });
    const ar = await screen.findByTestId('name-ar');
    expect(ar.textContent).toBe('محمد عبد الله التونسي');
    expect(ar.getAttribute('dir')).toBe('rtl');
    expect(ar.getAttribute('lang')).toBe('ar');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Mohammed Abdullah al-Tunisi');
    const marks = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(marks).toEqual(['(S//REL TO IRQ, USA) Identity', '(S//REL TO IRQ, USA) Aliases', '(S//REL TO IRQ, USA) Custody']);
    expect(screen.getByText('Abu Omar')).toBeDefined();
    expect(screen.getByRole('link', { name: 'GHW' }).getAttribute('href')).toBe('/facilities/GHW');
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//REL TO IRQ, USA');
  });

  it('says Not found, and nothing else, for a record the user may not see', async () => {
    stubFetch(() => ({ status: 404, body: { status: 404, code: 'REGISTRY_DETAINEE_NOT_FOUND', detail: 'no detainee SP-SY-000999' } }));
    renderPage(<DetaineePage />, { path: '/detainees/:id', url: '/detainees/SP-SY-000999' });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Not found');
    expect(screen.getByTestId('banner-top').textContent).toBe('UNCLASSIFIED');
  });
});
