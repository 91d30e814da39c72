import { FixedClock, formatIsn } from '../../src/kernel/index.js';
import { contextFor, type Ctx, type Principal } from '../../src/access/index.js';
import type { Db } from '../../src/store/index.js';

/** The scenario clock for medium tests: fixed, so results repeat. */
export function testClock(): FixedClock {
  return new FixedClock('2026-01-10T08:00:00.000Z');
}

/** A principal without a stored user, for exercising the data layer directly. */
export function principal(over: Partial<Principal> & Pick<Principal, 'country'>): Principal {
  return {
    userId: null,
    username: `test-${over.country.toLowerCase()}`,
    agencyId: null,
    agencyCode: `T-${over.country}`,
    clearance: 'TS',
    roles: ['viewer', 'registrar', 'reviewer'],
    groups: ['LES', 'HCS', 'CHILD'],
    ...over,
  };
}

export function ctxOf(db: Db, p: Principal, clock = testClock()): Ctx {
  return contextFor(db, p, clock, { requestId: 'test' });
}

/** A valid registration with readable defaults; `n` makes the ISN. */
export function registration(n: number, over: Record<string, unknown> = {}) {
  return {
    isn: formatIsn('SY', n),
    nameAr: 'محمد بن حسين العراقي',
    nameLatin: 'Muhammad bin Husayn al-Iraqi',
    nationality: 'IRQ',
    sex: 'M' as const,
    riskTier: 'medium' as const,
    marking: 'C//REL TO IRQ, USA',
    ...over,
  };
}
