import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from './api/query-client.js';
import type { TDetainee } from './api/schemas.js';
import { BannerProvider } from './banner/BannerContext.js';
import { ClassificationBanner } from './banner/ClassificationBanner.js';

/** A fetch stand-in: each call's URL is recorded and answered by `answer` (a JSON body and a status). */
export function stubFetch(answer: (url: string) => { status?: number; body: unknown }) {
  const calls: string[] = [];
  const fn = vi.fn((input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push(url);
    const { status = 200, body } = answer(url);
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }));
  });
  vi.stubGlobal('fetch', fn);
  return calls;
}

/** Renders `element` at `url` of a route `path`, with a fresh query client and the banners around it. */
export function renderPage(element: ReactNode, opts: { path: string; url: string }) {
  const router = createMemoryRouter([{ path: opts.path, element }], { initialEntries: [opts.url] });
  const client = createQueryClient(() => undefined);
  return render(
    <QueryClientProvider client={client}>
      <BannerProvider>
        <ClassificationBanner position="top" />
        <RouterProvider router={router} />
      </BannerProvider>
    </QueryClientProvider>,
  );
}

/** A detainee record as the API returns it. */
export function detainee(over: Partial<TDetainee> = {}): TDetainee {
  return {
    id: '01JTEST', isn: 'SP-SY-000123', nameAr: 'محمد عبد الله التونسي', nameLatin: 'Mohammed Abdullah al-Tunisi', aliases: [],
    birthDate: null, birthYear: 1990, birthPlace: null, nationality: 'TUN', sex: 'M', riskTier: 'high', keepApart: [], medical: [],
    legalStatus: 'unknown', facility: 'GHW', custodian: 'HF', status: 'held', marking: 'C//REL TO IRQ, USA', version: 1,
    createdAt: '2025-10-27T00:00:00.000Z', updatedAt: '2025-10-27T00:00:00.000Z', ...over,
  };
}
