import type { TCaseDetail, TCaseSummary, TDeclassRequest, TEvidenceItem, TQueue } from '../../cases/index.js';
import type { Column } from '../output.js';
import { formatFields, formatTable } from '../output.js';

const CASE_COLUMNS: Column<TCaseSummary>[] = [
  { header: 'REF', cell: (c) => c.ref },
  { header: 'STATUS', cell: (c) => c.status },
  { header: 'JURISDICTION', cell: (c) => `${c.jurisdiction.kind} ${c.jurisdiction.country}` },
  { header: 'AGENCY', cell: (c) => c.agency },
  { header: 'EVIDENCE', cell: (c) => String(c.evidence) },
  { header: 'TITLE', cell: (c) => `(${c.marking}) ${c.title}` },
];

/** The case list. */
export function caseTable(items: readonly TCaseSummary[]): string[] {
  return formatTable(items, CASE_COLUMNS);
}

/** One item: its versions the reader sees and its custody steps. */
export function itemLines(i: TEvidenceItem): string[] {
  const lines = [`${i.ref}  ${i.kind}  dated ${i.dated}  originated by ${i.agency}`];
  for (const v of i.versions) lines.push(`  v${v.number} ${v.origin.padEnd(9)} (${v.marking}) ${v.description}  [${v.contentType}, ${v.size} B, sha256 ${v.sha256.slice(0, 16)}…]`);
  for (const e of i.custody) lines.push(`  custody ${e.at} ${e.action} by ${e.actor}${e.place ? ` at ${e.place}` : ''} (${e.marking})`);
  return lines;
}

/** A case file: the case, detainees, readiness, evidence. */
export function caseLines(c: TCaseDetail): string[] {
  const r = c.readiness;
  return [
    ...formatFields([
      ['Case', `(${c.marking}) ${c.ref} ${c.title}`], ['Status', `${c.status} (version ${c.version})`],
      ['Jurisdiction', `${c.jurisdiction.kind} ${c.jurisdiction.country}${c.jurisdiction.name ? ` — ${c.jurisdiction.name}` : ''}`],
      ['Agency', c.agency], ['Charges', c.charges.join('; ') || '-'],
      ['Readiness', `(${r.marking}) ${r.releasable} of ${r.total} releasable to ${r.country}; ${r.pending} pending, ${r.denied} denied, ${r.notRequested} not requested`],
    ]),
    '', ...formatTable(c.detainees, [{ header: 'ISN', cell: (d) => d.isn }, { header: 'NAME', cell: (d) => d.name }, { header: 'NAT', cell: (d) => d.nationality }, { header: 'MARKING', cell: (d) => d.marking }]),
    '', ...c.items.flatMap(itemLines),
  ];
}

/** Every marking a case file shows, for its banner. */
export function caseMarkings(c: TCaseDetail): string[] {
  return [c.marking, c.readiness.marking, ...c.detainees.map((d) => d.marking), ...c.items.flatMap((i) => [...i.versions.map((v) => v.marking), ...i.custody.map((e) => e.marking)])];
}

/** A request in one block. */
export function requestLines(r: TDeclassRequest): string[] {
  return formatFields([
    ['Request', r.id], ['Item', `${r.item} v${r.version} (${r.marking}) in ${r.case}`], ['Audience', `${r.audience.kind} of ${r.audience.country}${r.audience.name ? ` (${r.audience.name})` : ''}`],
    ['Status', `${r.status}${r.overdue ? ' — OVERDUE' : ''}`], ['Due', r.dueAt], ['Expires', r.expiresAt], ['Requested by', `${r.requestedBy} at ${r.requestedAt}`],
    ['Outcome', r.outcome ?? '-'], ['Proposed marking', r.proposedMarking ?? '-'], ['Decided by', [r.decidedBy, r.confirmedBy].filter(Boolean).join(' + ') || '-'],
    ['Released version', r.resultVersion === null ? '-' : `v${r.resultVersion}`], ['Reason', r.reason ?? '-'], ['Signed with', r.signature?.key ?? '-'],
  ]);
}

/** The reviewer's queue. */
export function queueLines(q: TQueue): string[] {
  return [
    ...formatTable(q.items, [
      { header: 'REQUEST', cell: (r) => r.id }, { header: 'ITEM', cell: (r) => `${r.item} v${r.version}` }, { header: 'MARKING', cell: (r) => r.marking },
      { header: 'AUDIENCE', cell: (r) => `${r.audience.kind} ${r.audience.country}` }, { header: 'STATUS', cell: (r) => r.status }, { header: 'DUE', cell: (r) => `${r.dueAt.slice(0, 10)}${r.overdue ? ' OVERDUE' : ''}` },
    ]),
    `${q.items.length} requests, ${q.overdue} overdue`,
  ];
}
