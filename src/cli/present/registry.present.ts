import type { TDetainee, TFacility, TImportResult } from '../../registry/index.js';
import type { Column } from '../output.js';
import { formatFields, formatTable } from '../output.js';

const DETAINEE_COLUMNS: Column<TDetainee>[] = [
  { header: 'ISN', cell: (d) => d.isn },
  { header: 'LATIN NAME', cell: (d) => d.nameLatin },
  { header: 'ARABIC NAME', cell: (d) => d.nameAr },
  { header: 'NAT', cell: (d) => d.nationality },
  { header: 'RISK', cell: (d) => d.riskTier },
  { header: 'STATUS', cell: (d) => d.status },
  { header: 'FACILITY', cell: (d) => d.facility ?? '-' },
  { header: 'MARKING', cell: (d) => d.marking },
];

/** The detainee table: ISN, names in both scripts, nationality, risk tier, status, facility, marking. */
export function detaineeTable(items: readonly TDetainee[]): string[] {
  return formatTable(items, DETAINEE_COLUMNS);
}

/** One detainee as `key: value` lines. */
export function detaineeFields(d: TDetainee): string[] {
  return formatFields([
    ['ISN', d.isn],
    ['Latin name', d.nameLatin],
    ['Arabic name', d.nameAr],
    ['Aliases', d.aliases.map((a) => [a.nameLatin, a.nameAr].filter(Boolean).join(' / ') + ` (${a.kind})`)],
    ['Born', d.birthDate ?? d.birthYear],
    ['Birth place', d.birthPlace],
    ['Nationality', d.nationality],
    ['Sex', d.sex],
    ['Risk tier', d.riskTier],
    ['Legal status', d.legalStatus],
    ['Status', d.status],
    ['Facility', d.facility],
    ['Custodian', d.custodian],
    ['Keep apart', d.keepApart],
    ['Medical', d.medical],
    ['Marking', d.marking],
    ['Version', d.version],
    ['Created', d.createdAt],
    ['Updated', d.updatedAt],
    ['Id', d.id],
  ]);
}

const FACILITY_COLUMNS: Column<TFacility>[] = [
  { header: 'CODE', cell: (f) => f.code },
  { header: 'NAME', cell: (f) => f.name },
  { header: 'KIND', cell: (f) => f.kind },
  { header: 'COUNTRY', cell: (f) => f.country },
  { header: 'STATUS', cell: (f) => f.status },
  { header: 'POPULATION', cell: (f) => String(f.population) },
  { header: 'HELD', cell: (f) => String(f.detaineesHeld) },
  { header: 'RISK', cell: (f) => f.collapseRisk.toFixed(2) },
  { header: 'MARKING', cell: (f) => f.marking },
];

/** The facility table: code, name, kind, country, status, population, visible detainees held, risk, marking. */
export function facilityTable(items: readonly TFacility[]): string[] {
  return formatTable(items, FACILITY_COLUMNS);
}

/** What an import did, in a sentence per outcome. */
export function importSummary(r: TImportResult): string[] {
  const lines = [`imported ${r.created} detainee${r.created === 1 ? '' : 's'}`];
  for (const p of r.pendingReview) lines.push(`row ${p.row}: held for review ${p.reviewId} (ISN already registered)`);
  return lines;
}
