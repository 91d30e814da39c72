import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor, findUserByName, principalOfUser } from '../../src/access/index.js';
import { systemClock } from '../../src/kernel/index.js';
import { listDetainees } from '../../src/registry/index.js';
import type { TBatch, TCountryBoard, TCountryList } from '../../src/repatriation/index.js';
import { cli, cliOn, type CliResult } from '../cli/harness.js';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';

const KNOBS = ['--seed', 'repatriation-cli', '--detainees', '150', '--facilities', '2', '--aircraft', '1', '--camp-residents', '100'];

function json<T>(r: CliResult): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

// A loaded scenario worked from the command line: the diplomat records an answer and plans a batch, the holding
// force hands it over, the country's agency receives it, the board shows the progress.
describe.each(DIALECTS)('repatriation commands (%s)', (dialect) => {
  let store: TestStore;
  let dir: string;
  let run: (argv: string[]) => Promise<CliResult>;
  let isns: string[];

  beforeAll(async () => {
    store = await openTestStore(dialect);
    dir = mkdtempSync(join(tmpdir(), 'sallyport-repatriation-'));
    const env = { SALLYPORT_KEY_DIR: join(dir, 'keys'), SALLYPORT_DEMO_PASSWORD: 'demo-password-for-tests' };
    const runOn = cliOn(store.url);
    run = (argv) => runOn(argv, { env });
    const file = join(dir, 'scenario.ndjson');
    expect((await cli(['scenario', 'generate', ...KNOBS, '--out', file])).code).toBe(0);
    json(await run(['--json', 'scenario', 'load', file]));
    const seen = await Promise.all(['diplo.s', 'hf.s', 'irq-cts.s'].map(async (u) => {
      const ctx = contextFor(store.db, principalOfUser((await findUserByName(store.db, u))!), systemClock);
      return new Set((await listDetainees(ctx, { nationality: 'IRQ', status: 'held', limit: 500 })).items.map((d) => d.isn));
    }));
    isns = [...seen[0]!].filter((i) => seen[1]!.has(i) && seen[2]!.has(i)).slice(0, 3);
  }, 120_000);

  afterAll(async () => {
    await store?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the countries with a banner, and shows a board', async () => {
    const human = await run(['--as', 'diplo.s', 'repatriation', 'countries']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout.split('\n')[0]).toMatch(/^(UNCLASSIFIED|CONFIDENTIAL|SECRET)/);
    expect(human.stdout).toMatch(/IRQ\s+Iraq\s+negotiating/);
    const list = json<TCountryList>(await run(['--as', 'diplo.s', '--json', 'repatriation', 'countries', '--status', 'negotiating']));
    expect(list.items.every((c) => c.status === 'negotiating')).toBe(true);
    const board = json<TCountryBoard>(await run(['--as', 'diplo.s', '--json', 'repatriation', 'show', 'irq']));
    expect(board.summary.country).toBe('IRQ');
  });

  it('refuses bad input with the field named and the right exit code', async () => {
    const noOutcome = await run(['--as', 'diplo.s', 'repatriation', 'engage', 'IRQ', '--kind', 'answer', '--summary', 'yes', '--marking', 'U']);
    expect(noOutcome.code).toBe(2); // a usage error: the arguments do not validate
    expect(noOutcome.stderr).toMatch(/outcome/);
    const skip = await run(['--as', 'diplo.s', 'repatriation', 'status', 'IRQ', 'completed']);
    expect(skip.code).toBe(6);
    expect(skip.stderr).toMatch(/cannot move from negotiating to completed/);
    expect((await run(['--as', 'hf.s', 'repatriation', 'status', 'IRQ', 'accepted'])).code).toBe(5);
  });

  it('engages, accepts, plans, hands over and receives a batch', async () => {
    expect(isns).toHaveLength(3);
    json(await run(['--as', 'diplo.s', '--json', 'repatriation', 'engage', 'IRQ', '--kind', 'answer', '--outcome', 'accepted', '--summary', 'Iraq agrees', '--marking', 'C//REL TO IRQ, USA']));
    json(await run(['--as', 'diplo.s', '--json', 'repatriation', 'status', 'IRQ', 'accepted', '--note', 'answer of 10 January']));
    const place = (await store.db.selectFrom('detainees as d').innerJoin('facilities as f', 'f.id', 'd.facility_id').select('f.code').where('d.isn', '=', isns[0]!).executeTakeFirstOrThrow()).code;
    const batch = json<TBatch>(await run(['--as', 'diplo.s', '--json', 'repatriation', 'batch', 'create', '--country', 'IRQ', '--receiver', 'IRQ-CTS', '--place', place,
      '--at', '2026-02-01', '--detainee', isns[0]!, '--detainee', isns[1]!, '--marking', 'C//REL TO IRQ, SYR, USA']));
    expect(batch.status).toBe('planned');
    const handed = json<TBatch>(await run(['--as', 'hf.s', '--json', 'repatriation', 'batch', 'handover', batch.id]));
    expect(handed.status).toBe('handing-over');
    const received = json<TBatch>(await run(['--as', 'irq-cts.s', '--json', 'repatriation', 'batch', 'receive', batch.id]));
    expect(received.status).toBe('handed-over');
    const shown = await run(['--as', 'diplo.s', 'repatriation', 'batch', 'show', batch.id]);
    expect(shown.stdout).toMatch(/handed-over/);
    const board = json<TCountryBoard>(await run(['--as', 'diplo.s', '--json', 'repatriation', 'show', 'IRQ']));
    expect(board.summary.status).toBe('repatriating');
    expect(board.nationals.detainees.repatriated).toBe(2);
    expect((await run(['--as', 'diplo.s', 'repatriation', 'batch', 'cancel', batch.id])).code).toBe(6);
  });

  it('refuses and withdraws a batch\'s pending handovers: reason required, the right agency only', async () => {
    const place = (await store.db.selectFrom('detainees as d').innerJoin('facilities as f', 'f.id', 'd.facility_id').select('f.code').where('d.isn', '=', isns[2]!).executeTakeFirstOrThrow()).code;
    const batch = json<TBatch>(await run(['--as', 'diplo.s', '--json', 'repatriation', 'batch', 'create', '--country', 'IRQ', '--receiver', 'IRQ-CTS', '--place', place,
      '--at', '2026-02-02', '--detainee', isns[2]!, '--marking', 'C//REL TO IRQ, SYR, USA']));
    json(await run(['--as', 'hf.s', '--json', 'repatriation', 'batch', 'handover', batch.id]));
    const noReason = await run(['--as', 'irq-cts.s', 'repatriation', 'batch', 'refuse', batch.id]);
    expect(noReason.code).not.toBe(0);
    expect(noReason.stderr).toMatch(/reason/);
    const badChoice = await run(['--as', 'irq-cts.s', 'repatriation', 'batch', 'refuse', batch.id, '--reason', 'x', '--if-none-received', 'later']);
    expect(badChoice.code).toBe(2);
    expect(badChoice.stderr).toMatch(/--if-none-received/);
    const notParty = await run(['--as', 'hf.s', 'repatriation', 'batch', 'refuse', batch.id, '--reason', 'x']);
    expect(notParty.code).toBe(5);
    expect(notParty.stderr).toMatch(/only the receiving agency IRQ-CTS/);
    const refused = json<TBatch>(await run(['--as', 'irq-cts.s', '--json', 'repatriation', 'batch', 'refuse', batch.id, '--reason', 'no travel document']));
    expect(refused.status).toBe('planned');
    expect(refused.members[0]).toMatchObject({ state: 'planned', outcome: 'refused', outcomeReason: 'no travel document' });
    json(await run(['--as', 'hf.s', '--json', 'repatriation', 'batch', 'handover', batch.id]));
    const withdrawn = await run(['--as', 'hf.s', 'repatriation', 'batch', 'withdraw', batch.id, '--reason', 'medical hold', '--if-none-received', 'cancelled']);
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    expect(withdrawn.stdout).toMatch(/cancelled/);
    expect(withdrawn.stdout).toMatch(/withdrawn: medical hold/);
  });
});
