import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail, TCaseSummary, TDeclassRequest, TEvidenceItem, TQueue } from '../../src/cases/index.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';
import { DIALECTS, type TestStore } from '../support/stores.js';

const KNOBS = ['--seed', 'cases-cli', '--detainees', '200', '--facilities', '2', '--aircraft', '2', '--camp-residents', '40'];

function json<T>(r: CliResult): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

// The reference case files, worked from the command line by the scenario's prosecutors and reviewers.
describe.each(DIALECTS)('cases and declass commands (%s)', (dialect) => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;
  beforeAll(async () => {
    ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-cases-'));
  });
  afterAll(async () => store.drop());

  it('lists and shows case files as each user may see them', async () => {
    const cases = json<TCaseSummary[]>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'list']));
    expect(cases).toHaveLength(4);
    const shown = await run(['--as', 'irq-moj.s', 'cases', 'show', 'CASE-2026-0002']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout.split('\n')[0]).toMatch(/^CONFIDENTIAL|^SECRET/);
    expect(shown.stdout).toContain('redaction');
    expect(shown.stdout).not.toContain('HS-2207');
  });

  it('builds a case, adds evidence from a file, requests, decides, and refuses a second decision', async () => {
    const isn = json<TCaseDetail>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'show', 'CASE-2026-0001'])).detainees[0]!.isn;
    const created = json<TCaseDetail>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'create', '--ref', 'CASE-CLI', '--title', 'From the CLI', '--detainee', isn, '--jurisdiction', 'receiving', '--country', 'IRQ', '--charge', 'Membership']));
    expect(created.ref).toBe('CASE-CLI');
    const file = join(dir, 'statement.txt');
    writeFileSync(file, 'Statement of a neighbour.');
    const item = json<TEvidenceItem>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'add-evidence', 'CASE-CLI', '--kind', 'witness-statement', '--agency', 'INTEL', '--dated', '2026-01-03',
      '--description', 'Neighbour statement', '--source', 'Interview', '--provenance', 'INTEL interview', '--file', file, '--marking', 'S//NOFORN', '--collected-at', '2026-01-03T10:00:00Z']));
    expect(item.versions[0]).toMatchObject({ contentType: 'text/plain', body: 'Statement of a neighbour.', fileName: 'statement.txt' });
    expect(item.custody.map((e) => e.action)).toEqual(['collected']);
    const req = json<TDeclassRequest>(await run(['--as', 'le-id.prosecutor', '--json', 'declass', 'request', '--item', item.ref, '--country', 'IRQ', '--purpose', 'Trial']));
    const queue = json<TQueue>(await run(['--as', 'intel.review', '--json', 'declass', 'queue']));
    expect(queue.items.map((q) => q.id)).toContain(req.id);
    const denied = json<TDeclassRequest>(await run(['--as', 'intel.review', '--json', 'declass', 'decide', req.id, '--outcome', 'deny', '--reason', 'Source at risk']));
    expect(denied.status).toBe('denied');
    const again = await run(['--as', 'intel.review', 'declass', 'decide', req.id, '--outcome', 'release']);
    expect(again.code).toBe(6);
    expect(again.stderr).toContain('already decided');
  });

  it('moves a case forward only; closing before trial and reopening need a reason', async () => {
    const c = json<TCaseDetail>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'status', 'CASE-CLI', 'charged']));
    expect(c.status).toBe('charged');
    const back = await run(['--as', 'le-id.prosecutor', 'cases', 'status', 'CASE-CLI', 'referred']);
    expect(back.code).toBe(6);
    expect(back.stderr).toContain('moves forward only');
    const noReason = await run(['--as', 'le-id.prosecutor', 'cases', 'status', 'CASE-CLI', 'closed']);
    expect(noReason.code).toBe(6);
    expect(noReason.stderr).toContain('reason');
    const badStatus = await run(['--as', 'le-id.prosecutor', 'cases', 'status', 'CASE-CLI', 'finished']);
    expect(badStatus.code).toBe(2);
    expect(badStatus.stderr).toContain('<status>');
    const closed = json<TCaseDetail>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'status', 'CASE-CLI', 'closed', '--reason', 'charges dropped']));
    expect(closed.status).toBe('closed');
    const reopened = json<TCaseDetail>(await run(['--as', 'le-id.prosecutor', '--json', 'cases', 'status', 'CASE-CLI', 'open', '--reason', 'new witness', '--if-version', String(closed.version)]));
    const stale = await run(['--as', 'le-id.prosecutor', 'cases', 'status', 'CASE-CLI', 'referred', '--if-version', String(closed.version)]);
    expect(stale.code).toBe(6);
    expect(stale.stderr).toContain('version');
    expect(reopened.status).toBe('open');
  });

  it('refuses a file of a type off the list and a marking that does not parse, naming the option', async () => {
    const exe = join(dir, 'tool.exe');
    writeFileSync(exe, 'MZ');
    const base = ['--as', 'le-id.prosecutor', 'cases', 'add-evidence', 'CASE-CLI', '--kind', 'digital-media', '--agency', 'LE-ID', '--dated', '2026-01-03', '--description', 'd', '--source', 's', '--provenance', 'p'];
    const bad = await run([...base, '--file', exe, '--marking', 'U']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('content.contentType');
    const marking = await run([...base, '--body', 'x', '--marking', 'SECRET//REL TO ZZZ']);
    expect(marking.code).toBe(2);
    expect(marking.stderr).toContain('--marking');
  });

  it('exports a case file to HTML with its banner, and refuses a PDF to the terminal', async () => {
    const out = join(dir, 'case.html');
    const r = await run(['--as', 'le-id.prosecutor', 'cases', 'export', 'CASE-2026-0002', '--format', 'html', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/marked paragraphs written/);
    expect(readFileSync(out, 'utf8')).toMatch(/<header class="banner">SECRET\/\/[^<]*<\/header>/);
    expect((await run(['--as', 'le-id.prosecutor', 'cases', 'export', 'CASE-2026-0002', '--format', 'pdf'])).code).toBe(2);
  });
});
