import { markArabicRuns } from '../kernel/index.js';
import type { TSitrep } from './coordination.schemas.js';
import { actionLine, callLine, changeLine, figureLine, num, omittedLine, pm, readerLine, SITE_HEADERS, siteCells, titleOf } from './sitrep-text.js';

/** Escapes what Markdown would read as markup in a line of text (and a table's cell separator). */
function escMd(s: string): string {
  return s.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');
}

/** Escaped, each Arabic run (a name, a place) wrapped in inline HTML `<span dir="rtl" lang="ar">`. */
function esc(s: string): string {
  return markArabicRuns(s, escMd);
}

/**
 * The SITREP as Markdown: the banner first and last, every paragraph, list item and table row with its
 * portion mark.
 */
export function sitrepMarkdown(s: TSitrep): string {
  const out: string[] = [`**${s.banner}**`, '', `# ${titleOf(s)}`, '', `${pm(s.marking)} ${esc(readerLine(s))}`, ''];
  const omitted = omittedLine(s);
  if (omitted) out.push(`(U) ${esc(omitted)}`, '');
  out.push('## 1. Calls', '');
  if (s.calls.length === 0) out.push('(U) No call is recorded for this date.');
  for (const c of s.calls) out.push(`- ${pm(c.marking)} ${esc(callLine(c))}`);
  out.push('', '## 2. Numbers', '');
  if (s.sites.length > 0) {
    out.push(`| Mark | ${SITE_HEADERS.join(' | ')} |`, `|---|---|${SITE_HEADERS.slice(1).map(() => '--:').join('|')}|`);
    for (const site of s.sites) out.push(`| ${pm(site.marking)} | ${siteCells(site).map(esc).join(' | ')} |`);
    out.push('');
  }
  if (s.figures.length === 0 && s.sites.length === 0) out.push('(U) No figure is available to you.');
  for (const f of s.figures) out.push(`- ${pm(f.marking)} ${esc(figureLine(f))}`);
  out.push('', '## 3. What changed since the last call', '');
  if (s.changes.length === 0) out.push('(U) Nothing you may see changed.');
  for (const i of s.changes) out.push(`- ${pm(i.marking)} ${esc(changeLine(i))} (${i.at.slice(0, 16).replace('T', ' ')}Z)`);
  out.push('', '## 4. Decisions', '');
  if (s.decisions.length === 0) out.push('(U) No decision is recorded.');
  for (const d of s.decisions) out.push(`- ${pm(d.marking)} ${esc(d.text)} — decided by ${esc(d.decidedBy)}`);
  out.push('', '## 5. Actions', '');
  if (s.actions.length === 0) out.push('(U) No action is open.');
  for (const a of s.actions) out.push(`- ${pm(a.marking)} ${esc(actionLine(a))}`);
  out.push('', `Figures: ${num(s.sites.length)} sites, ${num(s.figures.length)} other figures.`, '', `**${s.banner}**`, '');
  return out.join('\n');
}
