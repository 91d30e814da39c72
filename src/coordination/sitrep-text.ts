import { parseMarking, portionMark } from '../kernel/index.js';
import type { TAction, TAgendaItem, TSitrep } from './coordination.schemas.js';

/** What the three SITREP renderers share: the wording of each line, so Markdown, HTML and PDF say the same. */

/** `(S//REL TO IRQ, USA)` from a marking text. */
export function pm(marking: string): string {
  return portionMark(parseMarking(marking));
}

/** A count or a figure with one decimal; an absent figure is a dash. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return Number.isInteger(v) ? v.toLocaleString('en-GB') : v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function titleOf(s: TSitrep): string {
  return `Situation report — ${s.date}`;
}

export function readerLine(s: TSitrep): string {
  const r = s.reader;
  return `Prepared for ${r.username} (${r.agency}, ${r.country}, cleared ${r.clearance}) at ${s.generatedAt}. Only what this reader may see is included; the banner covers every part.`;
}

export function callLine(c: TSitrep['calls'][number]): string {
  const present = c.attendance.filter((a) => a.present).map((a) => `${a.person} (${a.agency})`);
  const apologies = c.attendance.filter((a) => !a.present).map((a) => `${a.person} (${a.agency})`);
  return `${c.title}, ${c.startsAt.slice(11, 16)}Z — agencies: ${c.agencies.join(', ') || 'none listed'}; present: ${present.join(', ') || 'none recorded'}${apologies.length > 0 ? `; apologies: ${apologies.join(', ')}` : ''}.`;
}

export function changeLine(i: TAgendaItem): string {
  const sev = i.severity === 'info' ? '' : `[${i.severity.toUpperCase()}] `;
  return `${sev}${i.section}: ${i.title}${i.detail ? ` — ${i.detail}` : ''}`;
}

export function actionLine(a: TAction): string {
  return `${a.title} — owner ${a.owner}, due ${a.due}, ${a.status}${a.overdue ? ' (OVERDUE)' : ''}`;
}

export function figureLine(f: TSitrep['figures'][number]): string {
  return `${f.label}: ${num(f.value)}${f.unit ? ` ${f.unit}` : ''}`;
}

export const SITE_HEADERS = ['Site', 'Held', 'Moved', 'Remaining', 'Expected loss (7 d)'] as const;

export function siteCells(s: TSitrep['sites'][number]): string[] {
  return [s.label, num(s.held), num(s.moved), num(s.remaining), num(s.expectedLoss)];
}

export function omittedLine(s: TSitrep): string | null {
  return s.omitted.length === 0 ? null : `Not included (your roles do not reach these sources): ${s.omitted.join(', ')}.`;
}
