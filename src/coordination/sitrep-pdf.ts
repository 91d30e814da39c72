import PDFDocument from 'pdfkit';
import { registerArabicFonts, writeMixed } from '../cases/index.js';
import type { TSitrep } from './coordination.schemas.js';
import { actionLine, callLine, changeLine, figureLine, omittedLine, pm, readerLine, SITE_HEADERS, siteCells, titleOf } from './sitrep-text.js';

const MARGIN = 56;

/**
 * The SITREP as a PDF (A4): the banner at the top and bottom of every page, every paragraph with its portion
 * mark, the numbers table as aligned columns. Latin text in the PDF standard fonts; Arabic runs (names,
 * places) in the embedded Noto Naskh Arabic, shaped and ordered right to left (`writeMixed`, shared with case exports).
 */
export async function sitrepPdf(s: TSitrep): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `${titleOf(s)} (${s.banner})`, CreationDate: new Date(s.generatedAt) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  registerArabicFonts(doc);
  const width = doc.page.width - 2 * MARGIN;
  const heading = (t: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t).moveDown(0.2).font('Helvetica').fontSize(10);
  const para = (marking: string, text: string) => writeMixed(doc.font('Helvetica-Bold').text(`${pm(marking)} `, { continued: true }), text, { font: 'Helvetica', width });
  const paras = <T>(items: readonly T[], empty: string, line: (x: T) => [string, string]) => {
    if (items.length === 0) para('U', empty);
    for (const x of items) para(...line(x));
  };

  doc.font('Helvetica-Bold').fontSize(16).text(titleOf(s)).moveDown(0.3).font('Helvetica').fontSize(10);
  para(s.marking, readerLine(s));
  const omitted = omittedLine(s);
  if (omitted) para('U', omitted);
  heading('1. Calls');
  paras(s.calls, 'No call is recorded for this date.', (c) => [c.marking, callLine(c)]);
  heading('2. Numbers');
  if (s.sites.length > 0) {
    const cols = [110, 150, 60, 60, 70, 80];
    const row = (cells: string[], bold: boolean) => {
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        const b = bold || i === 0;
        writeMixed(doc, c, { font: b ? 'Helvetica-Bold' : 'Helvetica', bold: b, at: { x, y }, width: (cols[i] ?? 60) - 4, align: i > 1 ? 'right' : 'left', lineBreak: false, ellipsis: true });
        x += cols[i] ?? 60;
      });
      doc.x = MARGIN;
      doc.y = y + 14;
    };
    row(['Mark', ...SITE_HEADERS], true);
    for (const site of s.sites) row([pm(site.marking), ...siteCells(site)], false);
    doc.moveDown(0.4);
  }
  if (s.sites.length === 0 && s.figures.length === 0) para('U', 'No figure is available to you.');
  for (const f of s.figures) para(f.marking, figureLine(f));
  heading('3. What changed since the last call');
  paras(s.changes, 'Nothing you may see changed.', (i) => [i.marking, changeLine(i)]);
  heading('4. Decisions');
  paras(s.decisions, 'No decision is recorded.', (d) => [d.marking, `${d.text} — decided by ${d.decidedBy}`]);
  heading('5. Actions');
  paras(s.actions, 'No action is open.', (a) => [a.marking, actionLine(a)]);

  // The banners go on last, on every page the text ran to.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the bottom banner sits in the margin; no page break for it
    doc.font('Helvetica-Bold').fontSize(10);
    doc.text(s.banner, MARGIN, 22, { width, align: 'center', lineBreak: false });
    doc.text(s.banner, MARGIN, doc.page.height - 34, { width, align: 'center', lineBreak: false });
    doc.font('Helvetica').fontSize(8).text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN, doc.page.height - 22, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
