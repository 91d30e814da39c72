import { newId } from '../kernel/index.js';
import { requirePermission, type Ctx } from '../access/index.js';
import type { CampAgreementsTable, CampFamilyLinksTable, CampGuardianshipsTable, CampResidentDetailsTable, CampSectionsTable, Db } from '../store/index.js';
import { ageOn, birthRef, type Birth } from './age.js';
import { insertAgreements, insertControl, insertSections, selectAgencies, selectAllCamps, selectSections } from './camp.store.js';
import { CAMP_FIELDS, type CampField } from './camps.schemas.js';
import { insertShelters } from './household.store.js';
import { insertFamilyLinks, insertGuardianships } from './links.store.js';
import { insertMovements, type NewMovement } from './movement.store.js';
import { insertPeople } from './resident.store.js';
import { selectAllHouseholds, selectUnseededResidents, type SeedResident } from './seed.store.js';

/**
 * The camps' baseline for a loaded scenario: sections and shelters, each resident's details and arrival (at
 * the scenario's epoch, under the camp's guard force), guardians, links to detained husbands and fathers, the
 * control history and the partners' data-sharing agreements. Deterministic: the same scenario gives the same
 * records (ids apart).
 */

// al-Hol: eight phases and the annex that holds foreign nationals; Roj: the main camp and its extension.
const LAYOUT: Readonly<Record<string, readonly [string, string, CampSectionsTable['kind']][]>> = {
  HOL: [...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`PH${n}`, `Phase ${n}`, 'phase'] as [string, string, string]), ['ANX', 'Annex', 'annex']],
  ROJ: [['MAIN', 'Main camp', 'phase'], ['EXT', 'Extension', 'annex']],
};
const DEFAULT_LAYOUT: readonly [string, string, string][] = [['MAIN', 'Main camp', 'phase']];
const LOCAL = new Set(['IRQ', 'SYR']);
const ARABIC = new Set(['IRQ', 'SYR', 'SAU', 'JOR', 'LBN', 'EGY', 'TUN', 'MAR', 'DZA', 'LBY', 'YEM', 'SDN', 'PSE', 'KWT', 'ARE', 'QAT', 'BHR', 'OMN', 'SOM', 'MRT']);
const LANGUAGES: Readonly<Record<string, string>> = { TUR: 'tr', FRA: 'fr', BEL: 'fr', DEU: 'de', AUT: 'de', GBR: 'en', USA: 'en', RUS: 'ru', KAZ: 'kk', UZB: 'uz', TJK: 'tg', AZE: 'az', IRN: 'fa', AFG: 'ps', PAK: 'ur', IDN: 'id', MYS: 'ms', NLD: 'nl', SWE: 'sv', CHN: 'zh' };
const REPATRIATION: readonly CampField[] = ['names', 'sex', 'birth', 'nationality', 'household', 'movements'];
const SHARED: Readonly<Record<string, readonly CampField[]>> = {
  'child-protection': CAMP_FIELDS, humanitarian: CAMP_FIELDS, diplomatic: REPATRIATION, embassy: REPATRIATION, military: REPATRIATION,
};
const ADULT = 18;

function languagesOf(nationality: string): string[] {
  const own = LANGUAGES[nationality];
  return [...(ARABIC.has(nationality) ? ['ar'] : []), ...(own ? [own] : [])];
}

function birthOfSeed(r: SeedResident, epochDate: string): Birth {
  // The registrar writes 1 January for an adult who knows only the year: an estimate, not a date.
  const year = r.birth_date ? Number(r.birth_date.slice(0, 4)) : null;
  const adult = r.birth_date !== null && (ageOn({ date: r.birth_date, year, estimated: false }, epochDate) ?? 0) >= ADULT;
  return { date: r.birth_date, year, estimated: adult && r.birth_date!.endsWith('-01-01') };
}

async function seedLayout(ctx: Ctx, db: Db, camps: { id: string; code: string }[], at: string): Promise<Map<string, string>> {
  const sectionRows = camps.flatMap((c) => (LAYOUT[c.code] ?? DEFAULT_LAYOUT).map(([code, name, kind]) => ({ id: newId(ctx.clock.now().getTime()), facility_id: c.id, code, name, kind, created_at: at })));
  await insertSections(db, sectionRows);
  const sections = await selectSections(db, camps.map((c) => c.id));
  const households = await selectAllHouseholds(db, camps.map((c) => c.id));
  const sectionOf = new Map<string, string>();
  const shelters: { id: string; section_id: string; code: string; household_id: string; created_at: string }[] = [];
  const counters = new Map<string, number>();
  households.forEach((h, i) => {
    const mine = sections.filter((s) => s.facility_id === h.facility_id);
    const annex = mine.find((s) => s.kind === 'annex' && !LOCAL.has(h.nationality));
    const phases = mine.filter((s) => s.kind === 'phase');
    const s = annex ?? phases[i % Math.max(1, phases.length)] ?? mine[0];
    if (!s) return;
    const n = (counters.get(s.id) ?? 0) + 1;
    counters.set(s.id, n);
    sectionOf.set(h.id, s.id);
    shelters.push({ id: newId(ctx.clock.now().getTime()), section_id: s.id, code: `${s.code}-${String(n).padStart(5, '0')}`, household_id: h.id, created_at: at });
  });
  await insertShelters(db, shelters);
  return sectionOf;
}

async function seedControl(ctx: Ctx, db: Db, camps: { id: string; guard_agency_id: string | null }[], at: string): Promise<void> {
  const agencies = await selectAgencies(db);
  const who = { recorded_by: ctx.principal.username, recorded_at: ctx.clock.now().toISOString() };
  await insertControl(db, camps.flatMap((c) => (c.guard_agency_id ? [{ id: newId(), facility_id: c.id, agency_id: c.guard_agency_id, from_at: at, reference: 'scenario baseline', ...who }] : [])));
  const agreements: CampAgreementsTable[] = camps.flatMap((c) => agencies.flatMap((a) => {
    const fields = SHARED[a.kind];
    return fields && a.id !== c.guard_agency_id ? [{ id: newId(), facility_id: c.id, agency_id: a.id, fields: JSON.stringify(fields), from_at: at, reference: 'baseline data-sharing arrangement', ...who }] : [];
  }));
  await insertAgreements(db, agreements);
}

/**
 * Records the camps' baseline for the residents loaded by a scenario (those with no camp details yet), as of
 * the scenario's `epoch`. Requires `scenario:load`; the loader calls it in its transaction and audits the load.
 */
export async function seedCampRecords(ctx: Ctx, db: Db, opts: { epoch: string }): Promise<{ residents: number }> {
  requirePermission(ctx.principal, 'scenario:load');
  const at = new Date(opts.epoch).toISOString();
  const epochDate = at.slice(0, 10);
  const camps = await selectAllCamps(db);
  // A store seeded before keeps its layout and control; only residents without details are added.
  const fresh = (await selectSections(db, camps.map((c) => c.id))).length === 0;
  if (fresh) await seedControl(ctx, db, camps, at);
  const sectionOf = fresh ? await seedLayout(ctx, db, camps, at) : new Map<string, string>();
  const residents = await selectUnseededResidents(db, camps.map((c) => c.id));
  const who = { recorded_by: ctx.principal.username, recorded_at: ctx.clock.now().toISOString() };
  const details: CampResidentDetailsTable[] = [];
  const movements: NewMovement[] = [];
  const guardians: CampGuardianshipsTable[] = [];
  const links: CampFamilyLinksTable[] = [];
  const guard = new Map(camps.map((c) => [c.id, c.guard_agency_id]));
  const byHousehold = new Map<string, SeedResident[]>();
  for (const r of residents) byHousehold.set(r.household_id, [...(byHousehold.get(r.household_id) ?? []), r]);
  for (const members of byHousehold.values()) {
    const head = members.find((m) => m.relation === 'head');
    const ages = new Map(members.map((m) => [m.id, ageOn(birthOfSeed(m, epochDate), epochDate) ?? ADULT]));
    const adultHead = head !== undefined && (ages.get(head.id) ?? 0) >= ADULT;
    for (const r of members) {
      const birth = birthOfSeed(r, epochDate);
      const child = (ages.get(r.id) ?? ADULT) < ADULT;
      const guarded = child && adultHead && r.relation !== 'other' && r !== head;
      const vulnerabilities = child && !guarded ? [adultHead ? 'separated-child' : 'unaccompanied-child'] : [];
      const sectionId = sectionOf.get(r.household_id) ?? null;
      details.push({ resident_id: r.id, section_id: sectionId, birth_year: birth.year, birth_estimated: birth.estimated ? 1 : 0, birth_ref: birthRef(birth), languages: JSON.stringify(languagesOf(r.nationality)), vulnerabilities: JSON.stringify(vulnerabilities), updated_at: at });
      movements.push({ id: newId(), resident_id: r.id, kind: 'arrival', at, facility_id: r.facility_id, section_id: sectionId, from_facility_id: null, from_section_id: null, authority_agency_id: guard.get(r.facility_id) ?? null, released_to: null, destination: null, destination_country: null, agreement_ref: null, guardian_resident_id: null, batch_id: null, note: 'scenario baseline', marking_id: r.marking_id, ...who });
      if (guarded) guardians.push({ id: newId(), child_id: r.id, guardian_resident_id: head.id, guardian_name: null, kind: r.relation === 'son' || r.relation === 'daughter' ? 'parent' : 'relative', since: epochDate, until: null, marking_id: r.marking_id, ...who });
      if (r.related_detainee_id) links.push({ id: newId(), resident_id: r.id, kind: 'detainee', relation: r.relation === 'head' ? 'husband' : 'father', related_resident_id: null, detainee_id: r.related_detainee_id, relative_name: null, relative_country: null, note: null, marking_id: r.marking_id, ...who });
    }
  }
  await insertPeople(db, { households: [], residents: [], details });
  await insertMovements(db, movements);
  await insertGuardianships(db, guardians);
  await insertFamilyLinks(db, links);
  return { residents: residents.length };
}
