import { describe, expect, it } from 'vitest';
import type { TSitrep } from './coordination.schemas.js';
import { sitrepHtml } from './sitrep-html.js';
import { sitrepMarkdown } from './sitrep-markdown.js';
import { numbersOf } from './sitrep.js';

const base: TSitrep = {
  date: '2026-01-12', generatedAt: '2026-01-12T18:00:00.000Z', reader: { username: 'jtf.s', agency: 'JTF', country: 'USA', clearance: 'S' },
  marking: 'S//REL TO IRQ, USA', banner: 'SECRET//REL TO IRQ, USA', calls: [], sites: [], figures: [], changes: [], decisions: [], actions: [], omitted: [],
};

describe('the SITREP numbers table', () => {
  it('gathers each site\'s figures into one row with the banner of them, and keeps the other figures as they are', () => {
    const { sites, figures } = numbersOf([
      { key: 'movement.remaining.GHW', label: 'GHW Ghwayran: remaining', value: 900, marking: 'C//REL TO IRQ, USA' },
      { key: 'movement.moved.GHW', label: 'GHW Ghwayran: moved', value: 100, marking: 'S//REL TO USA', series: [{ at: '2026-01-11', value: 100 }] },
      { key: 'movement.expected-loss.GHW', label: 'GHW Ghwayran: expected loss', value: 315.5, marking: 'C//REL TO IRQ, USA' },
      { key: 'custody.log-size', label: 'Custody log entries', value: 6100, marking: 'U', series: [{ at: '2026-01-11', value: 6000 }] },
    ]);
    expect(sites).toEqual([{ site: 'GHW', label: 'GHW Ghwayran', held: null, moved: 100, remaining: 900, expectedLoss: 315.5, marking: 'S//REL TO USA' }]);
    expect(figures).toEqual([{ key: 'custody.log-size', label: 'Custody log entries', value: 6100, marking: 'U' }]);
  });
});

describe('the SITREP documents', () => {
  const s: TSitrep = {
    ...base,
    decisions: [{ id: 'd1', call: 'c1', text: 'Use <b>LZ</b> | north_side *now*', decidedBy: 'JTF', marking: 'S//REL TO IRQ, USA', recordedBy: 'jtf.s', recordedAt: base.generatedAt }],
  };

  it('opens and closes with the banner, and marks every part', () => {
    const lines = sitrepMarkdown(s).trimEnd().split('\n');
    expect(lines[0]).toBe('**SECRET//REL TO IRQ, USA**');
    expect(lines.at(-1)).toBe('**SECRET//REL TO IRQ, USA**');
    expect(lines.filter((l) => l.startsWith('- ')).every((l) => /^- \([A-Z]/.test(l))).toBe(true);
  });

  it('escapes what the reader wrote: no markup in Markdown, no tags in HTML', () => {
    expect(sitrepMarkdown(s)).toContain('- (S//REL TO IRQ, USA) Use \\<b\\>LZ\\</b\\> \\| north\\_side \\*now\\* — decided by JTF');
    const html = sitrepHtml(s);
    expect(html).toContain('Use &lt;b&gt;LZ&lt;/b&gt; | north_side *now*');
    expect(html).not.toContain('<b>LZ');
    expect(html.match(/class="banner (top|bottom)"[^>]*>SECRET\/\/REL TO IRQ, USA</g)).toHaveLength(2);
  });
});
