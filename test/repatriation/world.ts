import { contextFor, findUserByName, operatorPrincipal, principalOfUser, type Ctx } from '../../src/access/index.js';
import { createAgencyKey, custodyCtx, listKeys, memoryKeyring, type CustodyCtx, type Keyring } from '../../src/custody/index.js';
import { DomainError, FixedClock } from '../../src/kernel/index.js';
import { generateScenario, loadScenario, serializeRecord } from '../../src/scenario/index.js';
import type { DialectName } from '../../src/store/index.js';
import { openTestStore, type TestStore } from '../support/stores.js';

/**
 * A repatriation world on one dialect: a small scenario (the reference cast of agencies and demo users, the
 * prisons and camps, a few hundred detainees and residents, the countries of origin and their talks), loaded
 * with its signing keys kept in memory, and the receiving agency IRQ-CTS given a key of its own.
 */
export interface RepatriationWorld {
  store: TestStore;
  clock: FixedClock;
  keyring: Keyring;
  /** The use-case context of a scenario user (e.g. `diplo.s`, `hf.s`, `irq-cts.s`). */
  as(username: string): Promise<Ctx>;
  /** The same, with the keyring, for custody. */
  cx(username: string): Promise<CustodyCtx>;
  close(): Promise<void>;
}

export const START = '2026-01-10T08:00:00.000Z';

async function* lines(seed: string): AsyncGenerator<string> {
  for (const r of generateScenario({ seed, detainees: 300, aircraft: 2, campResidents: 300 })) yield serializeRecord(r);
}

export async function openRepatriationWorld(dialect: DialectName, seed = 'repatriation'): Promise<RepatriationWorld> {
  const store = await openTestStore(dialect);
  const clock = new FixedClock(START);
  const keyring = memoryKeyring();
  const op = contextFor(store.db, operatorPrincipal('USA'), clock);
  await loadScenario(op, lines(seed), { demoPassword: 'repatriation-demo-password', keyring });
  const keys = await listKeys(store.db);
  if (!keys.keys.some((k) => k.agency === 'IRQ-CTS')) await createAgencyKey(custodyCtx(op, keyring), { agency: 'IRQ-CTS' });
  const as = async (username: string) => {
    const user = await findUserByName(store.db, username);
    if (!user) throw new Error(`no scenario user ${username}`);
    return contextFor(store.db, principalOfUser(user), clock, { requestId: 'test' });
  };
  return { store, clock, keyring, as, cx: async (u) => custodyCtx(await as(u), keyring), close: () => store.drop() };
}

/** The DomainError a promise rejects with. @throws Error when it resolves or rejects with something else. */
export async function errorOf(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, got a result');
}
