import { contextFor, findUserByName, operatorPrincipal, principalOfUser, type Ctx } from '../../src/access/index.js';
import { systemClock, type Clock } from '../../src/kernel/index.js';
import { generateScenario, loadScenario, serializeRecord, type GenerateOptions, type LoadOptions } from '../../src/scenario/index.js';
import type { Db, DialectName } from '../../src/store/index.js';
import { openTestStore, type TestStore } from './stores.js';

/** The demo password of scenarios the medium suites load. */
export const SCENARIO_PASSWORD = 'scenario-test-password-1';

/**
 * A fresh test store of `dialect` with a generated scenario loaded through the real loader (as the operator),
 * demo users' password SCENARIO_PASSWORD unless `load` says otherwise.
 */
export async function openScenarioStore(dialect: DialectName, knobs: GenerateOptions, load: Partial<LoadOptions> = {}): Promise<TestStore> {
  const store = await openTestStore(dialect);
  async function* lines(): AsyncGenerator<string> {
    for (const r of generateScenario(knobs)) yield serializeRecord(r);
  }
  await loadScenario(contextFor(store.db, operatorPrincipal('USA'), systemClock), lines(), { demoPassword: SCENARIO_PASSWORD, ...load });
  return store;
}

/** The use-case context of the scenario user `username`, on `clock`. @throws when there is no such user. */
export async function userCtx(db: Db, username: string, clock: Clock = systemClock): Promise<Ctx> {
  const user = await findUserByName(db, username);
  if (!user) throw new Error(`no scenario user ${username}`);
  return contextFor(db, principalOfUser(user), clock);
}
