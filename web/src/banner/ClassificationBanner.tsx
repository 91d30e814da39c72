import { useBanner } from './BannerContext.js';

/**
 * The classification banner, at the top and the bottom of every page. The top one is announced to screen
 * readers; the bottom one repeats it for the eye only.
 */
export function ClassificationBanner({ position }: { position: 'top' | 'bottom' }) {
  const banner = useBanner();
  return (
    <div
      className={`classification classification-${position}`}
      data-testid={`banner-${position}`}
      data-level={banner.level}
      style={{ background: banner.background, color: banner.foreground }}
      role={position === 'top' ? 'note' : undefined}
      aria-label={position === 'top' ? `Classification of this page: ${banner.text}` : undefined}
      aria-hidden={position === 'bottom' ? true : undefined}
    >
      {banner.text}
    </div>
  );
}
