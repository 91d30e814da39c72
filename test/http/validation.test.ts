import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registration } from '../support/factories.js';
import { DIALECTS } from '../support/stores.js';
import { clientFor, countRows, openHttpWorld, problem, type Client, type HttpWorld } from './harness.js';

const CSV_HEADER = 'isn,name_ar,name_latin,nationality,sex,risk_tier,marking';
const csvRow = (n: number, nationality = 'IRQ') => `SP-SY-${String(n).padStart(6, '0')},محمد حسن,Muhammad Hasan,${nationality},M,low,"C//REL TO IRQ, USA"`;

describe.each(DIALECTS)('HTTP input validation (%s)', (dialect) => {
  let w: HttpWorld;
  let usa: Client;
  let before: number;
  beforeAll(async () => {
    w = await openHttpWorld(dialect);
    usa = await clientFor(w.app, 'reg.usa');
  });
  beforeEach(async () => {
    before = await countRows(w.store, 'detainees');
  });
  afterAll(async () => w?.close());

  const unchanged = async () => expect(await countRows(w.store, 'detainees')).toBe(before);

  it('answers malformed JSON with 400 naming the body and the parser reason', async () => {
    const res = await usa.send('POST', '/api/detainees', '{"isn": "SP-SY-000001",', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p).toMatchObject({ code: 'MALFORMED_JSON', field: 'body', instance: '/api/detainees' });
    expect(String(p.reason)).toMatch(/JSON/);
    await unchanged();
  });

  it('names every field of the wrong type, every missing field and every unknown field', async () => {
    const wrong = await usa.send('POST', '/api/detainees', registration(10, { sex: 5, birthYear: 'nineteen-ninety' }));
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).issues?.map((i) => i.field).sort()).toEqual(['birthYear', 'sex']);

    const { nameLatin: _n, nationality: _c, ...missing } = registration(11);
    const res = await usa.send('POST', '/api/detainees', missing);
    expect(problem(res).issues).toEqual(expect.arrayContaining([{ field: 'nameLatin', reason: 'required' }, { field: 'nationality', reason: 'required' }]));

    const unknown = await usa.send('POST', '/api/detainees', { ...registration(12), favouriteColour: 'blue', aliases: [{ nameLatin: 'Abu Umar', mood: 'x' }] });
    expect(problem(unknown)).toMatchObject({ code: 'INVALID_INPUT', status: 400 });
    expect(problem(unknown).issues).toEqual(expect.arrayContaining([
      { field: 'favouriteColour', reason: 'unknown field' }, { field: 'aliases.0.mood', reason: 'unknown field' },
    ]));
    const query = await usa.get('/api/detainees?limit=0&colour=red');
    expect(problem(query).issues?.map((i) => i.field).sort()).toEqual(['colour', 'limit']);
    await unchanged();
  });

  it('refuses a body over 1 MiB with 413 and an unaccepted content type with 415', async () => {
    const big = await usa.send('POST', '/api/detainees', { ...registration(13), birthPlace: 'x'.repeat(1_100_000) });
    expect(big.statusCode).toBe(413);
    expect(problem(big)).toMatchObject({ code: 'BODY_TOO_LARGE', field: 'body' });
    const xml = await usa.send('POST', '/api/detainees', '<detainee/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
    expect(problem(xml).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const jsonImport = await usa.send('POST', '/api/detainees/import', { csv: 'x' });
    expect(jsonImport.statusCode).toBe(415);
    await unchanged();
  });

  it('accepts Arabic-script names and refuses a bidi override or a leading combining mark, naming the field', async () => {
    const ok = await usa.send('POST', '/api/detainees', registration(20, { nameAr: 'عبد الرَّحمن بن عَوف', nameLatin: 'ʿAbd al-Raḥmān ibn ʿAwf' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().detainee.nameAr).toBe('عبد الرَّحمن بن عَوف'.normalize('NFC'));
    before += 1;

    const bidi = await usa.send('POST', '/api/detainees', registration(21, { nameLatin: 'Ali \u202Enasah' }));
    expect(bidi.statusCode).toBe(400);
    expect(problem(bidi)).toMatchObject({ code: 'INVALID_INPUT', field: 'nameLatin' });
    expect(String(problem(bidi).reason)).toContain('U+202E');

    const mark = await usa.send('POST', '/api/detainees', registration(22, { nameAr: '\u064Eمحمد' }));
    expect(mark.statusCode).toBe(400);
    expect(problem(mark)).toMatchObject({ field: 'nameAr' });
    expect(String(problem(mark).reason)).toMatch(/combining mark U\+064E/);

    const alias = await usa.send('PATCH', '/api/detainees/SP-SY-000020', { version: 1, aliases: [{ nameLatin: 'Abu \u202EAli' }] });
    expect(problem(alias)).toMatchObject({ field: 'aliases.0.nameLatin' });
    expect((await usa.get('/api/detainees/SP-SY-000020')).json()).toMatchObject({ version: 1, aliases: [] });
    await unchanged();
  });

  it('imports CSV all or nothing: one bad row refuses the file and lists the row, field and reason', async () => {
    const bad = [CSV_HEADER, csvRow(30), csvRow(31, 'XXX'), csvRow(32)].join('\n');
    const res = await usa.send('POST', '/api/detainees/import', bad, { 'content-type': 'text/csv' });
    expect(res.statusCode).toBe(400);
    const p = problem(res);
    expect(p.code).toBe('REGISTRY_IMPORT_INVALID');
    expect(p.rows).toEqual([{ row: 2, field: 'nationality', reason: expect.stringContaining('ISO 3166') }]);
    await unchanged();

    const good = [CSV_HEADER, csvRow(30), csvRow(31), csvRow(32)].join('\n');
    const ok = await usa.send('POST', '/api/detainees/import', good, { 'content-type': 'text/csv; charset=utf-8' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 3, pendingReview: [] });
    expect(await countRows(w.store, 'detainees')).toBe(before + 3);
  });

  it('takes CSV bodies up to 20 MiB on the import route only', async () => {
    const padded = `${CSV_HEADER}\n${csvRow(33)}${'\n'.repeat(1_500_000)}`;
    const ok = await usa.send('POST', '/api/detainees/import', padded, { 'content-type': 'text/csv' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ created: 1, pendingReview: [] });
    const huge = await usa.send('POST', '/api/detainees/import', `${CSV_HEADER}\n${'\n'.repeat(21 * 1024 * 1024)}`, { 'content-type': 'text/csv' });
    expect(huge.statusCode).toBe(413);
    expect(problem(huge).code).toBe('BODY_TOO_LARGE');
    const elsewhere = await usa.send('POST', '/api/detainees', padded, { 'content-type': 'text/csv' });
    expect(elsewhere.statusCode).toBe(415);
  });
});
