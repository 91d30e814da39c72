import { bannerOf, formatBanner, parseMarking, type Marking } from '../kernel/index.js';
import { requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { ZExportQuery, type TCaseDetail, type TEvidenceVersion, type TExportQuery } from './cases.schemas.js';
import { caseFile, caseIn } from './cases.js';
import { renderPdf } from './export-pdf.js';

/**
 * Marked exports of a case file. The document is built from what the reader may see only (caseFile applies
 * the scope): an item, version or custody step they may not see is absent, not blacked out, so nothing of its
 * size shows. Every paragraph carries its portion mark; the banner (top and bottom) is computed from the
 * portion marks of every paragraph included.
 */

/** One paragraph of an export with its marking. `level` 1–2 makes it a heading. */
export interface Part {
  text: string;
  marking: string;
  heading?: 1 | 2;
}

/** An export: its bytes or text, type, file name and banner. */
export interface CaseExport {
  contentType: string;
  fileName: string;
  body: string | Buffer;
  banner: string;
  parts: number;
}

const U = 'U';

function versionParts(item: TCaseDetail['items'][number], v: TEvidenceVersion): Part[] {
  const m = v.marking;
  const parts: Part[] = [
    { heading: 2, marking: m, text: `${item.ref}, version ${v.number} (${v.origin}): ${item.kind.replace(/-/g, ' ')} dated ${item.dated}, originated by ${item.agency}` },
    { marking: m, text: `Description: ${v.description}` },
    { marking: m, text: `Source: ${v.source}` },
    { marking: m, text: `Provenance: ${v.provenance}` },
  ];
  if (v.body !== null) {
    for (const para of v.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) parts.push({ marking: m, text: para });
  } else {
    parts.push({ marking: m, text: `File: ${v.fileName ?? '(unnamed)'}, ${v.contentType}, ${v.size} bytes (not reproduced in this export)` });
  }
  parts.push({ marking: m, text: `SHA-256 of the content: ${v.sha256}` });
  return parts;
}

/** The paragraphs of a case file, each with its marking: what the reader sees and nothing else. */
export function exportParts(file: TCaseDetail, versions: 'latest' | 'all'): Part[] {
  const j = file.jurisdiction;
  const parts: Part[] = [
    { heading: 1, marking: file.marking, text: `Case ${file.ref}: ${file.title}` },
    { marking: file.marking, text: `Jurisdiction: ${j.kind} (${j.country}${j.name ? `, ${j.name}` : ''}). Status: ${file.status}. Prosecutor's agency: ${file.agency}.` },
    { marking: file.marking, text: `Charges considered: ${file.charges.length > 0 ? file.charges.join('; ') : 'none recorded'}.` },
    { heading: 2, marking: U, text: 'Detainees' },
    ...file.detainees.map((d) => ({ marking: d.marking, text: `${d.isn}: ${d.name}, ${d.nationality}` })),
    { heading: 2, marking: U, text: 'Readiness' },
    {
      marking: file.readiness.marking,
      text: `Of ${file.readiness.total} evidence items, ${file.readiness.releasable} are releasable to the prosecutor of ${file.readiness.country}; ${file.readiness.pending} pending review, ${file.readiness.denied} denied, ${file.readiness.notRequested} not requested.`,
    },
  ];
  for (const item of file.items) {
    const shown = versions === 'all' ? item.versions : item.versions.slice(-1);
    for (const v of shown) parts.push(...versionParts(item, v));
    if (item.custody.length > 0) parts.push({ heading: 2, marking: U, text: `${item.ref}: chain of custody` });
    for (const e of item.custody) parts.push({ marking: e.marking, text: `${e.at}: ${e.action} by ${e.actor}${e.place ? ` at ${e.place}` : ''}${e.note ? ` (${e.note})` : ''}` });
  }
  return parts;
}

/** The banner of parts: the highest level, the intersection of REL TO lists, the union of caveats. */
export function bannerOfParts(parts: readonly Part[]): Marking {
  return bannerOf([...new Set(parts.map((p) => p.marking))].map((m) => parseMarking(m)));
}

function mark(p: Part): string {
  return `(${p.marking})`;
}

/** The export as Markdown: banner, paragraphs each opening with its portion mark, banner. */
export function toMarkdown(parts: readonly Part[], banner: string): string {
  const lines = [`**${banner}**`, ''];
  for (const p of parts) {
    const text = `${mark(p)} ${p.text.replace(/([\\`*_#[\]<>|])/g, '\\$1')}`;
    lines.push(p.heading ? `${'#'.repeat(p.heading)} ${text}` : text, '');
  }
  lines.push(`**${banner}**`, '');
  return lines.join('\n');
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `body{font:11pt/1.45 Georgia,serif;margin:3.5em 2.5em;color:#111}
.banner{font:bold 10pt system-ui,sans-serif;text-align:center;padding:.3em;background:#fff;border:1px solid #111;letter-spacing:.04em}
header.banner{position:sticky;top:0}footer.banner{margin-top:2em}
.pm{font:bold 9pt system-ui,sans-serif;margin-right:.4em}
h1{font-size:16pt}h2{font-size:12.5pt;margin-top:1.4em}p{margin:.45em 0}
@page{margin:2.2cm 1.8cm}
@media print{header.banner{position:fixed;top:0;left:0;right:0}footer.banner{position:fixed;bottom:0;left:0;right:0;margin:0}body{margin:2.5em 0}h2{break-after:avoid}p{orphans:3;widows:3}}`;

/** The export as a standalone HTML page with print styles: the banner repeats at the top and bottom of every printed page. */
export function toHtml(parts: readonly Part[], banner: string, title: string): string {
  const body = parts.map((p) => {
    const inner = `<span class="pm">${esc(mark(p))}</span>${esc(p.text)}`;
    return p.heading ? `<h${p.heading}>${inner}</h${p.heading}>` : `<p>${inner}</p>`;
  });
  return [
    '<!doctype html>', '<html lang="en"><head><meta charset="utf-8">', `<title>${esc(`${banner} — ${title}`)}</title>`, `<style>${STYLE}</style></head><body>`,
    `<header class="banner">${esc(banner)}</header>`, '<main>', ...body, '</main>', `<footer class="banner">${esc(banner)}</footer>`, '</body></html>', '',
  ].join('\n');
}

/**
 * Exports a case file in Markdown, HTML (print styles) or PDF, as the caller may see it. Requires `cases:read`.
 * Audited: who exported which versions, in which format, under which banner.
 * @throws DomainError NOT_FOUND.
 */
export async function exportCase(ctx: Ctx, idOrRef: string, raw: TExportQuery = {}): Promise<CaseExport> {
  requirePermission(ctx.principal, 'cases:read');
  const q = ZExportQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const c = await caseIn(ctx.db, scope, idOrRef);
  const file = await caseFile(ctx, scope, c);
  const parts = exportParts(file, q.versions);
  const banner = formatBanner(bannerOfParts(parts));
  const versions = file.items.flatMap((i) => (q.versions === 'all' ? i.versions : i.versions.slice(-1)).map((v) => v.id));
  await ctx.audit.record(ctx.db, { action: 'case.export', subjectType: 'case', subjectId: c.id, details: { ref: c.ref, format: q.format, banner, versions } });
  const title = `Case ${file.ref}`;
  const base = `${file.ref.toLowerCase()}`;
  switch (q.format) {
    case 'markdown':
      return { contentType: 'text/markdown; charset=utf-8', fileName: `${base}.md`, body: toMarkdown(parts, banner), banner, parts: parts.length };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', fileName: `${base}.html`, body: toHtml(parts, banner, title), banner, parts: parts.length };
    case 'pdf':
      return { contentType: 'application/pdf', fileName: `${base}.pdf`, body: await renderPdf(parts, banner, title, ctx.clock.now()), banner, parts: parts.length };
  }
}
