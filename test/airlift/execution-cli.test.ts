import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wristbandCode } from '../../src/airlift/index.js';
import { DIALECTS, type TestStore } from '../support/stores.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';

// Save, approve, fly a sortie from the CLI: wristbands and manifests printed, scans, a paper manifest entered back, a blocked close.
const KNOBS = ['--seed', 'airlift-exec-cli', '--detainees', '60', '--facilities', '2', '--aircraft', '6', '--camp-residents', '0'];

for (const dialect of DIALECTS) {
  describe(`airlift execution commands (${dialect})`, () => {
    let store: TestStore;
    let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
    let dir: string;
    const json = async (argv: string[]): Promise<unknown> => {
      const r = await run(['--as', 'jtf.ts', '--json', ...argv]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as unknown;
    };

    beforeAll(async () => {
      ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-airlift-exec-'));
    }, 120_000);
    afterAll(async () => {
      await store.drop();
    });

    it('saves and approves a plan, prints wristbands and a manifest, scans, enters a paper manifest, refuses a close with someone missing', async () => {
      const saved = (await json(['airlift', 'save'])) as { id: string; status: string };
      expect(saved.status).toBe('draft');
      expect(((await json(['airlift', 'approve', saved.id])) as { status: string }).status).toBe('approved');
      const sorties = (await json(['airlift', 'sortie', 'list', saved.id])) as { id: string; manifested: number }[];
      const s = sorties.find((x) => x.manifested >= 2)!;
      const manifest = ((await json(['airlift', 'sortie', 'show', s.id])) as { manifest: { isn: string }[] }).manifest.map((m) => m.isn);

      const pdf = join(dir, 'bands.pdf');
      const bands = await run(['--as', 'jtf.ts', 'airlift', 'wristbands', '--sortie', s.id, '--out', pdf]);
      expect(bands.code, bands.stderr).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      const csv = join(dir, 'manifest.csv');
      expect((await run(['--as', 'jtf.ts', 'airlift', 'manifest', 'print', s.id, '--out', csv])).code).toBe(0);
      expect(readFileSync(csv, 'utf8').split('\r\n').slice(2, -1).map((l) => l.split(',')[0])).toEqual(manifest);

      expect((await run(['--as', 'jtf.ts', 'airlift', 'sortie', 'status', s.id, 'boarding'])).code).toBe(0);
      const scanned = await run(['--as', 'jtf.ts', 'airlift', 'scan', '--sortie', s.id, '--kind', 'board', wristbandCode(manifest[0]!), 'SP-SY-000001-0']);
      expect(scanned.code).toBe(3);
      expect(scanned.stdout).toMatch(/recorded/);
      expect(scanned.stdout).toMatch(/refused/);
      const ticked = join(dir, 'ticked.txt');
      writeFileSync(ticked, `${manifest.slice(1).join('\n')}\n`);
      const entered = await run(['--as', 'jtf.ts', 'airlift', 'manifest', 'enter', s.id, '--kind', 'board', '--ticked', ticked, '--at', '2026-01-05T09:00:00Z']);
      expect(entered.code, entered.stderr).toBe(0);
      const again = await run(['--as', 'jtf.ts', 'airlift', 'manifest', 'enter', s.id, '--kind', 'board', '--ticked', ticked, '--at', '2026-01-05T09:00:00Z']);
      expect(again.stdout).toMatch(/already entered/);
      for (const st of ['airborne', 'landed']) expect((await run(['--as', 'jtf.ts', 'airlift', 'sortie', 'status', s.id, st])).code).toBe(0);
      const close = await run(['--as', 'jtf.ts', 'airlift', 'sortie', 'status', s.id, 'closed']);
      expect(close.code).toBe(6);
      expect(close.stdout).toMatch(/still recorded aboard/);
      const rec = (await json(['airlift', 'reconcile', saved.id])) as { balanced: boolean; byKind: { aircraft: number } };
      expect(rec).toMatchObject({ balanced: true, byKind: { aircraft: manifest.length } });
      const open = (await json(['airlift', 'discrepancies', saved.id, '--open'])) as { id: string; kind: string }[];
      expect(open.filter((d) => d.kind === 'missing-at-arrival')).toHaveLength(manifest.length);
    }, 120_000);

    it('refuses approving an unrelated plan over the detainees of the running one, naming it (exit code 6)', async () => {
      const running = ((await json(['airlift', 'plans'])) as { id: string; status: string }[]).find((p) => p.status === 'approved')!;
      const second = (await json(['airlift', 'save', '--name', 'second operation'])) as { id: string };
      const refused = await run(['--as', 'jtf.ts', 'airlift', 'approve', second.id]);
      expect(refused.code).toBe(6);
      expect(`${refused.stdout}${refused.stderr}`).toMatch(/cannot be approved: \d+ of its detainees \(SP-/);
      expect(`${refused.stdout}${refused.stderr}`).toContain(running.id);
    }, 120_000);

    it('declares a disruption: the re-plan kept and both candidates printed', async () => {
      const running = ((await json(['airlift', 'plans'])) as { id: string; status: string }[]).find((p) => p.status === 'approved')!;
      const aircraft = ((await json(['airlift', 'sortie', 'list', running.id])) as { aircraft: string }[])[0]!.aircraft;
      const r = await run(['--as', 'jtf.ts', 'airlift', 'disrupt', running.id, '--kind', 'aircraft-out-of-service', '--aircraft', aircraft, '--at', '2026-01-05T12:00:00Z']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/(local|full) re-plan kept: /);
      expect(r.stdout).toMatch(/ {2}local: expected loss [\d.]+, \d+ moved, \d+ stranded/);
      expect(r.stdout).toMatch(/ {2}full: expected loss [\d.]+, \d+ moved, \d+ stranded/);
    }, 120_000);
  });
}
