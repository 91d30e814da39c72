import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { TSitrep } from './coordination.schemas.js';
import { sitrepHtml } from './sitrep-html.js';
import { sitrepMarkdown } from './sitrep-markdown.js';
import { sitrepPdf } from './sitrep-pdf.js';
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

// --- Arabic in the PDF: the embedded font, its shaped glyphs, and their order ---

interface FontkitGlyph {
  id: number;
  name: string;
  path: { toSVG(): string };
}
interface FontkitFont {
  postscriptName: string;
  numGlyphs: number;
  layout(text: string): { glyphs: FontkitGlyph[] };
  getGlyph(id: number): FontkitGlyph;
}
// fontkit is pdfkit's font engine: the test reads the embedded subset with it to see which glyphs went in.
const fontkit = createRequire(import.meta.url)('fontkit') as { create(b: Buffer): FontkitFont };

/** Every object of a PDF with its dictionary text and its stream, inflated. */
function pdfObjects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const text = pdf.toString('latin1');
  const out = new Map<number, { dict: string; stream: Buffer | null }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*(stream\r?\n)?/g)) {
    let stream: Buffer | null = null;
    if (m[3]) {
      const start = m.index + m[0].length;
      const raw = pdf.subarray(start, text.indexOf('endstream', start));
      stream = m[2]!.includes('/FlateDecode') ? inflateSync(raw) : raw;
    }
    out.set(Number(m[1]), { dict: m[2]!, stream });
  }
  return out;
}

describe('the SITREP PDF with Arabic names', () => {
  const NAME = 'محمد';
  const s: TSitrep = {
    ...base,
    calls: [{
      id: 'c1', title: 'Daily coordination call', date: base.date, startsAt: '2026-01-12T07:00:00.000Z', agencies: ['HF', 'JTF'], marking: 'C//REL TO IRQ, USA',
      createdBy: 'jtf.s', createdAt: base.generatedAt,
      attendance: [{ agency: 'HF', person: `Liaison ${NAME} الحسن`, present: true, recordedBy: 'jtf.s', recordedAt: base.generatedAt }],
    }],
    decisions: [{ id: 'd1', call: 'c1', text: `Move the detainees of سجن غويران first`, decidedBy: 'JTF', marking: 'S//REL TO IRQ, USA', recordedBy: 'jtf.s', recordedAt: base.generatedAt }],
  };

  it('embeds Noto Naskh Arabic and sets the Arabic names in its joined (shaped) forms, right to left', async () => {
    const pdf = await sitrepPdf(s);
    const objects = [...pdfObjects(pdf).values()];
    const fonts = objects.flatMap((o) => [...o.dict.matchAll(/\/BaseFont \/([A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[2]));
    expect(fonts).toContain('NotoNaskhArabic-Regular');
    expect(fonts).toContain('Helvetica');
    const descriptor = objects.find((o) => /\/FontName \/[A-Z]{6}\+NotoNaskhArabic-Regular/.test(o.dict) && o.dict.includes('/FontFile2'));
    const fileRef = Number(/\/FontFile2 (\d+) 0 R/.exec(descriptor!.dict)![1]);
    const subset = fontkit.create(pdfObjects(pdf).get(fileRef)!.stream!);
    // The original font lays the name out in its joining forms, in visual order (final letter first).
    const original = fontkit.create(readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff')));
    const shaped = original.layout(NAME).glyphs;
    expect(shaped.map((g) => g.name)).toEqual(['uni062F.fina', 'uni0645.medi', 'uni062D.medi', 'uni0645.init']);
    // Each shaped glyph is in the embedded subset (same outline), under its subset id.
    const subsetIdOf = new Map<string, number>();
    for (let id = 0; id < subset.numGlyphs; id++) subsetIdOf.set(subset.getGlyph(id).path.toSVG(), id);
    const ids = shaped.map((g) => subsetIdOf.get(g.path.toSVG()));
    expect(ids.every((id) => id !== undefined && id > 0)).toBe(true);
    // The isolated form of meem is not what was drawn: the letters are joined.
    const isolated = original.getGlyph(original.layout('م').glyphs[0]!.id);
    expect(isolated.name).toBe('uni0645');
    expect(subsetIdOf.has(isolated.path.toSVG())).toBe(false);
    // And a text run on a page draws exactly those glyphs in that order.
    const hex = ids.map((id) => id!.toString(16).padStart(4, '0')).join('');
    const content = objects.filter((o) => o.stream && !o.dict.includes('/FontFile2')).map((o) => o.stream!.toString('latin1')).join('\n');
    expect(content).toMatch(new RegExp(`<${hex}>`));
  });

  it('marks the Arabic runs right to left in Markdown and HTML', () => {
    expect(sitrepHtml(s)).toContain(`Liaison <span dir="rtl" lang="ar">${NAME} الحسن</span> (HF)`);
    expect(sitrepHtml(s)).toContain('Move the detainees of <span dir="rtl" lang="ar">سجن غويران</span> first');
    expect(sitrepMarkdown(s)).toContain(`Liaison <span dir="rtl" lang="ar">${NAME} الحسن</span> (HF)`);
  });
});
