import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestStore, type TestStore } from '../support/stores.js';
import { addTestAgencies, addUserViaCli, cliOn, type CliResult, type RunOptions } from './harness.js';

const HEADER = 'isn,name_ar,name_latin,nationality,sex,risk_tier,marking';
// One record per level: the viewer (clearance C) may see the first two only.
const ROWS = [
  'SP-IQ-000001,محمد الحسن,Muhammad al-Hasan,IRQ,M,low,U',
  'SP-IQ-000002,عمر الراوي,Umar al-Rawi,IRQ,M,medium,C//REL TO USA',
  'SP-IQ-000003,خالد العبيدي,Khalid al-Ubaydi,SYR,M,high,S',
  'SP-IQ-000004,أحمد الجبوري,Ahmad al-Jaburi,SYR,M,critical,TS//HCS',
];
const VISIBLE_TO_VIEWER = ['SP-IQ-000001', 'SP-IQ-000002'];

function csvFile(dir: string, name: string, rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${[HEADER, ...rows].join('\n')}\n`);
  return path;
}

function isnsOf(r: CliResult): string[] {
  const items = JSON.parse(r.stdout) as { isn: string }[];
  return items.map((d) => d.isn);
}

describe.each(DIALECTS)('detainees commands on %s', (dialect) => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;

  beforeAll(async () => {
    store = await openTestStore(dialect);
    run = cliOn(store.url);
    dir = mkdtempSync(join(tmpdir(), 'sallyport-cli-'));
    await addTestAgencies(store);
    await addUserViaCli(store.url, ['--username', 'reg.ts', '--display-name', 'Registrar TS', '--agency', 'USA-JTF', '--clearance', 'TS', '--role', 'registrar', '--group', 'HCS']);
    await addUserViaCli(store.url, ['--username', 'view.c', '--display-name', 'Viewer C', '--agency', 'USA-JTF', '--clearance', 'C', '--role', 'viewer']);
    const imported = await run(['--as', 'reg.ts', 'detainees', 'import', csvFile(dir, 'ok.csv', ROWS)]);
    expect(imported, imported.stderr).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('imported 4 detainees');
  });

  afterAll(async () => {
    await store.drop();
  });

  it('lists as a JSON array of objects with `isn`', async () => {
    const r = await run(['--as', 'reg.ts', '--json', 'detainees', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as unknown;
    expect(Array.isArray(items)).toBe(true);
    expect(isnsOf(r)).toEqual(ROWS.map((row) => row.split(',')[0]));
  });

  it('shows a low-clearance user fewer detainees, never one above their clearance', async () => {
    const high = await run(['--as', 'reg.ts', '--json', 'detainees', 'list']);
    const low = await run(['detainees', 'list', '--json'], { env: { SALLYPORT_USER: 'view.c' } });
    expect(low.code, low.stderr).toBe(0);
    expect(isnsOf(low)).toEqual(VISIBLE_TO_VIEWER);
    expect(isnsOf(low).length).toBeLessThan(isnsOf(high).length);
    const markings = (JSON.parse(low.stdout) as { marking: string }[]).map((d) => d.marking);
    expect(markings.every((m) => m === 'U' || m.startsWith('C'))).toBe(true);
  });

  it('prints an aligned table under the banner of the records shown', async () => {
    const r = await run(['--as', 'view.c', 'detainees', 'list']);
    expect(r.code, r.stderr).toBe(0);
    const [banner, header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(banner).toBe('CONFIDENTIAL//REL TO USA');
    expect(header).toMatch(/^ISN\s+LATIN NAME\s+ARABIC NAME\s+NAT\s+RISK\s+STATUS\s+FACILITY\s+MARKING$/);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.indexOf('Muhammad')).toBe(header!.indexOf('LATIN NAME'));
    expect(r.stderr).toContain('2 of 2 shown');
  });

  it('filters and pages with the same schema as the API', async () => {
    const first = await run(['--as', 'reg.ts', '--json', 'detainees', 'list', '--nationality', 'SYR', '--limit', '1']);
    expect(isnsOf(first)).toEqual(['SP-IQ-000003']);
    const more = JSON.parse(first.stderr) as { nextCursor: string; total: number };
    expect(more.total).toBe(2);
    const second = await run(['--as', 'reg.ts', '--json', 'detainees', 'list', '--nationality', 'SYR', '--limit', '1', '--cursor', more.nextCursor]);
    expect(isnsOf(second)).toEqual(['SP-IQ-000004']);
  });

  it('shows one detainee with its banner', async () => {
    const r = await run(['--as', 'reg.ts', 'detainees', 'show', 'SP-IQ-000004']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('TOP SECRET//HCS');
    expect(r.stdout).toMatch(/^ISN:\s+SP-IQ-000004$/m);
    const json = await run(['--as', 'reg.ts', '--json', 'detainees', 'show', 'SP-IQ-000004']);
    expect(JSON.parse(json.stdout)).toMatchObject({ isn: 'SP-IQ-000004', nameLatin: 'Ahmad al-Jaburi', riskTier: 'critical' });
  });

  it('answers an unseen ISN exactly like a nonexistent one: exit 4, same message', async () => {
    const unseen = await run(['--as', 'view.c', 'detainees', 'show', 'SP-IQ-000003']);
    const absent = await run(['--as', 'view.c', 'detainees', 'show', 'SP-IQ-000999']);
    expect(unseen.code).toBe(4);
    expect(absent.code).toBe(4);
    expect(unseen.stdout).toBe('');
    expect(unseen.stderr.replace('SP-IQ-000003', 'ISN')).toBe(absent.stderr.replace('SP-IQ-000999', 'ISN'));
  });

  it('refuses a malformed --limit as a usage error naming the option', async () => {
    const r = await run(['--as', 'reg.ts', 'detainees', 'list', '--limit', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: .*\n {2}--limit: /);
    const json = await run(['--as', 'reg.ts', '--json', 'detainees', 'list', '--limit', 'abc']);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'CLI_USAGE', field: '--limit' } });
  });

  it('refuses a CSV with one bad row, names the row and column, and stores nothing', async () => {
    const bad = ['SP-IQ-000010,سعد الدليمي,Saad al-Dulaymi,IRQ,M,low,U', 'SP-IQ-000011,سعد الدليمي,Saad\u202Eal-Dulaymi,IRQ,M,low,U'];
    const r = await run(['--as', 'reg.ts', 'detainees', 'import', csvFile(dir, 'bad.csv', bad)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('row 2: name_latin: bidirectional control character U+202E');
    const after = await run(['--as', 'reg.ts', '--json', 'detainees', 'list']);
    expect(isnsOf(after)).not.toContain('SP-IQ-000010');
    expect(isnsOf(after)).toHaveLength(4);
  });

  it('shows the local operator (cleared for U only) nothing above unclassified', async () => {
    const r = await run(['--as', 'operator', '--json', 'detainees', 'list']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as { marking: string }[];
    for (const d of items) expect(d.marking).toBe('U');
  });
});
