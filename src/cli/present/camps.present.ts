import type { TCampAuthority, TCampOverview, TCampResident, TCampSummary, TCohorts, TReleaseResult, TResidentImportResult } from '../../camps/index.js';
import type { Column } from '../output.js';
import { formatFields, formatTable } from '../output.js';

const WITHHELD = '(withheld)';
const shown = (v: string | number | null | undefined): string => (v === undefined ? WITHHELD : v === null ? '-' : String(v));

const CAMP_COLUMNS: Column<TCampSummary>[] = [
  { header: 'CODE', cell: (c) => c.code },
  { header: 'NAME', cell: (c) => c.name },
  { header: 'POPULATION', cell: (c) => String(c.population) },
  { header: 'AUTHORITY', cell: (c) => c.authority ?? '-' },
];

/** The camps table: code, name, present population the user may see, controlling authority. */
export function campTable(items: readonly TCampSummary[]): string[] {
  return formatTable(items, CAMP_COLUMNS);
}

/** A camp's overview: its figures, then sections, nationalities and the age pyramid when shown. */
export function overviewLines(o: TCampOverview): string[] {
  const lines = formatFields([['Camp', `${o.code} ${o.name}`], ['Population', o.population], ['Authority', o.authority], ['Withheld from you', o.withheld]]);
  if (o.sections) lines.push('', ...formatTable(o.sections, [{ header: 'SECTION', cell: (s) => s.code }, { header: 'NAME', cell: (s) => s.name }, { header: 'PRESENT', cell: (s) => String(s.population) }]));
  if (o.nationalities) lines.push('', ...formatTable(o.nationalities.slice(0, 15), [{ header: 'NATIONALITY', cell: (n) => n.nationality }, { header: 'PRESENT', cell: (n) => String(n.count) }]));
  if (o.pyramid) lines.push('', ...formatTable(o.pyramid, [{ header: 'AGE', cell: (b) => b.band }, { header: 'FEMALE', cell: (b) => String(b.female) }, { header: 'MALE', cell: (b) => String(b.male) }]));
  return lines;
}

const RESIDENT_COLUMNS: Column<TCampResident>[] = [
  { header: 'ID', cell: (r) => r.id },
  { header: 'CAMP', cell: (r) => r.camp },
  { header: 'LATIN NAME', cell: (r) => shown(r.nameLatin) },
  { header: 'ARABIC NAME', cell: (r) => shown(r.nameAr) },
  { header: 'SEX', cell: (r) => shown(r.sex) },
  { header: 'AGE', cell: (r) => (r.age === undefined ? WITHHELD : r.age === null ? '-' : `${r.age}${r.birthEstimated ? '~' : ''}`) },
  { header: 'NAT', cell: (r) => shown(r.nationality) },
  { header: 'HOUSEHOLD', cell: (r) => shown(r.household) },
  { header: 'STATUS', cell: (r) => r.status },
  { header: 'MARKING', cell: (r) => r.marking },
];

/** The residents table; a field the user may not see shows as `(withheld)`, an estimated age with `~`. */
export function residentTable(items: readonly TCampResident[]): string[] {
  return formatTable(items, RESIDENT_COLUMNS);
}

/** Cohort cells as rows: camp, nationality, age, month, count (and how many rest on an estimated year). */
export function cohortLines(c: TCohorts): string[] {
  const rows = c.camps.flatMap((camp) => camp.groups.flatMap((g) => g.cells.map((cell) => ({ camp: camp.camp, nat: g.nationality ?? WITHHELD, ...cell }))));
  const groups = c.camps.flatMap((camp) => camp.groups.map((g) => ({ camp: camp.camp, ...g })));
  return [
    ...formatTable(groups, [
      { header: 'CAMP', cell: (g) => g.camp }, { header: 'NAT', cell: (g) => g.nationality ?? WITHHELD }, { header: 'CHILDREN', cell: (g) => String(g.children) },
      { header: 'NO GUARDIAN', cell: (g) => shown(g.withoutGuardian) }, { header: 'PARENT DETAINED', cell: (g) => shown(g.parentDetained) },
    ]),
    '',
    ...formatTable(rows, [
      { header: 'CAMP', cell: (r) => r.camp }, { header: 'NAT', cell: (r) => r.nat }, { header: 'REACHES', cell: (r) => String(r.age) },
      { header: 'MONTH', cell: (r) => r.month }, { header: 'COUNT', cell: (r) => String(r.count) }, { header: 'ESTIMATED', cell: (r) => String(r.estimated) },
    ]),
  ];
}

/** What an import did. */
export function importLines(r: TResidentImportResult): string[] {
  return [
    `imported ${r.created} resident${r.created === 1 ? '' : 's'} in ${r.households} new household${r.households === 1 ? '' : 's'}; ${r.shelters} shelter${r.shelters === 1 ? '' : 's'} created`,
    ...r.flags.map((f) => `row ${f.row} ${f.field}: ${f.reason}`),
    ...r.pendingReview.map((p) => `row ${p.row}: held for review ${p.reviewId} (a reviewer decides whether it duplicates a registered resident)`),
  ];
}

/** What a release did. */
export function releaseLines(r: TReleaseResult): string[] {
  return [
    `released ${r.released.length} from ${r.camp} (batch ${r.batch}, under ${r.authority ?? 'no recorded authority'}); ${r.population} present now`,
    ...r.released.map((x) => `  ${x.id}${x.guardian ? ` with guardian ${x.guardian}` : ''}`),
  ];
}

/** Who controls a camp and the agreements on it. */
export function authorityLines(a: TCampAuthority): string[] {
  return [
    ...formatFields([['Camp', a.camp], ['Authority now', a.current], ['Your fields', a.yourFields]]),
    '',
    ...formatTable(a.control, [{ header: 'AUTHORITY', cell: (c) => c.agency }, { header: 'FROM', cell: (c) => c.from }, { header: 'UNTIL', cell: (c) => c.until ?? '-' }]),
    '',
    ...formatTable(a.agreements, [{ header: 'AGENCY', cell: (g) => g.agency }, { header: 'FROM', cell: (g) => g.from }, { header: 'FIELDS', cell: (g) => g.fields.join(',') || '(none)' }, { header: 'REFERENCE', cell: (g) => g.reference }]),
  ];
}
