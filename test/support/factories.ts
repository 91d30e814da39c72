import {
  addAgency, addUser, contextFor, operatorPrincipal, principalOfUser, type Ctx, type Principal, type TAddAgencyRequest, type TUser,
} from '../../src/access/index.js';
import type { Level } from '../../src/kernel/index.js';
import { FixedClock } from '../../src/kernel/index.js';
import { addFacility, registerDetainee, type TDetainee, type TFacility, type TFacilityInput } from '../../src/registry/index.js';
import type { Store } from '../../src/store/index.js';
import type { Role } from '../../src/access/index.js';
import { registration } from './world.js';

/**
 * Factories for medium and HTTP tests: each builds what it needs through the modules' use cases (so rows
 * are exactly what the application writes), with readable codes, ISNs and usernames.
 */

/** The password every factory user has. */
export const PASSWORD = 'correct-horse-battery-staple';

/** A clock that stands still at the scenario's start, for one suite. */
export function suiteClock(): FixedClock {
  return new FixedClock('2026-01-10T08:00:00.000Z');
}

/** The local operator, acting in `country`, on `store`. */
export function operatorCtx(store: Store, clock: FixedClock, country = 'USA'): Ctx {
  return contextFor(store.db, operatorPrincipal(country), clock, { requestId: 'factory' });
}

/** An agency; `code` names it readably (`USA-JTF`), the rest has defaults. */
export async function buildAgency(store: Store, clock: FixedClock, over: Partial<TAddAgencyRequest> & Pick<TAddAgencyRequest, 'code'>) {
  return addAgency(operatorCtx(store, clock), { name: `Agency ${over.code}`, country: 'USA', kind: 'military', ...over });
}

/** What a factory user is made of. The agency must exist (see `buildAgency`). */
export interface UserSpec {
  username: string;
  agency: string;
  clearance: Level;
  roles: Role[];
  groups?: string[];
}

/** A stored user with the factory password, and the principal it acts as. */
export async function buildUser(store: Store, clock: FixedClock, spec: UserSpec): Promise<{ user: TUser; principal: Principal }> {
  const user = await addUser(operatorCtx(store, clock), { displayName: spec.username, groups: [], ...spec, password: PASSWORD });
  return { user, principal: principalOfUser(user) };
}

/** A facility marked U, readable by every user, unless overridden. */
export async function buildFacility(ctx: Ctx, over: Partial<TFacilityInput> & Pick<TFacilityInput, 'code'>): Promise<TFacility> {
  return addFacility(ctx, {
    name: `Facility ${over.code}`, kind: 'prison', country: 'SYR', lat: 36.5, lon: 40.75, capacity: 5000, population: 4000, marking: 'U',
    ...over,
  });
}

/** A registered detainee; `n` makes its ISN (`SP-SY-00000n`). @throws when the registration went to review. */
export async function buildDetainee(ctx: Ctx, n: number, over: Record<string, unknown> = {}): Promise<TDetainee> {
  const r = await registerDetainee(ctx, registration(n, over));
  if (r.status !== 'created') throw new Error(`detainee ${n} went to review`);
  return r.detainee;
}

/** The detainee request the factories register, for tests that send it over HTTP. */
export { registration };

/** The cast of the HTTP suites: two countries' registrars, a reviewer and an auditor. */
export interface Cast {
  /** USA, SECRET: registers and sees S//NOFORN records. */
  registrar: Principal;
  /** IRQ, CONFIDENTIAL: cannot see the USA's S//NOFORN records. */
  irqRegistrar: Principal;
  /** USA, TOP SECRET reviewer of ISN collisions. */
  reviewer: Principal;
  auditor: Principal;
}

/** Two agencies and the four users of `Cast` (argon2 makes each user cost tens of milliseconds). */
export async function buildCast(store: Store, clock: FixedClock): Promise<Cast> {
  await buildAgency(store, clock, { code: 'USA-JTF', country: 'USA', kind: 'military' });
  await buildAgency(store, clock, { code: 'IRQ-MOJ', country: 'IRQ', kind: 'justice' });
  const [registrar, irqRegistrar, reviewer, auditor] = await Promise.all([
    buildUser(store, clock, { username: 'reg.usa', agency: 'USA-JTF', clearance: 'S', roles: ['registrar'] }),
    buildUser(store, clock, { username: 'reg.irq', agency: 'IRQ-MOJ', clearance: 'C', roles: ['registrar'] }),
    buildUser(store, clock, { username: 'rev.usa', agency: 'USA-JTF', clearance: 'TS', roles: ['reviewer'] }),
    buildUser(store, clock, { username: 'aud.usa', agency: 'USA-JTF', clearance: 'S', roles: ['auditor'] }),
  ]);
  return { registrar: registrar.principal, irqRegistrar: irqRegistrar.principal, reviewer: reviewer.principal, auditor: auditor.principal };
}
