import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZAirliftInstance, ZAirliftPlan } from '../../src/airlift/index.js';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';

// `airlift instance` exports only what the acting user may see; `airlift plan` plans it; `airlift check` agrees.
const KNOBS = ['--seed', 'airlift-test', '--detainees', '60', '--facilities', '2', '--aircraft', '6', '--camp-residents', '0'];

for (const dialect of DIALECTS) {
  describe(`airlift commands (${dialect})`, () => {
    let store: TestStore;
    let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
    let dir: string;

    beforeAll(async () => {
      ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-airlift-'));
    });

    afterAll(async () => {
      await store.drop();
    });

    it('exports a scoped instance, plans it and checks the plan', async () => {
      const instanceFile = join(dir, 'instance.json');
      const exported = await run(['--as', 'jtf.ts', 'airlift', 'instance', '--out', instanceFile]);
      expect(exported.code, exported.stderr).toBe(0);
      const instance = ZAirliftInstance.parse(JSON.parse(readFileSync(instanceFile, 'utf8')));
      expect(instance.detainees.length).toBeGreaterThan(0);
      const lower = await run(['--as', 'jtf.c', '--json', 'airlift', 'instance']);
      expect(lower.code, lower.stderr).toBe(0);
      expect(ZAirliftInstance.parse(JSON.parse(lower.stdout)).detainees.length).toBeLessThan(instance.detainees.length);
      const none = await run(['--as', 'jtf.u', 'airlift', 'instance']);
      expect(none.stderr).toMatch(/nothing to plan/);
      const planFile = join(dir, 'plan.json');
      const planned = await run(['airlift', 'plan', '--instance', instanceFile, '--out', planFile, '--allow-undelivered']);
      expect(planned.code, planned.stderr).toBe(0);
      expect(ZAirliftPlan.parse(JSON.parse(readFileSync(planFile, 'utf8'))).legs.length).toBeGreaterThan(0);
      const checked = await run(['airlift', 'check', planFile]);
      expect(checked.code, checked.stdout).toBe(0);
      expect(checked.stdout).toMatch(/^valid:/m);
    });

    it('refuses the export to a user without airlift:plan', async () => {
      const r = await run(['--as', 'hum-obs.ts', 'airlift', 'instance']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/airlift:plan/);
    });
  });
}
