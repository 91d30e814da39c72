import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import bidiModule, { type Bidi } from 'bidi-js';

/**
 * Mixed Latin and Arabic text in pdfkit documents. The PDF standard fonts (Helvetica) have no Arabic glyphs,
 * so Arabic runs are set in Noto Naskh Arabic (the woff files of @fontsource/noto-naskh-arabic, embedded
 * and subset by pdfkit). Shaping is fontkit's: pdfkit lays embedded-font text out through fontkit, whose
 * Arabic shaper picks each letter's joining form (initial, medial, final, isolated) and returns the glyphs of
 * a right-to-left run in visual order. What fontkit does not do is order the runs of a line: that is the
 * Unicode bidirectional algorithm (bidi-js), applied here to each paragraph (base direction left-to-right,
 * as the reports are in English). Latin text stays in the caller's standard font.
 *
 * Limit: the runs are ordered per paragraph, not per wrapped line, so a right-to-left phrase that pdfkit
 * wraps onto two lines reads in the wrong line order (names and places are short, so this is rare).
 */

/** The name under which the Arabic fonts are registered on a document. */
export const ARABIC_FONT = 'NotoNaskhArabic';
export const ARABIC_FONT_BOLD = 'NotoNaskhArabic-Bold';

const fontFiles = new Map<string, Buffer>();

// Here rather than in kernel: kernel's index is bundled for the browser (through the modules' schemas), and
// this file reads font files. Cases and coordination (the SITREP) both render PDFs; coordination sits above.
function fontFile(weight: 400 | 700): Buffer {
  const name = `@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-${weight}-normal.woff`;
  let buf = fontFiles.get(name);
  if (!buf) {
    buf = readFileSync(createRequire(import.meta.url).resolve(name));
    fontFiles.set(name, buf);
  }
  return buf;
}

// NOTE: bidi-js is CommonJS whose types declare an ES default export; imported from ESM (Node or a bundler),
// the default is the factory itself.
let bidi: Bidi | undefined;
const bidiOf = (): Bidi => (bidi ??= (bidiModule as unknown as () => Bidi)());

// Arabic script letters and the marks that shape with them: these go to the Arabic font.
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/u;

/** A piece of a paragraph in one font and one direction. */
export interface VisualRun {
  text: string;
  arabic: boolean;
  /** Bidi embedding level: odd is right-to-left. */
  level: number;
}

/**
 * The runs of a paragraph (one line of logical text) in visual order, left to right, each in one font. An
 * Arabic run keeps its logical order (fontkit reverses its glyphs); any other right-to-left run (spaces,
 * brackets between Arabic words) is reversed here, brackets mirrored.
 */
export function visualRuns(text: string): VisualRun[] {
  if (!ARABIC.test(text)) return text === '' ? [] : [{ text, arabic: false, level: 0 }];
  const { levels } = bidiOf().getEmbeddingLevels(text, 'ltr');
  const runs: VisualRun[] = [];
  const chars = [...text];
  let offset = 0;
  for (const ch of chars) {
    const level = levels[offset] ?? 0;
    const arabic = ARABIC.test(ch);
    const last = runs[runs.length - 1];
    if (last && last.level === level && last.arabic === arabic) last.text += ch;
    else runs.push({ text: ch, arabic, level });
    offset += ch.length;
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above.
  const max = Math.max(...runs.map((r) => r.level));
  for (let lvl = max; lvl >= 1; lvl--) {
    for (let i = 0; i < runs.length; ) {
      if (runs[i]!.level < lvl) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= lvl) j++;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => (r.arabic || r.level % 2 === 0 ? r : { ...r, text: [...r.text].reverse().map((c) => MIRROR[c] ?? c).join('') }));
}

// Rule L4: a bracket in a right-to-left run shows its mirror image.
const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };

/** Registers the Arabic fonts on a document (call once per document, before `writeMixed`). */
export function registerArabicFonts(doc: PDFKit.PDFDocument): void {
  doc.registerFont(ARABIC_FONT, fontFile(400));
  doc.registerFont(ARABIC_FONT_BOLD, fontFile(700));
}

/** How to write a paragraph: the Latin font (a standard font such as Helvetica), and pdfkit's text options. */
export interface MixedTextOptions extends PDFKit.Mixins.TextOptions {
  font: string;
  /** Bold Arabic for a bold Latin font. */
  bold?: boolean;
  /** Where the paragraph starts (else where the last text left off). */
  at?: { x: number; y: number };
}

/**
 * Writes one paragraph whose Latin runs are in `opts.font` and Arabic runs in Noto Naskh Arabic, shaped and
 * ordered visually. With `continued`, the next text goes on from the end of it. The document's font is
 * left at `opts.font`.
 */
export function writeMixed(doc: PDFKit.PDFDocument, text: string, opts: MixedTextOptions): PDFKit.PDFDocument {
  const { font, bold = false, at, continued = false, ...textOpts } = opts;
  const runs = visualRuns(text);
  if (runs.length === 0) runs.push({ text: '', arabic: false, level: 0 });
  runs.forEach((r, i) => {
    doc.font(r.arabic ? (bold ? ARABIC_FONT_BOLD : ARABIC_FONT) : font);
    const o = { ...textOpts, continued: i < runs.length - 1 || continued };
    if (i === 0 && at) doc.text(r.text, at.x, at.y, o);
    else doc.text(r.text, o);
  });
  return doc.font(font);
}
