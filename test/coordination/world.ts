import { contextFor, operatorPrincipal, type Ctx, type Principal } from '../../src/access/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import type { DialectName } from '../../src/store/index.js';
import { buildAgency, buildDetainee, buildFacility } from '../support/factories.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { principal } from '../support/world.js';

/**
 * A coordination world on one dialect: the airlift command (JTF, USA) and the receiving ministry (IRQ-MOJ,
 * IRQ); prison P01 (U, collapse risk 0.3) holding three detainees marked C//REL TO IRQ, USA, and prison P02
 * (S//NOFORN, risk 0.6) holding two marked S//NOFORN. `usa` is a JTF planner cleared S; `irq` a ministry
 * prosecutor cleared C, who may see P01 and its detainees but nothing of P02.
 */
export interface CoordWorld {
  store: TestStore;
  clock: FixedClock;
  usa: Ctx;
  irq: Ctx;
  admin: Ctx;
  close(): Promise<void>;
}

export const START = '2026-01-10T08:00:00.000Z';

export async function openCoordWorld(dialect: DialectName): Promise<CoordWorld> {
  const store = await openTestStore(dialect);
  const clock = new FixedClock(START);
  const jtf = await buildAgency(store, clock, { code: 'JTF', country: 'USA', kind: 'military' });
  const moj = await buildAgency(store, clock, { code: 'IRQ-MOJ', country: 'IRQ', kind: 'justice' });
  const admin = contextFor(store.db, { ...operatorPrincipal('USA'), clearance: 'S', roles: ['registrar', 'admin'] }, clock);
  await buildFacility(admin, { code: 'P01', marking: 'U', collapseRisk: 0.3 });
  await buildFacility(admin, { code: 'P02', marking: 'S//NOFORN', collapseRisk: 0.6 });
  for (const n of [1, 2, 3]) await buildDetainee(admin, n, { marking: 'C//REL TO IRQ, USA', facility: 'P01', custodian: 'JTF' });
  for (const n of [4, 5]) await buildDetainee(admin, n, { marking: 'S//NOFORN', facility: 'P02', custodian: 'JTF' });
  const usaP: Principal = principal({ country: 'USA', clearance: 'S', roles: ['planner', 'registrar'], groups: [], agencyId: jtf.id, agencyCode: 'JTF', username: 'jtf.planner' });
  const irqP: Principal = principal({ country: 'IRQ', clearance: 'C', roles: ['prosecutor'], groups: [], agencyId: moj.id, agencyCode: 'IRQ-MOJ', username: 'moj.prosecutor' });
  // Everything above happened before the first call.
  clock.advance(60_000);
  return {
    store, clock, admin,
    usa: contextFor(store.db, usaP, clock, { requestId: 'test' }),
    irq: contextFor(store.db, irqP, clock, { requestId: 'test' }),
    close: () => store.drop(),
  };
}
