import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCandidatePage, TComparison, TDedupResult, TEvaluation, TIdentity } from '../../src/identity/index.js';
import { storeWithScenario, type CliResult, type RunOptions } from '../cli/harness.js';
import { DIALECTS, type TestStore } from '../support/stores.js';

const KNOBS = ['--seed', 'identity-cli', '--detainees', '400', '--facilities', '2', '--aircraft', '2', '--camp-residents', '0'];
const FEBRL = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'febrl');

function json<T>(r: CliResult): T {
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe.each(DIALECTS)('identity commands on a loaded scenario (%s)', (dialect) => {
  let store: TestStore;
  let run: (argv: string[], opts?: RunOptions) => Promise<CliResult>;
  let dir: string;
  const as = ['--as', 'le-id.ts'];
  beforeAll(async () => {
    ({ store, run, dir } = await storeWithScenario(dialect, KNOBS, 'sallyport-identity-'));
  });
  afterAll(async () => store.drop());

  it('dedup queues pairs, a person decides "same", and the alias shows on the identity page', async () => {
    const d = json<TDedupResult>(await run([...as, '--json', 'identity', 'dedup']));
    expect(d.enrollments).toBe(400);
    expect(d.queued).toBeGreaterThan(3);
    const page = json<TCandidatePage>(await run([...as, '--json', 'identity', 'candidates']));
    expect(page.total).toBe(d.queued);
    const c = page.items[0]!;
    const text = await run([...as, 'identity', 'pair', c.id]);
    expect(text.stdout).toMatch(/biometric\s+\+\d/);
    const decided = await run([...as, 'identity', 'decide', c.id, '--decision', 'same', '--reason', 'ten prints agree']);
    expect(decided.code, decided.stderr).toBe(0);
    const noReason = await run([...as, 'identity', 'decide', page.items[1]!.id, '--decision', 'same', '--reason', '']);
    expect(noReason.code).toBe(3);
    expect(noReason.stderr).toMatch(/reason/);
    const id = json<TIdentity>(await run([...as, '--json', 'identity', 'show', c.left.isn]));
    expect(id.members.map((m) => m.isn).sort()).toEqual([c.left.isn, c.right.isn].sort());
    if (c.right.nameLatin !== c.left.nameLatin) expect(id.aliases.map((a) => a.name)).toContain(c.right.nameLatin);
  });

  it('exports an ANSI/NIST-ITL transaction and refuses to import it twice or corrupted, storing nothing', async () => {
    const isn = json<TCandidatePage>(await run([...as, '--json', 'identity', 'candidates', '--status', 'same'])).items[0]!.left.isn;
    const file = join(dir, 'enrollment.an2');
    const ex = await run([...as, 'identity', 'export', '--detainee', isn, '--out', file]);
    expect(ex.code, ex.stderr).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 6).toString()).toBe('1.001:');
    expect(bytes.at(-1)).toBe(0x1c);
    const count = async () => Number((await store.db.selectFrom('identity_enrollments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const again = await run([...as, 'identity', 'import', file]);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/IDENTITY_DUPLICATE_ENROLLMENT|already exists/);
    const bad = Buffer.from(bytes);
    bad.write('0400', bytes.indexOf('1.002:') + 6, 'latin1');
    writeFileSync(join(dir, 'bad.an2'), bad);
    const corrupt = await run([...as, 'identity', 'import', join(dir, 'bad.an2')]);
    expect(corrupt.code).toBe(3);
    expect(corrupt.stderr).toMatch(/record 1 \(Type-1\): field 1\.002 VER/);
    const cut = await run([...as, 'identity', 'import', file.replace('enrollment', 'missing')]);
    expect(cut.code).not.toBe(0);
    expect(await count()).toBe(before);
  });

  it('searches 1:N exactly and through the index file beside the store, which is rebuilt when stale', async () => {
    const page = json<TCandidatePage>(await run([...as, '--json', 'identity', 'candidates', '--status', 'same']));
    const probe = page.items[0]!.left.enrollmentId;
    const r = json<{ exact: { enrollmentId: string }[]; index: { enrollmentId: string }[] }>(await run([...as, '--json', 'identity', 'search', probe, '--k', '5']));
    expect(r.exact).toHaveLength(5);
    expect(r.index.map((h) => h.enrollmentId)).toEqual(r.exact.map((h) => h.enrollmentId));
    expect(r.exact[0]!.enrollmentId).toBe(page.items[0]!.right.enrollmentId);
    if (dialect === 'sqlite') expect(existsSync(join(dirname(store.url.slice('sqlite:'.length)), 'identity.usearch'))).toBe(true);
    // Dedup through the index file finds the pairs the exact dedup found (all already queued or decided).
    const d = json<TDedupResult>(await run([...as, '--json', 'identity', 'dedup', '--index']));
    expect(d).toMatchObject({ enrollments: 400, method: 'index', queued: 0 });
    expect(d.candidates).toBeGreaterThan(3);
  });

  it.runIf(dialect === 'sqlite')('evaluates against the truth, compares two records, and links the FEBRL files', async () => {
    const ev = json<TEvaluation>(await run([...as, '--json', 'identity', 'evaluate']));
    expect(ev.results.map((x) => x.matcher)).toEqual(['biometric', 'names', 'fused']);
    expect(ev.results[2]!.f1).toBeGreaterThan(0.9);
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ names: ['Muhammad Husayn al-Jubouri'], birthDate: '1990-03-04', birthPlace: 'Mosul', nationality: 'IRQ' }));
    writeFileSync(join(dir, 'b.json'), JSON.stringify({ names: ['محمد حسين الجبوري', 'Abu Hamza'], birthYear: 1990, birthPlace: 'al-Mawsil', nationality: 'IRQ' }));
    const cmp = json<TComparison>(await run(['--json', 'identity', 'compare', join(dir, 'a.json'), join(dir, 'b.json')]));
    expect(cmp.match).toBe(true);
    expect(cmp.components.find((c) => c.name === 'names')).toMatchObject({ similarity: 1 });
    const plain = await run(['identity', 'compare', join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(plain.stdout).toMatch(/^names\s+\+/m);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ names: [] }));
    const bad = await run(['identity', 'compare', join(dir, 'a.json'), join(dir, 'bad.json')]);
    expect(bad.code).toBe(3);
    const maps = ['given_name=given', 'surname=surname', 'date_of_birth=birthDate', 'street_number=street_number', 'address_1=address_1', 'suburb=suburb', 'postcode=postcode', 'state=state', 'soc_sec_id=soc_sec_id'].flatMap((m) => ['--map', m]);
    const f1 = join(FEBRL, 'dataset1.csv');
    const out = join(dir, 'pairs.csv');
    const link = json<{ accuracy: { f1: number; truePairs: number } }>(await run(['--json', 'identity', 'link', '--left', f1, '--right', f1, ...maps, '--id', 'rec_id', '--truth', 'febrl', '--out', out]));
    expect(link.accuracy.truePairs).toBe(500);
    expect(link.accuracy.f1).toBeGreaterThanOrEqual(0.99);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^left_id,right_id,score,match,names,birth,/);
    const wrong = await run(['identity', 'link', '--left', f1, '--right', f1, '--map', 'nope=given', '--out', out]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/no column "nope"/);
  });
});
