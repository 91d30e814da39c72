import { contextFor, type Ctx, type Principal, type Role } from '../../src/access/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import { FACE_DIM, FINGER_DIM, IRIS_DIM, type TEnrollRequest } from '../../src/identity/index.js';
import { Prng } from '../../src/scenario/index.js';
import type { DialectName } from '../../src/store/index.js';
import { buildDetainee, buildFacility, operatorCtx } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/stores.js';

/** An identity world: one prison and detainees registered under several markings, and principals to act as. */
export interface IdentityWorld {
  store: TestStore;
  clock: FixedClock;
  as(roles: Role[], over?: Partial<Principal>): Ctx;
  close(): Promise<void>;
}

export async function openIdentityWorld(dialect: DialectName): Promise<IdentityWorld> {
  const store = await openTestStore(dialect);
  const clock = new FixedClock('2026-01-10T08:00:00.000Z');
  const admin = contextFor(store.db, { userId: null, username: 'admin', agencyId: null, agencyCode: 'ADM', country: 'USA', clearance: 'TS', roles: ['registrar', 'admin'], groups: ['LES', 'HCS'] }, clock);
  void operatorCtx;
  await buildFacility(admin, { code: 'GWY' });
  await buildDetainee(admin, 101, { nameLatin: 'Mohammed Hussein al-Jubouri', nameAr: 'محمد حسين الجبوري', birthDate: '1990-03-04', birthPlace: 'Mosul' });
  await buildDetainee(admin, 102, { nameLatin: 'Muhammad Husayn al-Juburi', nameAr: 'محمد حسين الجبوري', birthDate: '1990-03-04', birthPlace: 'Mosul' });
  await buildDetainee(admin, 103, { nameLatin: 'Omar Khalid al-Tunisi', nameAr: 'عمر خالد التونسي', nationality: 'TUN' });
  await buildDetainee(admin, 104, { nameLatin: 'Yusuf Ahmad', nameAr: 'يوسف أحمد', marking: 'S//NOFORN' });
  return {
    store, clock,
    as: (roles, over = {}) => contextFor(store.db, { userId: null, username: `id.${roles[0] ?? 'user'}`, agencyId: null, agencyCode: 'LE-ID', country: 'USA', clearance: 'S', roles, groups: [], ...over }, clock),
    close: () => store.drop(),
  };
}

/** A person's synthetic templates: `person` fixes the identity, `noise` the capture. */
export function templatesOf(person: string, noise: string, over: Partial<Record<string, number>> = {}): TEnrollRequest['templates'] {
  const p = new Prng(`person/${person}`);
  const n = new Prng(`noise/${noise}`);
  const dims: [TEnrollRequest['templates'][number]['modality'], number][] = [
    ...Array.from({ length: 10 }, (_, i) => [`finger-${i + 1}`, FINGER_DIM] as [TEnrollRequest['templates'][number]['modality'], number]),
    ['face', FACE_DIM], ['iris', IRIS_DIM],
  ];
  return dims.map(([modality, dim]) => ({ modality, quality: over[modality] ?? 80, vector: Array.from({ length: dim }, () => p.normal() + 0.3 * n.normal()) }));
}
