import { describe, expect, it } from 'vitest';
import { acledDate, checkAcledRow, checkHeader, CsvSyntaxError, readCsv, type CsvStep } from './acled.js';
import type { TImportIssue } from './warning.schemas.js';

const GOOD = {
  event_id_cnty: 'SYR1001', event_date: '2026-01-03', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Syria',
  actor2: '', country: 'Syria', admin1: 'Al-Hasakeh', admin2: 'Al-Hasakeh', admin3: '', location: 'الحسكة', latitude: '36.5', longitude: '40.75',
  fatalities: '3', notes: 'clashes near the prison',
};

async function steps(chunks: string[]): Promise<CsvStep[]> {
  const out: CsvStep[] = [];
  for await (const s of readCsv(chunks)) out.push(s);
  return out;
}

describe('ACLED rows', () => {
  it('reads both of ACLED\'s date forms and refuses impossible dates', () => {
    expect(acledDate('2024-01-15')).toBe('2024-01-15');
    expect(acledDate('15 January 2024')).toBe('2024-01-15');
    expect(acledDate('3 march 2025')).toBe('2025-03-03');
    for (const bad of ['2024-02-30', '31 April 2024', '2024/01/15', '15 Janvier 2024', '']) expect(acledDate(bad), bad).toBeNull();
  });

  it('checks the header: required columns, unknown columns, repeats', () => {
    expect(checkHeader(Object.keys(GOOD))).toEqual([]);
    expect(checkHeader(['event_date', 'event_type', 'foo', 'foo']).map((i) => `${i.field}:${i.reason}`)).toEqual([
      'sub_event_type:required column missing', 'actor1:required column missing', 'country:required column missing', 'location:required column missing',
      'latitude:required column missing', 'longitude:required column missing', 'fatalities:required column missing', 'foo:not an ACLED column',
      'foo:not an ACLED column', 'foo:column given twice',
    ]);
  });

  it('accepts a good row with an Arabic place name, normalised to NFC', () => {
    const issues: TImportIssue[] = [];
    const row = checkAcledRow({ ...GOOD, location: 'Qamishli – القامشلي', admin3: 'Şemdînan'.normalize('NFD') }, 2, '2026-01-10', issues);
    expect(issues).toEqual([]);
    expect(row).toMatchObject({ eventDate: '2026-01-03', lat: 36.5, fatalities: 3, actor2: null, location: 'Qamishli – القامشلي', admin3: 'Şemdînan'.normalize('NFC') });
  });

  it('names the line, column and reason of every kind of bad value', () => {
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ event_date: '2026-13-01' }, 'event_date', /not a date/],
      [{ event_date: '2027-01-01' }, 'event_date', /future/],
      [{ event_type: 'Skirmish' }, 'event_type', /not an ACLED event type/],
      [{ sub_event_type: 'Peaceful protest' }, 'sub_event_type', /not a sub-event type of Battles/],
      [{ latitude: '91' }, 'latitude', /out of range/],
      [{ longitude: 'east' }, 'longitude', /not a number/],
      [{ fatalities: '-1' }, 'fatalities', /out of range/],
      [{ fatalities: '2.5' }, 'fatalities', /whole number/],
      [{ actor1: '' }, 'actor1', /required/],
      [{ location: 'Hasakah\u202Eevil' }, 'location', /direction-override/],
      [{ notes: 'x'.repeat(4001) }, 'notes', /longer than 4000/],
    ];
    for (const [over, field, reason] of cases) {
      const issues: TImportIssue[] = [];
      expect(checkAcledRow({ ...GOOD, ...over }, 7, '2026-01-10', issues), field).toBeUndefined();
      expect(issues[0], field).toMatchObject({ line: 7, field });
      expect(issues[0]?.reason, field).toMatch(reason);
    }
  });
});

describe('reading CSV as a stream', () => {
  it('gives the header then records with their line numbers, however the text is split, BOM and CRLF included', async () => {
    const text = '\uFEFFevent_date,location\r\n2026-01-01,"Tell Tamer, تل تمر"\r\n\r\n2026-01-02,"two\nlines"\r\n2026-01-03,x\r\n';
    const whole = await steps([text]);
    const bytes = Buffer.from(text, 'utf8');
    expect(whole[0]).toEqual({ kind: 'header', columns: ['event_date', 'location'] });
    expect(whole.slice(1).map((s) => (s.kind === 'record' ? [s.line, s.record.location] : s.kind))).toEqual([[2, 'Tell Tamer, تل تمر'], [5, 'two\nlines'], [6, 'x']]);
    const chunked = [];
    for await (const s of readCsv((function* () { for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3); })())) chunked.push(s);
    expect(chunked).toEqual(whole);
  });

  it('reports rows with the wrong number of fields, and a malformed file by line', async () => {
    expect((await steps(['a,b\n1,2,3\n4\n']))).toEqual([{ kind: 'header', columns: ['a', 'b'] }, { kind: 'ragged', line: 2, fields: 3, expected: 2 }, { kind: 'ragged', line: 3, fields: 1, expected: 2 }]);
    const e = await steps(['a,b\n1,"unclosed\n']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CsvSyntaxError);
    expect((e as CsvSyntaxError).line).toBeGreaterThanOrEqual(2);
  });
});
