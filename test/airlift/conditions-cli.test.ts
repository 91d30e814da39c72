import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAirliftInstance, ZAirliftPlan } from '../../src/airlift/index.js';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';

// `airlift plan` reports the agreement conditions it kept and those to check by hand; `airlift check` names a
// broken condition by its rule and lists the conditions to check by hand.
const KNOBS = ['--seed', 'airlift-test', '--detainees', '40', '--facilities', '2', '--aircraft', '6', '--camp-residents', '0'];

for (const dialect of DIALECTS) {
  describe(`airlift commands with agreement conditions (${dialect})`, () => {
    let store: TestStore;
    let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
    let dir: string;

    beforeAll(async () => {
      ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-conditions-'));
    });
    afterAll(async () => store.drop());

    it('plans with the conditions, reports them, and checks them by rule', async () => {
      const instanceFile = join(dir, 'instance.json');
      expect((await run(['--as', 'jtf.ts', 'airlift', 'instance', '--out', instanceFile])).code).toBe(0);
      const exported = ZAirliftInstance.parse(JSON.parse(readFileSync(instanceFile, 'utf8')));
      const dest = exported.nodes.find((n) => n.kind === 'destination')!.id;
      const day0 = Date.parse(exported.start.slice(0, 10));
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const windows = Array.from({ length: 40 }, (_, d) => ({ from: iso(day0 + (d * 24 + 5) * 3_600_000), until: iso(day0 + (d * 24 + 13) * 3_600_000) }));
      const instance = {
        ...exported,
        'x-observerWindows': [{ destination: dest, agreement: 'TA-OBS-1', windows }],
        'x-conditionsByHand': [{ destination: dest, agreement: 'TA-OBS-1', kind: 'other', text: 'The families are informed of each arrival.', reason: 'not machine-checkable' }],
      };
      // The scenario's signed TA-MAIN-02 adds its notice (x-4) and screening (x-5); its observer's hours are replaced here.
      writeFileSync(instanceFile, JSON.stringify(instance));
      const planFile = join(dir, 'plan.json');
      const planned = await run(['airlift', 'plan', '--instance', instanceFile, '--out', planFile, '--allow-undelivered']);
      expect(planned.code, planned.stderr).toBe(0);
      expect(planned.stderr).toMatch(new RegExp(`agreement conditions kept \\(3\\):\\n  rule x-3 observer-present at ${dest} \\(agreement TA-OBS-1\\): arrivals 05:00–13:00 UTC`));
      expect(planned.stderr).toMatch(/conditions to check by hand \(1\):\n {2}.*agreement TA-OBS-1: other: The families are informed of each arrival\./);
      const checked = await run(['airlift', 'check', planFile]);
      expect(checked.code, checked.stdout).toBe(0);
      expect(checked.stdout).toMatch(/^valid:/m);
      expect(checked.stdout).toMatch(/^conditions to check by hand \(1\):$/m);

      // The same plan against the observer's night: every arrival named under rule x-3, and a non-zero exit.
      const plan = ZAirliftPlan.parse(JSON.parse(readFileSync(planFile, 'utf8')));
      const night = windows.map((w) => ({ from: w.until, until: iso(Date.parse(w.until) + 3 * 3_600_000) }));
      const badFile = join(dir, 'bad.json');
      writeFileSync(badFile, JSON.stringify({ ...plan, instance: { ...plan.instance, 'x-observerWindows': [{ destination: dest, agreement: 'TA-OBS-1', windows: night }] } }));
      const bad = await run(['airlift', 'check', badFile]);
      expect(bad.code).not.toBe(0);
      expect(bad.stdout).toMatch(new RegExp(`^rule x-3: ${dest}: .* outside the observer-present windows \\(agreement TA-OBS-1\\)$`, 'm'));
    });
  });
}
