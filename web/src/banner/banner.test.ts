import { describe, expect, it } from 'vitest';
import { bannerFor, LEVEL_COLOURS } from './banner.js';

describe('bannerFor', () => {
  it('is UNCLASSIFIED, green, when the page shows no marked record', () => {
    expect(bannerFor([])).toEqual({ text: 'UNCLASSIFIED', level: 'U', background: '#007a33', foreground: '#ffffff' });
  });

  it('takes the highest level and the intersection of the REL TO lists, in full words', () => {
    const b = bannerFor(['C//REL TO IRQ, SYR, USA', 'S//REL TO USA, IRQ', 'U']);
    expect(b.text).toBe('SECRET//REL TO IRQ, USA');
    expect(b.level).toBe('S');
    expect(b.background).toBe('#c8102e');
  });

  it('becomes NOFORN when the REL TO lists share no country, and keeps every caveat', () => {
    expect(bannerFor(['C//REL TO IRQ', 'C//REL TO USA']).text).toBe('CONFIDENTIAL//NOFORN');
    expect(bannerFor(['S//LES//REL TO USA', 'TS//HCS//REL TO USA, GBR']).text).toBe('TOP SECRET//HCS/LES//REL TO USA');
  });

  it('does not depend on the order of the markings', () => {
    const ms = ['S//NOFORN', 'C//REL TO IRQ, USA', 'U', 'S//LES//REL TO USA'];
    expect(bannerFor([...ms].reverse())).toEqual(bannerFor(ms));
  });

  it('colours each level as classified systems do, with text that reads on it', () => {
    expect(LEVEL_COLOURS).toEqual({
      U: { background: '#007a33', foreground: '#ffffff' },
      C: { background: '#0033a0', foreground: '#ffffff' },
      S: { background: '#c8102e', foreground: '#ffffff' },
      TS: { background: '#ff8c00', foreground: '#000000' },
    });
    expect(bannerFor(['C']).background).toBe('#0033a0');
    expect(bannerFor(['TS//REL TO USA'])).toMatchObject({ level: 'TS', foreground: '#000000' });
  });

  it('never understates: a marking it cannot read counts as TOP SECRET NOFORN', () => {
    expect(bannerFor(['U', 'BOGUS//???'])).toMatchObject({ level: 'TS', text: 'TOP SECRET//NOFORN' });
  });
});
