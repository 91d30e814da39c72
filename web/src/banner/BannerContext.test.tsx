import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BannerProvider, useShownMarkings } from './BannerContext.js';
import { ClassificationBanner } from './ClassificationBanner.js';

function Shows({ markings }: { markings: string[] }) {
  useShownMarkings(markings);
  return null;
}

function Page({ a, b }: { a: string[] | null; b: string[] | null }) {
  return (
    <BannerProvider>
      <ClassificationBanner position="top" />
      {a && <Shows markings={a} />}
      {b && <Shows markings={b} />}
      <ClassificationBanner position="bottom" />
    </BannerProvider>
  );
}

afterEach(cleanup);

describe('the classification banners', () => {
  it('combine the markings every mounted part of the page shows, top and bottom alike', () => {
    render(<Page a={['C//REL TO IRQ, USA']} b={['S//REL TO USA, IRQ, GBR']} />);
    expect(screen.getByTestId('banner-top').textContent).toBe('SECRET//REL TO IRQ, USA');
    expect(screen.getByTestId('banner-bottom').textContent).toBe('SECRET//REL TO IRQ, USA');
    expect(screen.getByTestId('banner-top').dataset.level).toBe('S');
    expect(screen.getByRole('note', { name: 'Classification of this page: SECRET//REL TO IRQ, USA' })).toBeDefined();
  });

  it('drop a part’s markings when it leaves the page, and follow its changes', () => {
    const { rerender } = render(<Page a={['C//REL TO IRQ, USA']} b={['S//REL TO USA']} />);
    act(() => rerender(<Page a={['C//REL TO IRQ, USA']} b={null} />));
    expect(screen.getByTestId('banner-top').textContent).toBe('CONFIDENTIAL//REL TO IRQ, USA');
    act(() => rerender(<Page a={['U']} b={null} />));
    expect(screen.getByTestId('banner-top').textContent).toBe('UNCLASSIFIED');
    expect(screen.getByTestId('banner-top').style.background).toBe('rgb(0, 122, 51)');
  });
});
