import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, findUserByName, principalOfUser } from '../../src/access/index.js';
import { campPopulation, type TCampResident, type TCampSummary, type TCohorts } from '../../src/camps/index.js';
import { systemClock } from '../../src/kernel/index.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { csvOf, motherWithTwo } from './camp-world.js';

const KNOBS = ['--seed', 'camps-cli', '--detainees', '60', '--facilities', '2', '--aircraft', '2', '--camp-residents', '400'];

function json<T>(r: CliResult): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

// The reference scenario's camps, loaded by `scenario load`, worked from the command line by demo users.
describe.each(DIALECTS)('camps commands on a loaded scenario (%s)', (dialect) => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;
  beforeAll(async () => {
    ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-camps-'));
  });
  afterAll(async () => store.drop());

  it('lists the camps with their whole population to child protection, and the adults only to the holding force', async () => {
    const cpa = json<TCampSummary[]>(await run(['--as', 'cpa.c', '--json', 'camps', 'list']));
    expect(cpa.map((c) => [c.code, c.authority])).toEqual([['HOL', 'HF'], ['ROJ', 'HF']]);
    expect(cpa.reduce((n, c) => n + c.population, 0)).toBe(400);
    const hf = json<TCampSummary[]>(await run(['--as', 'hf.c', '--json', 'camps', 'list']));
    const adults = hf.reduce((n, c) => n + c.population, 0);
    expect(adults).toBeGreaterThan(0);
    expect(adults).toBeLessThan(400);
    const ctx = contextFor(store.db, principalOfUser((await findUserByName(store.db, 'cpa.c'))!), systemClock);
    expect(await campPopulation(ctx, 'HOL')).toMatchObject({ matches: true, fromEvents: cpa[0]!.population });
  });

  it('shows a camp overview and counts cohorts; the holding force, without the CHILD group, counts no child', async () => {
    const show = await run(['--as', 'cpa.c', 'camps', 'show', 'HOL']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/Authority now:\s+HF/);
    expect(show.stdout).toMatch(/ANX\s+Annex/);
    const cohorts = json<TCohorts>(await run(['--as', 'cpa.c', '--json', 'camps', 'cohorts', '--camp', 'HOL', '--as-of', '2026-01-10']));
    const children = cohorts.camps[0]!.groups.reduce((n, g) => n + g.children, 0);
    expect(children).toBeGreaterThan(50);
    expect(cohorts.camps[0]!.groups.some((g) => g.cells.some((c) => c.age === 18))).toBe(true);
    const hf = json<TCohorts>(await run(['--as', 'hf.c', '--json', 'camps', 'cohorts', '--camp', 'HOL', '--as-of', '2026-01-10']));
    expect(hf.camps[0]!.groups.reduce((n, g) => n + g.children, 0)).toBe(0);
  });

  it('imports a household, refuses to release the children alone, and releases the mother with them', async () => {
    const file = join(dir, 'family.csv');
    writeFileSync(file, csvOf(motherWithTwo('HOL-CLI001', 'SP-SY-999999').map(({ related_detainee: _d, ...r }) => r)));
    const imported = await run(['--as', 'cpa.c', 'camps', 'import', file]);
    expect(imported.stdout).toContain('imported 3 residents in 1 new household');
    const family = json<TCampResident[]>(await run(['--as', 'cpa.c', '--json', 'camps', 'residents', '--household', 'HOL-CLI001']));
    const before = json<TCampSummary[]>(await run(['--as', 'cpa.c', '--json', 'camps', 'list']))[0]!.population;
    const args = ['--to', 'Grandfather', '--destination', 'Mosul', '--country', 'IRQ', '--agreement', 'REL-7'];
    const alone = await run(['--as', 'cpa.c', 'camps', 'release', 'HOL', ...family.filter((r) => r.relation !== 'head').flatMap((r) => ['--resident', r.id]), ...args]);
    expect(alone.code).toBe(6);
    expect(alone.stderr).toMatch(/without a guardian/);
    const released = await run(['--as', 'cpa.c', 'camps', 'release', 'HOL', ...family.flatMap((r) => ['--resident', r.id]), ...args]);
    expect(released.code, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/released 3 from HOL .* under HF/);
    expect(json<TCampSummary[]>(await run(['--as', 'cpa.c', '--json', 'camps', 'list']))[0]!.population).toBe(before - 3);
  });

  it('ends a guardianship from the CLI, refusing a date in the future; reviews and decisions check their arguments', async () => {
    const file = join(dir, 'family2.csv');
    const [mother, son, daughter] = motherWithTwo('HOL-CLI002', 'SP-SY-999999').map(({ related_detainee: _d, ...r }) => r);
    writeFileSync(file, csvOf([{ ...mother!, name_ar: 'أسماء خالد', name_latin: 'Asma Khalid' }, { ...son!, name_ar: 'طارق', name_latin: 'Tariq' }, { ...daughter!, name_ar: 'سلمى', name_latin: 'Salma' }]));
    expect((await run(['--as', 'cpa.c', 'camps', 'import', file])).code).toBe(0);
    const child = await store.db.selectFrom('residents as r').innerJoin('households as h', 'h.id', 'r.household_id').select('r.id').where('h.code', '=', 'HOL-CLI002').where('r.relation', '=', 'son').executeTakeFirstOrThrow();
    const g = await store.db.selectFrom('camp_guardianships').select('id').where('child_id', '=', child.id).executeTakeFirstOrThrow();
    const future = await run(['--as', 'cpa.c', 'camps', 'end-guardianship', g.id, '--reason', 'mother left', '--on', '2099-01-01']);
    expect(future.code).toBe(3);
    expect(future.stderr).toMatch(/on: is in the future/);
    expect((await run(['--as', 'cpa.c', 'camps', 'end-guardianship', g.id])).code).toBe(2);
    const ended = await run(['--as', 'cpa.c', 'camps', 'end-guardianship', g.id, '--reason', 'mother left the camp']);
    expect(ended.code, ended.stderr).toBe(0);
    expect(ended.stdout).toMatch(/ended on \d{4}-\d{2}-\d{2}; 0 guardians remain; the child is flagged unaccompanied/);
    expect((await run(['--as', 'cpa.c', 'camps', 'end-guardianship', g.id, '--reason', 'again'])).code).toBe(6);
    expect((await run(['--as', 'cpa.c', '--json', 'camps', 'reviews'])).stdout.trim()).toBe('[]');
    expect((await run(['--as', 'cpa.c', 'camps', 'decide', 'NOPE', 'maybe'])).code).toBe(2);
    expect((await run(['--as', 'cpa.c', 'camps', 'decide', 'NOPE', 'same'])).code).toBe(4);
  });

  it('hands al-Hol over: the new authority sees names and ages only; the holding force keeps nothing', async () => {
    expect((await run(['--as', 'cpa.c', 'camps', 'handover', 'HOL', '--to', 'IRQ-MOJ', '--fields', 'names', '--reference', 'x'])).code).toBe(5);
    const done = await run(['--as', 'hf.s', 'camps', 'handover', 'HOL', '--to', 'IRQ-MOJ', '--fields', 'names,birth', '--reference', 'DSA-HOL-1']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Authority now:\s+IRQ-MOJ/);
    const moj = json<TCampResident[]>(await run(['--as', 'irq-moj.c', '--json', 'camps', 'residents', '--camp', 'HOL', '--limit', '5']));
    expect(moj.every((r) => r.nameLatin !== undefined && r.age !== undefined && r.nationality === undefined)).toBe(true);
    const table = await run(['--as', 'hf.s', 'camps', 'residents', '--camp', 'HOL', '--limit', '3']);
    expect(table.stdout).toContain('(withheld)');
    expect((await run(['--as', 'hf.s', 'camps', 'residents', '--camp', 'HOL', '--nationality', 'IRQ'])).code).toBe(5);
  });
});
