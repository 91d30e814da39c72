import type { TSitrep } from './coordination.schemas.js';
import { sitrepHtml } from './sitrep-html.js';
import { sitrepMarkdown } from './sitrep-markdown.js';
import { sitrepPdf } from './sitrep-pdf.js';

/** The document formats of a SITREP, with their media types. */
export const SITREP_MEDIA_TYPES = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
} as const;

/** The SITREP as a document: JSON text, Markdown, printable HTML, or PDF bytes. */
export async function renderSitrep(s: TSitrep, format: keyof typeof SITREP_MEDIA_TYPES): Promise<string | Buffer> {
  switch (format) {
    case 'json': return `${JSON.stringify(s, null, 2)}\n`;
    case 'md': return sitrepMarkdown(s);
    case 'html': return sitrepHtml(s);
    case 'pdf': return sitrepPdf(s);
  }
}
