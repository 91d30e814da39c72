import { contextFor, operatorPrincipal, type Ctx, type Principal, type Role } from '../../src/access/index.js';
import { seedCampRecords } from '../../src/camps/index.js';
import { DomainError, FixedClock } from '../../src/kernel/index.js';
import { buildAgency, buildDetainee, buildFacility, buildUser, operatorCtx } from '../support/factories.js';
import { clientFor, openHttpWorld, type Client, type HttpWorld } from '../http/harness.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import type { DialectName } from '../../src/store/index.js';

/**
 * A camps world on one dialect: the holding force (HF) guarding camps HOL and ROJ, a new authority (NA) to
 * take over, a child-protection agency (CPA) and a diplomatic ministry (DIPLO) with the baseline agreements,
 * one detainee, and the camps' baseline (sections, control, agreements) as the scenario loader records it.
 */
export interface CampWorld {
  store: TestStore;
  clock: FixedClock;
  agencies: Record<'HF' | 'NA' | 'CPA' | 'DIPLO', string>;
  /** A principal of an agency with roles; groups CHILD unless told otherwise. */
  as(agency: keyof CampWorld['agencies'], roles: Role[], over?: Partial<Principal>): Ctx;
  detaineeIsn: string;
  close(): Promise<void>;
}

/** The date every camps suite starts on. */
export const START = '2026-01-10T08:00:00.000Z';
export const EPOCH = '2025-10-27T00:00:00.000Z';

const COUNTRY = { HF: 'SYR', NA: 'SYR', CPA: 'CHE', DIPLO: 'USA' } as const;

export async function openCampWorld(dialect: DialectName): Promise<CampWorld> {
  const store = await openTestStore(dialect);
  const clock = new FixedClock(START);
  const hf = await buildAgency(store, clock, { code: 'HF', country: 'SYR', kind: 'holding-force' });
  const na = await buildAgency(store, clock, { code: 'NA', country: 'SYR', kind: 'justice' });
  const cpa = await buildAgency(store, clock, { code: 'CPA', country: 'CHE', kind: 'child-protection' });
  const diplo = await buildAgency(store, clock, { code: 'DIPLO', country: 'USA', kind: 'diplomatic' });
  const admin = contextFor(store.db, { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] }, clock);
  for (const code of ['HOL', 'ROJ']) {
    await buildFacility(admin, { code, kind: 'camp', guardAgency: 'HF', marking: 'U', capacity: 40000, population: 0 });
  }
  const detainee = await buildDetainee(admin, 77, { marking: 'C//REL TO IRQ, SYR, USA, CHE' });
  await seedCampRecords(operatorCtx(store, clock), store.db, { epoch: EPOCH });
  const agencies = { HF: hf.id, NA: na.id, CPA: cpa.id, DIPLO: diplo.id };
  return {
    store, clock, agencies, detaineeIsn: detainee.isn,
    as: (agency, roles, over = {}) => contextFor(store.db, {
      userId: null, username: `${agency.toLowerCase()}.${roles[0] ?? 'user'}`, agencyId: agencies[agency], agencyCode: agency,
      country: COUNTRY[agency], clearance: 'S', roles, groups: ['CHILD'], ...over,
    }, clock),
    close: () => store.drop(),
  };
}

/** A CSV of residents: the header and the given rows (each a record of column → value). */
export function csvOf(rows: Record<string, string>[]): string {
  const cols = ['camp', 'household', 'section', 'name_ar', 'name_latin', 'sex', 'birth_date', 'birth_year', 'nationality', 'relation', 'languages', 'vulnerabilities', 'related_detainee', 'marking', 'arrival', 'shelter'];
  const cell = (v: string | undefined) => (v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n');
}

/** A household of a mother (head, married to the detainee) and two children, in al-Hol phase 1. */
export function motherWithTwo(code: string, isn: string, over: Partial<Record<'arrival', string>> = {}): Record<string, string>[] {
  const base = { camp: 'HOL', household: code, section: 'PH1', nationality: 'IRQ', marking: 'C//REL TO CHE, IRQ, SYR, USA', arrival: over.arrival ?? '2025-12-01' };
  return [
    { ...base, name_ar: 'فاطمة حسن', name_latin: 'Fatima Hassan', sex: 'F', birth_date: '1994-03-15', relation: 'head', languages: 'ar', related_detainee: isn },
    { ...base, name_ar: 'عمر', name_latin: 'Omar', sex: 'M', birth_date: '2014-02-28', relation: 'son', related_detainee: isn },
    { ...base, name_ar: 'مريم', name_latin: 'Maryam', sex: 'F', birth_date: '2019-07-01', relation: 'daughter' },
  ];
}

/** The error a promise rejects with, which must be a DomainError. */
export async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

/**
 * The camps HTTP world on one dialect: the holding force (HF, staff with child protection) guarding camp HOL,
 * an Iraqi viewer without a data-sharing agreement, one detainee and the camps' baseline.
 */
export interface CampHttpWorld {
  w: HttpWorld;
  /** hf.staff: S, registrar + custodian + child-protection. */
  hf: Client;
  /** moj.viewer: C, viewer, no agreement with the holding force. */
  irq: Client;
  isn: string;
}

export async function openCampHttpWorld(dialect: DialectName): Promise<CampHttpWorld> {
  const w = await openHttpWorld(dialect);
  await buildAgency(w.store, w.clock, { code: 'HF', country: 'SYR', kind: 'holding-force' });
  await buildUser(w.store, w.clock, { username: 'hf.staff', agency: 'HF', clearance: 'S', roles: ['registrar', 'custodian', 'child-protection'], groups: ['CHILD'] });
  await buildUser(w.store, w.clock, { username: 'moj.viewer', agency: 'IRQ-MOJ', clearance: 'C', roles: ['viewer'], groups: ['CHILD'] });
  const admin = contextFor(w.store.db, { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] }, w.clock);
  await buildFacility(admin, { code: 'HOL', kind: 'camp', guardAgency: 'HF', marking: 'U' });
  const isn = (await buildDetainee(admin, 5, { marking: 'C//REL TO CHE, IRQ, SYR, USA' })).isn;
  await seedCampRecords(operatorCtx(w.store, w.clock), w.store.db, { epoch: EPOCH });
  return { w, hf: await clientFor(w.app, 'hf.staff'), irq: await clientFor(w.app, 'moj.viewer'), isn };
}
