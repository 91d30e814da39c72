import { markArabicRuns } from '../kernel/index.js';
import type { TSitrep } from './coordination.schemas.js';
import { actionLine, callLine, changeLine, figureLine, omittedLine, pm, readerLine, SITE_HEADERS, siteCells, titleOf } from './sitrep-text.js';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// Printed, the banners repeat at the top and bottom of every page (fixed elements print on each page).
const CSS = `
body { font: 11pt/1.45 system-ui, sans-serif; margin: 2.5rem 2rem; color: #111; }
.banner { text-align: center; font-weight: 700; letter-spacing: .05em; padding: .2rem; background: #fff; border: 2px solid #111; }
.banner.top { position: fixed; top: 0; left: 0; right: 0; }
.banner.bottom { position: fixed; bottom: 0; left: 0; right: 0; }
.pm { font-weight: 600; margin-right: .35em; white-space: nowrap; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid #999; padding: .2rem .5rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.critical { color: #a00; font-weight: 600; }
.warning { color: #8a5a00; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; border-bottom: 1px solid #ccc; }
@page { size: A4; margin: 22mm 16mm; }
@media print { body { margin: 0; } h2 { break-after: avoid; } tr, li { break-inside: avoid; } }
`;

/** Escaped text, each Arabic run (a name, a place) marked right to left: `<span dir="rtl" lang="ar">`. */
function txt(s: string): string {
  return markArabicRuns(s, esc);
}

function list<T>(items: readonly T[], empty: string, li: (x: T) => string): string {
  if (items.length === 0) return `<p><span class="pm">(U)</span>${esc(empty)}</p>`;
  return `<ul>${items.map((x) => `<li>${li(x)}</li>`).join('')}</ul>`;
}

/** The SITREP as a self-contained printable HTML page: banners top and bottom of every page, portion marks on every part. */
export function sitrepHtml(s: TSitrep): string {
  const mark = (m: string) => `<span class="pm">${esc(pm(m))}</span>`;
  const omitted = omittedLine(s);
  const sites = s.sites.length === 0 ? '' : `<table><thead><tr><th>Mark</th>${SITE_HEADERS.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    s.sites.map((site) => `<tr><td>${mark(site.marking)}</td>${siteCells(site).map((c, i) => `<td${i > 0 ? ' class="num"' : ''}>${txt(c)}</td>`).join('')}</tr>`).join('')
  }</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`${s.banner} — ${titleOf(s)}`)}</title><style>${CSS}</style></head>
<body>
<div class="banner top" data-testid="sitrep-banner-top">${txt(s.banner)}</div>
<main>
<h1>${txt(titleOf(s))}</h1>
<p>${mark(s.marking)}${txt(readerLine(s))}</p>
${omitted ? `<p><span class="pm">(U)</span>${txt(omitted)}</p>` : ''}
<h2>1. Calls</h2>
${list(s.calls, 'No call is recorded for this date.', (c) => `${mark(c.marking)}${txt(callLine(c))}`)}
<h2>2. Numbers</h2>
${sites}
${s.sites.length === 0 && s.figures.length === 0 ? `<p><span class="pm">(U)</span>No figure is available to you.</p>` : list(s.figures, '', (f) => `${mark(f.marking)}${txt(figureLine(f))}`)}
<h2>3. What changed since the last call</h2>
${list(s.changes, 'Nothing you may see changed.', (i) => `<span class="${i.severity}">${mark(i.marking)}${txt(changeLine(i))}</span>`)}
<h2>4. Decisions</h2>
${list(s.decisions, 'No decision is recorded.', (d) => `${mark(d.marking)}${txt(d.text)} — decided by ${txt(d.decidedBy)}`)}
<h2>5. Actions</h2>
${list(s.actions, 'No action is open.', (a) => `<span class="${a.overdue ? 'critical' : ''}">${mark(a.marking)}${txt(actionLine(a))}</span>`)}
</main>
<div class="banner bottom" data-testid="sitrep-banner-bottom">${txt(s.banner)}</div>
</body></html>
`;
}
