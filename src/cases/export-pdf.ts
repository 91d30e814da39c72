import PDFDocument from 'pdfkit';
import { registerArabicFonts, writeMixed } from './pdf-text.js';
import type { Part } from './export.js';

/**
 * The export as PDF (pdfkit, built-in Helvetica; Arabic runs in the embedded Noto Naskh Arabic): the banner at the top and bottom of every page, each
 * paragraph opening with its portion mark in bold. Fixed creation date (the clock's), so the same file
 * renders the same bytes.
 */
export async function renderPdf(parts: readonly Part[], banner: string, title: string, at: Date): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 64, bottom: 64, left: 56, right: 56 }, bufferPages: true, info: { Title: `${banner} — ${title}`, CreationDate: at, ModDate: at } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerArabicFonts(doc);
  for (const p of parts) {
    const size = p.heading === 1 ? 15 : p.heading === 2 ? 12 : 10.5;
    doc.moveDown(p.heading ? 0.6 : 0.25);
    doc.font('Helvetica-Bold').fontSize(size - 1.5).text(`(${p.marking}) `, { continued: true });
    // Arabic runs (names, places) in the embedded Arabic font, shaped and ordered right to left.
    writeMixed(doc.fontSize(size), p.text, { font: p.heading ? 'Helvetica-Bold' : 'Helvetica', bold: p.heading !== undefined });
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const w = doc.page.width;
    // Writing in the margins must not move the cursor to a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica-Bold').fontSize(10);
    doc.text(banner, 0, 24, { width: w, align: 'center', lineBreak: false });
    doc.text(banner, 0, doc.page.height - 36, { width: w, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
