import type { TBundleCheck, TCustodyKeys, THandover, TTimeline, TVerifyReport } from '../../custody/index.js';
import { formatFields, formatTable } from '../output.js';

/** Text renderings of custody answers for a person at a terminal. */

export function keysTable(k: TCustodyKeys): string[] {
  return formatTable(k.keys, [
    { header: 'ROLE', cell: (r) => r.role },
    { header: 'AGENCY', cell: (r) => r.agency ?? '-' },
    { header: 'GEN', cell: (r) => String(r.generation) },
    { header: 'CURRENT', cell: (r) => (r.current ? 'yes' : '') },
    { header: 'VERIFIER KEY', cell: (r) => r.verifier },
  ]);
}

export function handoverFields(h: THandover): string[] {
  return formatFields([
    ['Handover', h.id], ['Status', h.status], ['Detainee', h.detainee],
    ['From', `${h.from.agency} at ${h.from.place} (key ${h.from.key})`], ['To', `${h.to.agency} at ${h.to.place} (key ${h.to.key})`],
    ['Time', h.time], ['Signed by', h.signedBy], ['Log index', h.logIndex],
  ]);
}

export function handoverTable(items: readonly THandover[]): string[] {
  return formatTable(items, [
    { header: 'ID', cell: (h) => h.id },
    { header: 'STATUS', cell: (h) => h.status },
    { header: 'DETAINEE', cell: (h) => h.detainee },
    { header: 'FROM', cell: (h) => `${h.from.agency}@${h.from.place}` },
    { header: 'TO', cell: (h) => `${h.to.agency}@${h.to.place}` },
    { header: 'SIGNED BY', cell: (h) => h.signedBy.join(', ') },
  ]);
}

export function timelineLines(t: TTimeline): string[] {
  const rows = formatTable(t.entries, [
    { header: 'INDEX', cell: (e) => String(e.index) },
    { header: 'TIME', cell: (e) => e.event.time },
    { header: 'EVENT', cell: (e) => e.event.type },
    { header: 'CUSTODY', cell: (e) => (e.event.type === 'handover' ? `${e.event.from.agency}@${e.event.from.place} -> ${e.event.to.agency}@${e.event.to.place}` : `${e.event.custodian.agency}@${e.event.custodian.place}`) },
    { header: 'SIGNED BY', cell: (e) => e.signedBy.join(', ') || 'INVALID' },
    { header: 'PROOF', cell: (e) => (e.proof === 'verified' ? 'verified' : 'FAILED') },
  ]);
  const chain = t.chain.ok ? 'unbroken' : `BROKEN at entry ${t.chain.at ?? '?'}: ${t.chain.fault ?? ''}`;
  const head = t.checkpoint ? `checkpoint size ${t.checkpoint.size}, root ${t.checkpoint.root}` : 'no checkpoint';
  return [
    `Detainee ${t.detainee}: custodian ${t.custodian ? `${t.custodian.agency} at ${t.custodian.place}` : 'none'}; chain ${chain}; ${head}`,
    ...rows,
    ...t.pending.map((h) => `pending handover ${h.id}: ${h.from.agency} -> ${h.to.agency}@${h.to.place}, signed by ${h.signedBy.join(', ')}`),
  ];
}

export function verifyLines(r: TVerifyReport): string[] {
  const counts = `${r.entries} entries, ${r.nodes} subtree hashes, ${r.checkpoints} checkpoints, ${r.signatures} signatures, ${r.witnessHeads} witnessed heads`;
  if (r.ok) return [`custody log verified: size ${r.size}; ${counts}`];
  const where = r.firstBad?.index === null || r.firstBad === null ? '' : ` at entry ${r.firstBad.index}`;
  return [`custody log FAILED verification${where}: ${r.firstBad?.what ?? ''}: ${r.firstBad?.reason ?? ''}`, `checked before the fault: ${counts}`];
}

export function bundleLines(c: TBundleCheck): string[] {
  if (c.ok) {
    return [
      `bundle OK: detainee ${c.detainee ?? '?'}, ${c.entries} entries, checkpoint ${c.checkpoint?.origin ?? ''} size ${c.checkpoint?.size ?? 0} root ${c.checkpoint?.root ?? ''}`,
      `custody now: ${c.custodian ? `${c.custodian.agency} at ${c.custodian.place}` : 'none (closed)'}`,
    ];
  }
  return [`bundle REJECTED (${c.problems.length} problems):`, ...c.problems.map((p) => `  ${p}`)];
}
