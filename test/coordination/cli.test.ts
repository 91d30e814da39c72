import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAgenda, TCall, TOutcomes } from '../../src/coordination/index.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';
import type { TestStore } from '../support/stores.js';

const KNOBS = ['--seed', 'coord-cli', '--detainees', '120', '--facilities', '2', '--aircraft', '2', '--camp-residents', '100'];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function json<T>(r: CliResult): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

// The daily call worked from the command line by the scenario's demo users (the commands run on the wall clock).
describe('coordination commands on a loaded scenario (sqlite)', () => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;
  let call: TCall;
  beforeAll(async () => {
    ({ store, run, dir } = await storeWithScenario('sqlite', KNOBS, 'sallyport-coord-'));
  });
  afterAll(async () => store.drop());

  it('creates today\'s call, records attendance, a decision and an overdue action', async () => {
    call = json<TCall>(await run(['--as', 'jtf.s', '--json', 'coordination', 'call', 'create', '--date', day(0), '--agencies', 'JTF,IRQ-MOJ']));
    expect(call.agencies).toEqual(['JTF', 'IRQ-MOJ']);
    expect((await run(['--as', 'jtf.s', 'coordination', 'call', 'attend', call.id, '--agency', 'IRQ-MOJ', '--person', 'Liaison', '--absent'])).code).toBe(0);
    expect((await run(['--as', 'jtf.s', 'coordination', 'decide', call.id, '--text', 'Northern site first', '--by', 'JTF', '--marking', 'S//NOFORN'])).code).toBe(0);
    const act = await run(['--as', 'jtf.s', 'coordination', 'act', call.id, '--title', 'Open intake lanes', '--owner', 'IRQ-MOJ', '--due', day(-1), '--marking', 'C//REL TO IRQ, USA']);
    expect(act.code, act.stderr).toBe(0);
    expect(act.stdout.split('\n')[0]).toBe('CONFIDENTIAL//REL TO IRQ, USA');
  });

  it('refuses a bad date by its flag with exit code 2, and an unknown agency with the invalid-input code', async () => {
    const bad = await run(['--as', 'jtf.s', 'coordination', 'act', call.id, '--title', 'x', '--owner', 'JTF', '--due', 'tomorrow']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--due');
    const unknown = await run(['--as', 'jtf.s', 'coordination', 'act', call.id, '--title', 'x', '--owner', 'NOPE', '--due', day(1)]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('owner');
  });

  it('gives tomorrow\'s agenda per reader: the ministry sees its overdue action, the command also its decision', async () => {
    const low = json<TAgenda>(await run(['--as', 'irq-moj.c', '--json', 'coordination', 'agenda', '--date', day(1)]));
    // The scenario's calls left overdue actions of their own (due in January); the one created here is the latest.
    const lowActions = low.items.filter((i) => i.section === 'actions');
    expect(lowActions.map((i) => i.title)).toContain(`Overdue: Open intake lanes (IRQ-MOJ, due ${day(-1)})`);
    expect(lowActions.filter((i) => i.title.startsWith('Overdue: ') && !i.title.includes('Open intake lanes')).every((i) => i.at < '2026-03-01')).toBe(true);
    expect(lowActions.every((i) => !i.marking.startsWith('S'))).toBe(true);
    const high = json<TAgenda>(await run(['--as', 'jtf.s', '--json', 'coordination', 'agenda', '--date', day(1)]));
    expect(high.items.map((i) => i.title)).toContain('Decision: Northern site first');
    expect(high.banner).toMatch(/^SECRET/);
    const text = await run(['--as', 'irq-moj.c', 'coordination', 'agenda', '--date', day(1)]);
    expect(text.stdout).toContain('(C//REL TO IRQ, USA) [WARNING] Overdue: Open intake lanes');
    expect(text.stdout).not.toContain('Northern site first');
  });

  it('writes the SITREP as Markdown to stdout and as a PDF file, and prints the outcome figures', async () => {
    const md = await run(['--as', 'irq-moj.c', 'sitrep', '--date', day(0)]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout.split('\n')[0]).toMatch(/^\*\*(CONFIDENTIAL|SECRET|UNCLASSIFIED)/);
    expect(md.stdout).not.toContain('Northern site first');
    const file = join(dir, 'sitrep.pdf');
    const pdf = await run(['--as', 'jtf.s', 'sitrep', '--date', day(0), '--format', 'pdf', '--out', file]);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const o = json<TOutcomes>(await run(['--as', 'jtf.s', '--json', 'outcomes']));
    const keys = o.areas.flatMap((a) => a.figures.map((f) => f.key));
    expect(keys).toContain('movement.remaining');
    expect(keys).toContain('movement.moved');
    expect(keys).toContain('movement.expected-loss');
  });
});
