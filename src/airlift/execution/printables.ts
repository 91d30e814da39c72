import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { requirePermission, scopeFor, type Ctx } from '../../access/index.js';
import { formatBanner, notFound, parseMarking } from '../../kernel/index.js';
import { wristbandCode } from '../execution.schemas.js';
import { manifestOf, planDetainees, sortieRow, wristbandRows } from './plans.store.js';
import { bannerOfIds } from './present.js';

/**
 * What is printed: wristband labels (a QR code of the ISN with its check character, the ISN and name in
 * clear) and a sortie's manifest with tick boxes (the fallback when scanners fail), as HTML or PDF, and the
 * manifest as CSV. Every printout carries the banner of the records on it, top and bottom.
 */

export interface Label {
  isn: string;
  code: string;
  name: string;
  nameAr: string;
  facility: string | null;
  tier: string;
}

export interface Labels {
  banner: string;
  labels: Label[];
}

/**
 * Wristband labels for the detainees the caller may see at a facility, or on a sortie's manifest. Requires
 * `airlift:read`; audited (who printed which wristbands).
 * @throws DomainError NOT_FOUND (sortie).
 */
export async function wristbandLabels(ctx: Ctx, filter: { facility?: string; sortie?: string }): Promise<Labels> {
  requirePermission(ctx.principal, 'airlift:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  let isns: string[] | undefined;
  if (filter.sortie) {
    const s = await sortieRow(ctx.db, scope, filter.sortie);
    if (!s) throw notFound('sortie', filter.sortie);
    isns = (await manifestOf(ctx.db, s.id)).map((m) => m.isn);
  }
  const rows = await wristbandRows(ctx.db, scope, { ...(filter.facility ? { facility: filter.facility } : {}), ...(isns ? { isns } : {}) });
  await ctx.audit.record(ctx.db, { action: 'airlift.wristbands', subjectType: 'airlift', details: { ...filter, count: rows.length } });
  const banner = formatBanner(parseMarking(await bannerOfIds(ctx.db, rows.map((r) => r.markingId))));
  return { banner, labels: rows.map((r) => ({ isn: r.isn, code: wristbandCode(r.isn), name: r.name, nameAr: r.nameAr, facility: r.facility, tier: r.tier })) };
}

export interface ManifestSheet {
  banner: string;
  sortie: { id: string; label: string; aircraft: string; from: string; to: string; depart: string; arrive: string };
  rows: { isn: string; code: string; name: string; board: string; alight: string; tier: string; medical: boolean }[];
}

/** A sortie's manifest for printing or CSV, with names. Requires `airlift:read`; audited. @throws NOT_FOUND. */
export async function manifestSheet(ctx: Ctx, sortieId: string): Promise<ManifestSheet> {
  requirePermission(ctx.principal, 'airlift:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const s = await sortieRow(ctx.db, scope, sortieId);
  if (!s) throw notFound('sortie', sortieId);
  const entries = (await manifestOf(ctx.db, s.id)).filter((m) => scope.markingIds.includes(m.marking_id));
  const names = new Map((await wristbandRows(ctx.db, scope, { isns: entries.map((e) => e.isn) })).map((r) => [r.isn, r]));
  const planned = new Map((await planDetainees(ctx.db, scope, s.plan_id)).map((d) => [d.isn, d]));
  await ctx.audit.record(ctx.db, { action: 'airlift.manifest.print', subjectType: 'airlift-sortie', subjectId: s.id, details: { count: entries.length } });
  const banner = formatBanner(parseMarking(await bannerOfIds(ctx.db, [s.marking_id, ...[...names.values()].map((n) => n.markingId)])));
  return {
    banner,
    sortie: { id: s.id, label: s.label, aircraft: s.aircraft, from: s.from_node, to: s.to_node, depart: s.depart, arrive: s.arrive },
    rows: entries.map((e) => ({
      isn: e.isn, code: wristbandCode(e.isn), name: names.get(e.isn)?.name ?? '', board: e.board_node, alight: e.alight_node,
      tier: planned.get(e.isn)?.tier ?? '', medical: planned.get(e.isn)?.medical === 1,
    })),
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, banner: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1cm; }
.banner { text-align: center; font-weight: bold; border: 2px solid #000; padding: 2px; margin: 4px 0; }
.labels { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6mm; }
.label { border: 1px dashed #555; padding: 3mm; display: flex; gap: 3mm; align-items: center; break-inside: avoid; }
.label svg { width: 28mm; height: 28mm; }
.isn { font: bold 12pt ui-monospace, monospace; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 2px 4px; font-size: 10pt; text-align: left; }
td.box { width: 8mm; }
@media print { .noprint { display: none; } }
</style></head><body>
<div class="banner">${esc(banner)}</div>
${body}
<div class="banner">${esc(banner)}</div>
</body></html>
`;
}

/** Wristband labels as a printable HTML page (QR codes as inline SVG). */
export async function labelsHtml(l: Labels): Promise<string> {
  const cells: string[] = [];
  for (const x of l.labels) {
    const svg = await QRCode.toString(x.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    cells.push(`<div class="label">${svg}<div><div class="isn">${esc(x.isn)}</div><div>${esc(x.name)}</div><div dir="rtl" lang="ar">${esc(x.nameAr)}</div><div>${esc(x.facility ?? '')} · ${esc(x.tier)}</div><div><small>${esc(x.code)}</small></div></div></div>`);
  }
  return page('Wristbands', l.banner, `<h1>Wristbands (${l.labels.length})</h1><div class="labels">${cells.join('\n')}</div>`);
}

/** A sortie's manifest with tick boxes (boarded, arrived) as a printable HTML page. */
export function manifestHtml(m: ManifestSheet): string {
  const s = m.sortie;
  const rows = m.rows.map((r, i) => `<tr><td>${i + 1}</td><td class="isn">${esc(r.isn)}</td><td>${esc(r.name)}</td><td>${esc(r.tier)}${r.medical ? ' · medical' : ''}</td><td>${esc(r.board)} → ${esc(r.alight)}</td><td class="box">☐</td><td class="box">☐</td></tr>`);
  return page(`Manifest ${s.label}`, m.banner, `<h1>Manifest — sortie ${esc(s.label)}</h1>
<p>Aircraft ${esc(s.aircraft)} · ${esc(s.from)} → ${esc(s.to)} · departs ${esc(s.depart)} · arrives ${esc(s.arrive)} · ${m.rows.length} detainees</p>
<table><thead><tr><th>#</th><th>ISN</th><th>Name</th><th>Tier</th><th>Route</th><th>Boarded</th><th>Arrived</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<p>Loadmaster: ____________________ Signature: ____________ Time: ________</p>
<p class="noprint">Enter the ticks back with <code>sallyport airlift manifest enter</code> or the sortie page's paper form.</p>`);
}

const CSV_COLUMNS = ['isn', 'wristband', 'name', 'tier', 'medical', 'board', 'alight'] as const;

/** A sortie's manifest as CSV (RFC 4180), the banner in a leading comment line. */
export function manifestCsv(m: ManifestSheet): string {
  const q = (v: string) => (/[",\r\n#]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [`# ${m.banner}`, CSV_COLUMNS.join(',')];
  for (const r of m.rows) lines.push([r.isn, r.code, r.name, r.tier, r.medical ? 'yes' : 'no', r.board, r.alight].map(q).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

async function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 36, info: { Title: 'Sallyport airlift' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => { doc.on('end', () => resolve()); doc.on('error', reject); });
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function bannerLines(doc: PDFKit.PDFDocument, banner: string): void {
  doc.font('Helvetica-Bold').fontSize(9).text(banner, 36, 14, { width: 523, align: 'center', lineBreak: false });
  doc.text(banner, 36, 812, { width: 523, align: 'center', lineBreak: false });
  doc.font('Helvetica').fontSize(10);
}

function drawQr(doc: PDFKit.PDFDocument, text: string, at: { x: number; y: number; size: number }): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = at.size / n;
  for (let r = 0; r < n; r += 1) for (let c = 0; c < n; c += 1) if (qr.modules.get(r, c)) doc.rect(at.x + c * cell, at.y + r * cell, cell, cell);
  doc.fill('#000');
}

/** Wristband labels as a PDF: 3 × 8 labels per A4 page. */
export async function labelsPdf(l: Labels): Promise<Buffer> {
  return pdfOf((doc) => {
    const perPage = 24;
    l.labels.forEach((x, i) => {
      if (i % perPage === 0) {
        if (i > 0) doc.addPage();
        bannerLines(doc, l.banner);
      }
      const k = i % perPage;
      const x0 = 36 + (k % 3) * 176;
      const y0 = 36 + Math.floor(k / 3) * 96;
      doc.rect(x0, y0, 170, 90).dash(2, { space: 2 }).stroke().undash();
      drawQr(doc, x.code, { x: x0 + 4, y: y0 + 4, size: 82 });
      doc.fillColor('#000').font('Helvetica-Bold').fontSize(10).text(x.isn, x0 + 90, y0 + 8, { width: 78 });
      doc.font('Helvetica').fontSize(8).text(x.name, x0 + 90, y0 + 24, { width: 78, height: 30 });
      doc.text(`${x.facility ?? ''} ${x.tier}`, x0 + 90, y0 + 58, { width: 78 });
      doc.text(x.code, x0 + 90, y0 + 72, { width: 78 });
    });
    if (l.labels.length === 0) {
      bannerLines(doc, l.banner);
      doc.text('No detainees.', 36, 60);
    }
  });
}

/** A sortie's manifest with tick boxes as a PDF. */
export async function manifestPdf(m: ManifestSheet): Promise<Buffer> {
  return pdfOf((doc) => {
    const s = m.sortie;
    const header = () => {
      bannerLines(doc, m.banner);
      doc.font('Helvetica-Bold').fontSize(13).text(`Manifest — sortie ${s.label}`, 36, 36);
      doc.font('Helvetica').fontSize(9).text(`Aircraft ${s.aircraft} · ${s.from} → ${s.to} · departs ${s.depart} · arrives ${s.arrive} · ${m.rows.length} detainees`, 36, 54);
      doc.font('Helvetica-Bold').text('#', 36, 74).text('ISN', 60, 74).text('Name', 150, 74).text('Tier', 350, 74).text('Route', 400, 74).text('Board', 490, 74).text('Arrive', 525, 74);
      doc.font('Helvetica');
    };
    header();
    let y = 90;
    m.rows.forEach((r, i) => {
      if (y > 780) {
        doc.addPage();
        header();
        y = 90;
      }
      doc.text(String(i + 1), 36, y).text(r.isn, 60, y).text(r.name.slice(0, 40), 150, y, { width: 195, lineBreak: false })
        .text(`${r.tier}${r.medical ? ' +med' : ''}`, 350, y).text(`${r.board}→${r.alight}`, 400, y, { width: 85, lineBreak: false });
      doc.rect(495, y - 1, 10, 10).stroke().rect(530, y - 1, 10, 10).stroke();
      y += 16;
    });
    doc.text('Loadmaster: ____________________  Signature: ____________  Time: ________', 36, Math.min(y + 14, 790));
  });
}
