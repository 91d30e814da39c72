import type { TAction, TAgenda, TCall, TCallDetail, TOutcomes } from '../../coordination/index.js';
import { parseMarking, portionMark } from '../../kernel/index.js';
import { formatFields, formatTable, type Column } from '../output.js';

/** Human output of the coordination commands: portion marks before each line, tables aligned. */

const pm = (m: string) => portionMark(parseMarking(m));

export function agendaLines(a: TAgenda): string[] {
  const head = [
    `Agenda for ${a.date}${a.call ? ` — ${a.call.title} (${a.call.id})` : ''}`,
    `What changed after ${a.since}${a.previousCall ? ` (the call of ${a.previousCall.date})` : ''} up to ${a.until}.`,
  ];
  if (a.omitted.length > 0) head.push(`Not included (your roles do not reach them): ${a.omitted.join(', ')}`);
  if (a.items.length === 0) return [...head, '', 'Nothing you may see changed.'];
  const lines: string[] = [...head];
  let section = '';
  for (const i of a.items) {
    if (i.section !== section) {
      section = i.section;
      lines.push('', section.toUpperCase());
    }
    const sev = i.severity === 'info' ? '' : `[${i.severity.toUpperCase()}] `;
    lines.push(`  ${pm(i.marking)} ${sev}${i.title}${i.detail ? ` — ${i.detail}` : ''}`);
  }
  return lines;
}

const CALL_COLUMNS: Column<TCall>[] = [
  { header: 'MARK', cell: (c) => pm(c.marking) },
  { header: 'ID', cell: (c) => c.id },
  { header: 'DATE', cell: (c) => c.date },
  { header: 'STARTS', cell: (c) => c.startsAt.slice(11, 16) },
  { header: 'TITLE', cell: (c) => c.title },
  { header: 'AGENCIES', cell: (c) => c.agencies.join(',') },
];

export function callTable(calls: readonly TCall[]): string[] {
  return formatTable(calls, CALL_COLUMNS);
}

const ACTION_COLUMNS: Column<TAction>[] = [
  { header: 'MARK', cell: (a) => pm(a.marking) },
  { header: 'ID', cell: (a) => a.id },
  { header: 'DUE', cell: (a) => a.due },
  { header: 'OWNER', cell: (a) => a.owner },
  { header: 'STATUS', cell: (a) => `${a.status}${a.overdue ? ' (overdue)' : ''}` },
  { header: 'V', cell: (a) => String(a.version) },
  { header: 'TITLE', cell: (a) => a.title },
];

export function actionTable(actions: readonly TAction[]): string[] {
  return formatTable(actions, ACTION_COLUMNS);
}

export function callLines(c: TCallDetail): string[] {
  return [
    ...formatFields([['call', `${pm(c.marking)} ${c.title}`], ['id', c.id], ['date', c.date], ['starts', c.startsAt], ['agencies', c.agencies]]),
    '', 'ATTENDANCE',
    ...(c.attendance.length === 0 ? ['  none recorded'] : c.attendance.map((a) => `  ${a.agency}: ${a.person}${a.present ? '' : ' (apologies)'}`)),
    '', 'DECISIONS',
    ...(c.decisions.length === 0 ? ['  none'] : c.decisions.map((d) => `  ${pm(d.marking)} ${d.text} — decided by ${d.decidedBy}`)),
    '', 'ACTIONS',
    ...(c.actions.length === 0 ? ['  none'] : actionTable(c.actions).map((l) => `  ${l}`)),
  ];
}

export function outcomeLines(o: TOutcomes): string[] {
  const lines = [`Outcomes as of ${o.asOf}`];
  if (o.omitted.length > 0) lines.push(`Not included (your roles do not reach them): ${o.omitted.join(', ')}`);
  for (const a of o.areas) {
    lines.push('', `${a.area.toUpperCase()} (${a.source})`);
    for (const f of a.figures) lines.push(`  ${pm(f.marking)} ${f.label}: ${f.value}${f.unit ? ` ${f.unit}` : ''}${f.series && f.series.length > 1 ? ` (${f.series.length} points from ${f.series[0]?.at ?? ''})` : ''}`);
  }
  return lines;
}
