import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';
import { acledCsv, battle } from './world.js';

// `sallyport warning …` and `sallyport agreements …` on a loaded scenario, as its demo users.
const KNOBS = ['--seed', 'warning-cli', '--detainees', '60', '--facilities', '3', '--aircraft', '4', '--camp-residents', '0'];
const today = new Date().toISOString().slice(0, 10);

for (const dialect of DIALECTS) {
  describe(`warning and agreements commands (${dialect})`, () => {
    let store: TestStore;
    let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
    let dir: string;
    beforeAll(async () => {
      ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-warning-'));
    });
    afterAll(async () => store.drop());

    it('back-tests the scenario history and prints the figures', async () => {
      const r = await run(['--as', 'jtf.ts', 'warning', 'backtest']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^SECRET\/\/REL TO IRQ, USA$/m);
      expect(r.stdout).toMatch(/Ranked highest before it fell: +\d+\/\d+/);
      expect(r.stdout).toMatch(/Brier score \(P 7 days\): +0\.\d{4}/);
      const json = JSON.parse((await run(['--as', 'jtf.ts', '--json', 'warning', 'backtest'])).stdout) as { breaches: unknown[] };
      expect(json.breaches.length).toBeGreaterThan(0);
    });

    it('imports an ACLED file (exit 0), refuses a bad one with every line (exit 3), and the risk rises with an alert', async () => {
      const before = JSON.parse((await run(['--as', 'jtf.s', '--json', 'warning', 'risk', 'DRK', '--as-of', `${today}T00:00:00Z`])).stdout) as { p7: number };
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, acledCsv([battle('B1', today), battle('B2', 'yesterday'), battle('B3', today, { sub_event_type: 'Grenade' })]));
      const refused = await run(['--as', 'jtf.s', 'warning', 'import-events', bad]);
      expect(refused.code).toBe(3);
      expect(refused.stderr).toMatch(/line 3 event_date/);
      expect(refused.stderr).toMatch(/line 4 sub_event_type/);
      const good = join(dir, 'good.csv');
      writeFileSync(good, acledCsv(Array.from({ length: 45 }, (_, i) => battle(`G${i}`, today, { latitude: '37.08', longitude: '42.14', location: 'ديريك', fatalities: '12' }))));
      const ok = await run(['--as', 'jtf.s', 'warning', 'import-events', good]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toMatch(/^imported 45 events .* [1-9]\d* alert\(s\) raised$/m);
      const after = JSON.parse((await run(['--as', 'jtf.s', '--json', 'warning', 'risk', 'DRK'])).stdout) as { p7: number; level: string };
      expect(after.p7).toBeGreaterThan(before.p7);
      expect(after.level).not.toBe('low');
      const board = await run(['--as', 'jtf.s', 'warning', 'risk']);
      expect(board.stdout).toMatch(/^DRK +(warning|critical)/m);
      const factors = await run(['--as', 'jtf.s', 'warning', 'risk', 'DRK']);
      expect(factors.stdout).toMatch(/Conflict intensity nearby +[\d.]+ +[\d.]+ +0\.70/);
    });

    it('lists alerts and acknowledges one as a person; a viewer may not', async () => {
      const list = JSON.parse((await run(['--as', 'jtf.s', '--json', 'warning', 'alerts', 'list', '--status', 'open', '--facility', 'DRK'])).stdout) as { id: string }[];
      expect(list.length).toBeGreaterThan(0);
      const denied = await run(['--as', 'diplo.u', 'warning', 'alerts', 'ack', list[0]!.id]);
      expect(denied.code).not.toBe(0);
      const acked = await run(['--as', 'jtf.s', 'warning', 'alerts', 'ack', list[0]!.id, '--note', 'moved DRK up the plan']);
      expect(acked.code, acked.stderr).toBe(0);
      expect(acked.stdout).toMatch(/acknowledged by jtf\.s/);
      expect((await run(['--as', 'jtf.s', 'warning', 'alerts', 'ack', list[0]!.id])).code).toBe(6);
    });

    it('records an indicator and a hand-entered event', async () => {
      const i = await run(['--as', 'hf.c', 'warning', 'indicator', 'PAN', '--guards', '40', '--desertions', '12', '--control', 'contested', '--marking', 'C//REL TO IRQ, SYR, USA']);
      expect(i.code, i.stderr).toBe(0);
      expect((await run(['--as', 'hf.c', 'warning', 'indicator', 'PAN', '--control', 'lost', '--marking', 'U'])).code).toBe(2);
      const e = await run(['--as', 'jtf.s', 'warning', 'event', '--date', today, '--type', 'Riots', '--sub-type', 'Mob violence', '--actor1', 'Rioters (Syria)', '--location', 'القامشلي', '--lat', '37.05', '--lon', '41.23']);
      expect(e.code, e.stderr).toBe(0);
      expect(e.stdout).toMatch(/القامشلي/);
    });

    it('lists, shows, creates and moves agreements', async () => {
      const list = await run(['--as', 'diplo.s', 'agreements', 'list']);
      expect(list.stdout).toMatch(/^TA-MAIN-02 +signed/m);
      const show = await run(['--as', 'diplo.s', 'agreements', 'show', 'TA-PILOT-01']);
      expect(show.stdout).toMatch(/signed → suspended by diplo\.s: the observer was refused access/);
      const created = await run(['--as', 'diplo.s', 'agreements', 'create', '--code', 'TA-CLI-09', '--title', 'Medical cases', '--holding', 'HF', '--receiving', 'IRQ-MOJ',
        '--airlift', 'JTF', '--destination', 'BIAP', '--from', '2026-02-01', '--per-day', '20', '--quota', 'IRQ=15',
        '--assurance', 'humanitarian-access:observer visits', '--assurance', 'humane-treatment:standards', '--assurance', 'no-onward-transfer-without-consent:no onward transfer',
        '--condition', 'medical-screening:screened on arrival', '--marking', 'C//REL TO IRQ, USA']);
      expect(created.code, created.stderr).toBe(0);
      expect((await run(['--as', 'diplo.s', 'agreements', 'status', 'TA-CLI-09', 'signed'])).code).toBe(6);
      expect((await run(['--as', 'diplo.s', 'agreements', 'status', 'TA-CLI-09', 'negotiating'])).code).toBe(0);
      const signed = await run(['--as', 'diplo.s', 'agreements', 'status', 'TA-CLI-09', 'signed', '--note', 'signed']);
      expect(signed.stdout).toMatch(/Status: +signed \(version 3\)/);
      expect((await run(['--as', 'hf.s', 'agreements', 'show', 'TA-CLI-09'])).code).toBe(4);
    });
  });
}
