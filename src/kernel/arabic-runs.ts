/**
 * Arabic runs in mixed text: where a line of a report (mostly English) holds a name or a place written in
 * Arabic script, the renderers mark that run right-to-left and Arabic (`dir="rtl" lang="ar"` in HTML and
 * Markdown, the Arabic font in PDF). Browser-safe, no dependencies.
 */

// Arabic, Arabic Supplement, Arabic Extended-A, Presentation Forms-A and -B.
const LETTER = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
// A run goes on over spaces, Arabic punctuation, digits and joiners between Arabic words ("سجن غويران 2").
const RUN = new RegExp(`[${LETTER}](?:[${LETTER}\\u200C\\u200D]|[\\s\\u060C\\u061B\\u061F0-9\\u0660-\\u0669.\\-]+(?=[${LETTER}]))*`, 'gu');

/** A piece of text, in logical order; `arabic` when it is a run of Arabic script. */
export interface TextRun {
  text: string;
  arabic: boolean;
}

/** Splits `text` into Arabic runs and the rest, in logical (reading) order; joined back they are `text`. */
export function arabicRuns(text: string): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index), arabic: false });
    out.push({ text: m[0], arabic: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), arabic: false });
  return out;
}

/**
 * `text` with each Arabic run wrapped as `<span dir="rtl" lang="ar">…</span>`; `escape` is applied to every
 * piece (HTML or Markdown escaping) before wrapping, so the markup added is the only markup.
 */
export function markArabicRuns(text: string, escape: (s: string) => string): string {
  return arabicRuns(text).map((r) => (r.arabic ? `<span dir="rtl" lang="ar">${escape(r.text)}</span>` : escape(r.text))).join('');
}
