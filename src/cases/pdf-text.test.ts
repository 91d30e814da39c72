import { describe, expect, it } from 'vitest';
import { arabicRuns, markArabicRuns } from '../kernel/index.js';
import { renderPdf } from './export-pdf.js';
import { visualRuns } from './pdf-text.js';

describe('Arabic runs in mixed text', () => {
  it('finds each Arabic run, spaces between Arabic words included, and nothing in Latin text', () => {
    expect(arabicRuns('Ghwayran (غويران) and سجن الصناعة, Hasakah')).toEqual([
      { text: 'Ghwayran (', arabic: false }, { text: 'غويران', arabic: true }, { text: ') and ', arabic: false },
      { text: 'سجن الصناعة', arabic: true }, { text: ', Hasakah', arabic: false },
    ]);
    expect(arabicRuns('Panorama prison')).toEqual([{ text: 'Panorama prison', arabic: false }]);
    expect(markArabicRuns('a <b> محمد', (s) => s.replace(/</g, '&lt;'))).toBe('a &lt;b> <span dir="rtl" lang="ar">محمد</span>');
  });

  it('orders a paragraph\'s runs visually: Arabic words right to left, Latin and numbers left to right', () => {
    // Logical: "Call with " + [RTL: أحمد الحسن] + " at 07:00". Visually the two Arabic words swap places.
    const runs = visualRuns('Call with أحمد الحسن at 07:00');
    expect(runs.map((r) => [r.text, r.arabic])).toEqual([['Call with ', false], ['الحسن', true], [' ', false], ['أحمد', true], [' at 07:00', false]]);
    // Inside an Arabic phrase the brackets are mirrored (the opening one, right of رقم, faces left), and a number
    // keeps its own left-to-right order.
    const nested = visualRuns('x سجن (رقم 12) y');
    expect(nested.map((r) => r.text)).toEqual(['x ', '(', '12', ' ', 'رقم', ') ', 'سجن', ' y']);
    expect(visualRuns('plain text')).toEqual([{ text: 'plain text', arabic: false, level: 0 }]);
  });
});

describe('the case export PDF', () => {
  it('embeds the Arabic font only when a part holds Arabic, and keeps Latin text in Helvetica', async () => {
    const at = new Date('2026-01-12T18:00:00.000Z');
    const fonts = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]);
    const latin = await renderPdf([{ marking: 'U', text: 'Detainee Muhammad al-Hassan' }], 'UNCLASSIFIED', 'Case', at);
    expect(fonts(latin)).not.toContain('NotoNaskhArabic-Regular');
    const arabic = await renderPdf([{ heading: 1, marking: 'U', text: 'Case K-1' }, { marking: 'U', text: 'Detainee Muhammad al-Hassan (محمد الحسن)' }], 'UNCLASSIFIED', 'Case', at);
    expect(fonts(arabic)).toEqual(expect.arrayContaining(['Helvetica', 'Helvetica-Bold', 'NotoNaskhArabic-Regular']));
    // Same input, same bytes: the subset tag and the dates come from the document, not the clock.
    expect((await renderPdf([{ marking: 'U', text: 'محمد' }], 'UNCLASSIFIED', 'Case', at)).equals(await renderPdf([{ marking: 'U', text: 'محمد' }], 'UNCLASSIFIED', 'Case', at))).toBe(true);
  });
});
