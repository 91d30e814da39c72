import type { TAgreement } from '../../agreements/index.js';
import type { TAlert, TBacktest, TConflictEvent, TFacilityRisk, TImportResult, TIndicator, TRiskBoard, TRiskHistory } from '../../warning/index.js';
import { formatFields, formatTable } from '../output.js';

const pct = (p: number) => `${(p * 100).toFixed(1)} %`;
const num = (v: number | null) => (v === null ? '-' : String(v));

/** The risk board: sites riskiest first with the 7- and 30-day breach probabilities and the largest factor. */
export function boardLines(b: TRiskBoard): string[] {
  return [
    `as of ${b.asOf}, model ${b.model}; alerts at ${pct(b.thresholds.warning)} (warning) and ${pct(b.thresholds.critical)} (critical) within 7 days`,
    ...formatTable(b.items, [
      { header: 'SITE', cell: (i) => i.facility },
      { header: 'LEVEL', cell: (i) => i.level },
      { header: 'P(7 D)', cell: (i) => pct(i.p7) },
      { header: 'P(30 D)', cell: (i) => pct(i.p30) },
      { header: 'HAZARD/H', cell: (i) => i.hazardPerHour.toExponential(2) },
      { header: 'TOP FACTOR', cell: (i) => [...i.factors].sort((x, y) => y.contribution - x.contribution)[0]?.label ?? '-' },
      { header: 'ALERTS', cell: (i) => String(i.openAlerts) },
      { header: 'MARKING', cell: (i) => i.marking },
    ]),
  ];
}

/** One site's risk with every factor's input, weight and contribution. */
export function riskLines(r: TFacilityRisk): string[] {
  return [
    ...formatFields([['Site', `${r.facility} ${r.name}`], ['As of', r.asOf], ['Level', r.level], ['P(breach within 7 days)', pct(r.p7)], ['P(breach within 30 days)', pct(r.p30)],
      ['Hazard per hour', r.hazardPerHour.toExponential(3)], ['Breached at', r.breachedAt], ['Inputs', `${r.inputs.events} events, ${r.inputs.observations} observations, latest ${r.inputs.latestData ?? '-'}`]]),
    '',
    ...formatTable(r.factors, [
      { header: 'FACTOR', cell: (f) => f.label },
      { header: 'INPUT', cell: (f) => (f.input === null ? '-' : Number(f.input.toFixed(2)).toString()) },
      { header: 'X', cell: (f) => f.x.toFixed(3) },
      { header: 'WEIGHT', cell: (f) => f.weight.toFixed(2) },
      { header: 'CONTRIBUTION', cell: (f) => f.contribution.toFixed(3) },
      { header: 'HAZARD ×', cell: (f) => f.hazardRatio.toFixed(2) },
    ]),
  ];
}

/** A site's history as a table with a bar per point. */
export function historyLines(h: TRiskHistory): string[] {
  return formatTable(h.points, [
    { header: 'AT', cell: (p) => p.at.slice(0, 16) },
    { header: 'P(7 D)', cell: (p) => pct(p.p7) },
    { header: '', cell: (p) => '#'.repeat(Math.round(p.p7 * 40)) },
  ]);
}

export function alertTable(items: readonly TAlert[]): string[] {
  return formatTable(items, [
    { header: 'ID', cell: (a) => a.id },
    { header: 'SITE', cell: (a) => a.facility },
    { header: 'LEVEL', cell: (a) => a.level },
    { header: 'AS OF', cell: (a) => a.asOf.slice(0, 16) },
    { header: 'P(7 D)', cell: (a) => pct(a.p7) },
    { header: 'STATUS', cell: (a) => (a.status === 'open' ? 'open' : `acknowledged by ${a.acknowledgedBy ?? '-'}`) },
    { header: 'MARKING', cell: (a) => a.marking },
  ]);
}

export function eventTable(items: readonly TConflictEvent[]): string[] {
  return formatTable(items, [
    { header: 'DATE', cell: (e) => e.eventDate },
    { header: 'TYPE', cell: (e) => e.subEventType },
    { header: 'LOCATION', cell: (e) => e.location },
    { header: 'LAT', cell: (e) => e.latitude.toFixed(3) },
    { header: 'LON', cell: (e) => e.longitude.toFixed(3) },
    { header: 'FATALITIES', cell: (e) => String(e.fatalities) },
    { header: 'MARKING', cell: (e) => e.marking },
  ]);
}

export function indicatorTable(items: readonly TIndicator[]): string[] {
  return formatTable(items, [
    { header: 'OBSERVED', cell: (i) => i.observedAt.slice(0, 16) },
    { header: 'GUARDS', cell: (i) => num(i.guardStrength) },
    { header: 'POP', cell: (i) => num(i.population) },
    { header: 'CAP', cell: (i) => num(i.capacity) },
    { header: 'RESUPPLY D', cell: (i) => num(i.daysSinceResupply) },
    { header: 'RIOTS', cell: (i) => num(i.riots) },
    { header: 'ESCAPES', cell: (i) => num(i.escapeAttempts) },
    { header: 'DESERTIONS', cell: (i) => num(i.guardDesertions) },
    { header: 'AREA', cell: (i) => i.areaControl ?? '-' },
    { header: 'MARKING', cell: (i) => i.marking },
  ]);
}

export function importLines(r: TImportResult): string[] {
  return [`imported ${r.imported} events (${r.firstDate ?? '-'} to ${r.lastDate ?? '-'}), import ${r.importId}; ${r.alertsRaised} alert(s) raised`];
}

export function backtestLines(b: TBacktest): string[] {
  const rate = (x: number, of: number) => (of === 0 ? '-' : `${x}/${of} (${pct(x / of)})`);
  return formatFields([
    ['First to fall', b.firstFallen === null ? 'no breach in the history you may see' : `${b.firstFallen} at ${b.firstFallAt}`],
    ['Ranked highest before it fell', rate(b.rankedFirst, b.rankedOf)],
    ['… in the last 14 days', rate(b.rankedFirstLast14Days, b.rankedOfLast14Days)],
    ['Brier score (P 7 days)', b.brier === null ? '-' : b.brier.toFixed(4)],
    ['Brier score of the base rate', b.brierBaseRate === null ? '-' : b.brierBaseRate.toFixed(4)],
    ['Forecasts scored', b.forecasts],
    ['Breaches', b.breaches.map((x) => `${x.facility} ${x.at}`)],
  ]);
}

export function agreementTable(items: readonly TAgreement[]): string[] {
  return formatTable(items, [
    { header: 'CODE', cell: (a) => a.code },
    { header: 'STATUS', cell: (a) => a.status },
    { header: 'PARTIES', cell: (a) => `${a.parties.holding} → ${a.parties.receiving} (${a.parties.airlift})` },
    { header: 'TO', cell: (a) => a.destination },
    { header: 'VALID', cell: (a) => `${a.validFrom}..${a.validTo ?? ''}` },
    { header: 'PER DAY', cell: (a) => num(a.perDay) },
    { header: 'MARKING', cell: (a) => a.marking },
  ]);
}

export function agreementLines(a: TAgreement): string[] {
  return [
    ...formatFields([
      ['Agreement', `${a.code} ${a.title}`], ['Status', `${a.status} (version ${a.version})`], ['Holding force', a.parties.holding], ['Receiving government', a.parties.receiving],
      ['Airlift command', a.parties.airlift], ['Destination', a.destination], ['Valid', `${a.validFrom} to ${a.validTo ?? 'open'}`], ['Per day', a.perDay],
      ['Per nationality', Object.entries(a.nationalityQuotas).map(([k, v]) => `${k} ${v}`)],
    ]),
    '', 'Assurances:', ...a.assurances.map((x) => `  ${x.kind}: ${x.text}`),
    '', 'Conditions:', ...a.conditions.map((x) => `  ${x.kind}${x.value === undefined ? '' : ` (${x.value})`}: ${x.text}`),
    '', 'History:', ...a.history.map((h) => `  ${h.at} ${h.from ?? 'new'} → ${h.to} by ${h.by}${h.note ? `: ${h.note}` : ''}`),
  ];
}
