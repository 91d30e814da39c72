import type { TBatch, TCountryBoard, TCountrySummary, TEngagement } from '../../repatriation/index.js';
import { formatFields, formatTable } from '../output.js';

/** Human output of the repatriation commands. */

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function countryTable(items: readonly TCountrySummary[]): string[] {
  return formatTable(items, [
    { header: 'COUNTRY', cell: (c) => c.country },
    { header: 'NAME', cell: (c) => c.name },
    { header: 'STATUS', cell: (c) => c.status },
    { header: 'HELD', cell: (c) => String(c.held) },
    { header: 'REPATRIATED', cell: (c) => String(c.repatriated) },
    { header: 'PROGRESS', cell: (c) => pct(c.progress) },
    { header: 'BATCHES', cell: (c) => String(c.openBatches) },
    { header: 'CONDITIONS', cell: (c) => c.conditions.join(', ') || '-' },
    { header: 'MARKING', cell: (c) => c.marking },
  ]);
}

export function engagementTable(items: readonly TEngagement[]): string[] {
  return formatTable(items, [
    { header: 'AT', cell: (e) => e.at.slice(0, 16) },
    { header: 'KIND', cell: (e) => e.kind },
    { header: 'SUMMARY', cell: (e) => e.summary },
    { header: 'OUTCOME', cell: (e) => e.outcome ?? (e.dueBy ? `due ${e.dueBy}` : '-') },
    { header: 'MARKING', cell: (e) => `(${e.marking})` },
  ]);
}

export function batchLines(b: TBatch): string[] {
  return [
    ...formatFields([
      ['batch', b.id], ['country', b.country], ['receiving agency', b.receivingAgency], ['place', b.place], ['at', b.at], ['status', b.status],
      ['assurances', b.assurances], ['note', b.note], ['marking', b.marking], ['hidden members', b.hidden],
    ]),
    '',
    ...formatTable(b.members, [
      { header: 'KIND', cell: (m) => m.kind },
      { header: 'ID', cell: (m) => m.isn ?? m.id },
      { header: 'NAME', cell: (m) => m.name ?? 'withheld' },
      { header: 'SEX', cell: (m) => m.sex ?? '-' },
      { header: 'AGE', cell: (m) => (m.age === null ? '-' : String(m.age)) },
      { header: 'STATE', cell: (m) => m.state },
      { header: 'HANDOVER', cell: (m) => m.handover ?? '-' },
      { header: 'NOT HANDED OVER', cell: (m) => (m.outcome ? `${m.outcome}: ${m.outcomeReason ?? ''}` : '-') },
    ]),
  ];
}

export function batchTable(items: readonly TBatch[]): string[] {
  return formatTable(items, [
    { header: 'BATCH', cell: (b) => b.id },
    { header: 'COUNTRY', cell: (b) => b.country },
    { header: 'AT', cell: (b) => b.at.slice(0, 16) },
    { header: 'PLACE', cell: (b) => b.place },
    { header: 'STATUS', cell: (b) => b.status },
    { header: 'MEMBERS', cell: (b) => String(b.members.length + b.hidden) },
    { header: 'MARKING', cell: (b) => b.marking },
  ]);
}

export function boardLines(b: TCountryBoard): string[] {
  const n = b.nationals;
  const reaching = b.reaching18.filter((m) => m.count > 0).map((m) => `${m.month}: ${m.count}`);
  return [
    ...formatFields([
      ['country', `${b.summary.country} (${b.summary.name})`], ['status', b.summary.status], ['may move to', b.transitions], ['conditions', b.summary.conditions],
      ['detainees held', n.detainees.held], ['detainees repatriated', n.detainees.repatriated],
      ['detainees by age (held)', Object.entries(n.detainees.byAgeGroup).map(([k, v]) => `${k} ${v}`)],
      ['camp residents present', n.residents.present], ['residents repatriated', n.residents.repatriated],
      ['residents by age', Object.entries(n.residents.byAgeGroup).map(([k, v]) => `${k} ${v}`)], ['adult women present', n.residents.women],
      ['by camp', Object.entries(n.residents.byCamp).map(([k, v]) => `${k} ${v}`)], ['camps not counted', n.withheldCamps],
      ['reaching 18 (24 months)', reaching], ['progress', pct(b.summary.progress)],
    ]),
    '', 'Engagements', ...engagementTable(b.engagements),
    '', 'Batches', ...batchTable(b.batches),
  ];
}
