import { bannerOf, formatBanner, parseMarking, type Level, type Marking } from '../../../src/kernel/markings.js';

/** What a classification banner shows: its text, the level that colours it, and the colours. */
export interface BannerView {
  text: string;
  level: Level;
  background: string;
  foreground: string;
}

/**
 * Banner colours by level, as classified systems use them (U green, C blue, S red, TS orange), each with the
 * text colour that reads on it: white on the dark three, black on orange (white on orange fails contrast).
 */
export const LEVEL_COLOURS: Readonly<Record<Level, { background: string; foreground: string }>> = {
  U: { background: '#007a33', foreground: '#ffffff' },
  C: { background: '#0033a0', foreground: '#ffffff' },
  S: { background: '#c8102e', foreground: '#ffffff' },
  TS: { background: '#ff8c00', foreground: '#000000' },
};

// A marking the kernel cannot read is shown at the top level: never understate what is on the screen.
const UNREADABLE: Marking = { level: 'TS', rel: { kind: 'noforn' }, caveats: [] };

function readMarking(text: string): Marking {
  try {
    return parseMarking(text);
  } catch {
    return UNREADABLE;
  }
}

/**
 * The banner of a page showing records with `markings` (portion-mark texts such as `C//REL TO IRQ, USA`):
 * the highest level, the intersection of REL TO lists and the union of caveats (kernel `bannerOf`), in full
 * words. A page showing no marked record is UNCLASSIFIED.
 */
export function bannerFor(markings: readonly string[]): BannerView {
  const combined = bannerOf(markings.map(readMarking));
  return { text: formatBanner(combined), level: combined.level, ...LEVEL_COLOURS[combined.level] };
}
