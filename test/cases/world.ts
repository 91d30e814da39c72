import { contextFor, type Ctx, type Principal } from '../../src/access/index.js';
import { createAgencyKey, custodyCtx, memoryKeyring, type CustodyCtx, type Keyring } from '../../src/custody/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import type { DialectName } from '../../src/store/index.js';
import { buildAgency, buildDetainee, operatorCtx } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import type { Role } from '../../src/access/index.js';

/**
 * A cases world on one dialect: an intelligence service (INTEL, USA) that originates reports and has two
 * reviewers, a law-enforcement team (LEID, USA) with a prosecutor and a reviewer, the receiving ministry of
 * justice (MOJ, IRQ) with its prosecutor, a French prosecutor's office (PNAT, FRA); signing keys for INTEL
 * and LEID, and three detainees.
 */
export interface CasesWorld {
  store: TestStore;
  clock: FixedClock;
  keyring: Keyring;
  agencies: Record<Agency, string>;
  isns: string[];
  /** A principal of an agency (username readable), TS and LES/HCS unless told otherwise. */
  principal(agency: Agency, roles: Role[], over?: Partial<Principal>): Principal;
  ctx(p: Principal): Ctx;
  cx(p: Principal): CustodyCtx;
  close(): Promise<void>;
}

export type Agency = 'INTEL' | 'LEID' | 'MOJ' | 'PNAT';
const COUNTRY: Record<Agency, string> = { INTEL: 'USA', LEID: 'USA', MOJ: 'IRQ', PNAT: 'FRA' };
export const START = '2026-02-01T08:00:00.000Z';

export async function openCasesWorld(dialect: DialectName, opts: { keys?: boolean } = {}): Promise<CasesWorld> {
  const store = await openTestStore(dialect);
  const clock = new FixedClock(START);
  const keyring = memoryKeyring();
  const agencies = {} as Record<Agency, string>;
  for (const [code, kind] of [['INTEL', 'intelligence'], ['LEID', 'law-enforcement'], ['MOJ', 'justice'], ['PNAT', 'justice']] as const) {
    agencies[code] = (await buildAgency(store, clock, { code, country: COUNTRY[code], kind })).id;
  }
  const op = custodyCtx(operatorCtx(store, clock), keyring);
  if (opts.keys !== false) for (const code of ['INTEL', 'LEID']) await createAgencyKey(op, { agency: code });
  const reg = contextFor(store.db, { ...op.principal, clearance: 'S', roles: ['registrar'], agencyId: agencies.LEID, agencyCode: 'LEID' }, clock);
  const isns: string[] = [];
  for (const [n, marking] of [[1, 'C//REL TO FRA, IRQ, USA'], [2, 'C//REL TO IRQ, USA'], [3, 'S//NOFORN']] as const) isns.push((await buildDetainee(reg, n, { marking })).isn);
  const principal = (agency: Agency, roles: Role[], over: Partial<Principal> = {}): Principal => ({
    userId: null, username: `${agency.toLowerCase()}.${roles[0] ?? 'user'}${over.clearance ? `.${over.clearance.toLowerCase()}` : ''}`, agencyId: agencies[agency],
    agencyCode: agency, country: COUNTRY[agency], clearance: 'TS', roles, groups: ['LES', 'HCS'], ...over,
  });
  const ctx = (p: Principal) => contextFor(store.db, p, clock, { requestId: 'test' });
  return { store, clock, keyring, agencies, isns, principal, ctx, cx: (p) => custodyCtx(ctx(p), keyring), close: () => store.drop() };
}

/** An intelligence report originated by INTEL, marked as given. */
export function report(marking: string, over: Record<string, unknown> = {}) {
  return {
    kind: 'intelligence-report' as const, agency: 'INTEL', dated: '2026-01-12', description: 'Report on a training camp near Raqqa',
    source: 'Human source HS-41, reliability B', provenance: 'Collected by INTEL field office; passed to LEID on 2026-01-20',
    content: { body: 'Paragraph one names the detainee as camp commander.\n\nParagraph two names the source\'s handler.' },
    marking, custody: [{ at: '2026-01-12T10:00:00Z', action: 'collected' as const, actor: 'INTEL field office', place: 'Erbil' }], ...over,
  };
}
