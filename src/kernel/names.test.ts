import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonOf } from '../../test/support/reason.js';
import { DomainError } from './errors.js';
import { matchesNameKeys, nameSearchKeys, nameSkeleton, queryKeys } from './name-keys.js';
import { checkName, normalizeArabic, normalizeLatin } from './names.js';


describe('checkName', () => {
  it('returns the name NFC-normalized, trimmed and collapsed', () => {
    expect(checkName('n', '  Muhammad   al-Hassan ', 'latin')).toBe('Muhammad al-Hassan');
    expect(checkName('n', 'ʿAbd al-Raḥmān', 'latin')).toBe('ʿAbd al-Raḥmān');
    expect(checkName('n', 'H\u0323asan', 'latin')).toBe('Ḥasan'); // h + combining dot below composes
    expect(checkName('n', "O'Neil Jr.", 'latin')).toBe("O'Neil Jr.");
    expect(checkName('n', ' مُحَمَّد\u00a0 الحسن ', 'arabic')).toBe('مُحَمَّد الحسن');
    expect(checkName('n', 'عبد\u200cالله', 'arabic')).toBe('عبد\u200cالله');
    expect(checkName('n', 'فاطمـــة', 'arabic')).toBe('فاطمـــة');
  });

  it.each([
    ['', 'latin', 'must not be empty'],
    ['   ', 'arabic', 'must not be empty'],
    ['a'.repeat(201), 'latin', 'longer than 200 characters'],
    ['Ali\u0007', 'latin', 'control character U+0007'],
    ['Ali\tHasan', 'latin', 'control character U+0009'],
    ['Ali\u0085', 'latin', 'control character U+0085'],
    ['\u202eAli', 'latin', 'bidirectional control character U+202E'],
    ['علي\u200f', 'arabic', 'bidirectional control character U+200F'],
    ['علي\u061c', 'arabic', 'bidirectional control character U+061C'],
    ['Ali\u2066', 'latin', 'bidirectional control character U+2066'],
    ['Al\u200bi', 'latin', 'zero-width character U+200B'],
    ['\ufeffAli', 'latin', 'zero-width character U+FEFF'],
    ['Al\u200ci', 'latin', 'zero-width character U+200C'],
    ['Al\u00adi', 'latin', 'invisible formatting character U+00AD'],
    ['\u064eعلي', 'arabic', 'combining mark U+064E with no base letter'],
    ['علي \u0651حسن', 'arabic', 'combining mark U+0651 with no base letter'],
    ['\u0301Ali', 'latin', 'combining mark U+0301 with no base letter'],
    ['Ali محمد', 'arabic', 'character "A" (U+0041) is not allowed in an Arabic-script name'],
    ['علي1', 'arabic', 'character "1" (U+0031) is not allowed in an Arabic-script name'],
    ['Ali محمد', 'latin', 'character "م" (U+0645) is not allowed in a Latin-script name'],
    ['Аli', 'latin', 'character "А" (U+0410) is not allowed in a Latin-script name'],
    ['Ali2', 'latin', 'character "2" (U+0032) is not allowed in a Latin-script name'],
    ["'-", 'latin', 'must contain a Latin letter'],
    ['ـــ', 'arabic', 'must contain an Arabic letter'],
  ] as const)('rejects %j as %s: %s', (s, script, reason) => {
    expect(reasonOf(() => checkName('names.0', s, script))).toBe(reason);
  });

  it('reports on the given field', () => {
    try {
      checkName('names.1.arabic', '', 'arabic');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).details.field).toBe('names.1.arabic');
    }
  });
});

describe('normalization', () => {
  it('folds Arabic spelling variants', () => {
    expect(normalizeArabic('مُحَمَّد')).toBe('محمد');
    expect(normalizeArabic('أحمد إبراهيم آمنة ٱلله')).toBe('احمد ابراهيم امنه الله');
    expect(normalizeArabic('مصطفى فاطمة مؤمن عائشة')).toBe('مصطفي فاطمه مومن عايشه');
    expect(normalizeArabic('فاطمـــة')).toBe('فاطمه');
    expect(normalizeArabic('\ufdf2')).toBe('الله');
  });

  it('folds Latin transliteration variants', () => {
    expect(normalizeLatin('ʿAbd al-Raḥmān')).toBe('abd al rahman');
    expect(normalizeLatin("Ja'far  aṣ-Ṣādiq")).toBe('jafar as sadiq');
    expect(normalizeLatin('ʾUsāma ibn Zayd')).toBe('usama ibn zayd');
    expect(normalizeLatin('Çelik Łukasz')).toBe('celik lukasz');
  });
});

describe('name skeletons', () => {
  const groups: Array<[string, string[]]> = [
    ['mhmd', ['Muhammad', 'Mohammed', 'Mohamad', 'Mohamed', 'محمد', 'مُحَمَّد', 'Muḥammad']],
    ['hsn', ['Hussein', 'Husayn', 'Husain', 'حسين', 'Ḥusayn']],
    ['hsn', ['al-Hassan', 'el Hasan', 'Hasan', 'الحسن', 'al-Ḥasan']],
    ['sf', ['Yusuf', 'Youssef', 'Yousef', 'يوسف']],
    ['kld', ['Khalid', 'Khaled', 'خالد']],
    ['mr', ['Umar', 'Omar', 'عمر', 'ʿUmar']],
    ['ftm', ['Fatima', 'Fatimah', 'فاطمة', 'فاطمه']],
    ['bdl', ['Abdullah', 'Abdallah', 'عبدالله', 'Abd Allah', 'عبد الله']],
    ['jml', ['Jamal', 'Gamal', 'جمال']],
    ['bkr', ['Abu Bakr', 'Aboubakar', 'أبو بكر']],
  ];
  it.each(groups)('%s: %j meet', (skeleton, names) => {
    for (const n of names) expect(nameSkeleton(n), n).toBe(skeleton);
  });

  it('gives Abd al-X the same keys in every spelling', () => {
    const spellings = ['Abd al-Rahman', 'Abdul Rahman', 'Abdel Rahman', 'Abdurrahman', 'Abdulrahman', 'ʿAbd al-Raḥmān', 'عبد الرحمن', 'عبدالرحمن'];
    for (const s of spellings) expect(queryKeys(s), s).toEqual(['bd', 'rhmn']);
  });

  it('drops particles', () => {
    expect(queryKeys('Usama bin Zayd')).toEqual(queryKeys('أسامة بن زيد'));
    expect(queryKeys('Fatima bint Ali al-Iraqi')).toEqual(['ftm', 'l', 'rk']);
    expect(queryKeys('فاطمة بنت علي العراقي')).toEqual(['ftm', 'l', 'rk']);
    expect(queryKeys('al el bin')).toEqual([]);
  });
});

describe('search keys', () => {
  const row = nameSearchKeys(['Abd al-Rahman ibn Yusuf al-Hassan', 'عبد الرحمن بن يوسف الحسن']);

  it('is a sorted, space-padded list of distinct keys', () => {
    expect(row.startsWith(' ') && row.endsWith(' ')).toBe(true);
    const words = row.trim().split(' ');
    expect(words).toEqual([...new Set(words)].sort());
    expect(words).toEqual(expect.arrayContaining(['bd', 'rhmn', 'sf', 'hsn', 'rahman', 'yusuf', 'hassan']));
    expect(nameSearchKeys([])).toBe('');
  });

  it('matches queries in either script and spelling, by prefix', () => {
    for (const q of ['Abdul Rahman', 'Abdurrahman Hasan', 'عبدالرحمن', 'Youssef el-Hasan', 'يوسف', 'Abd', 'Yous']) {
      expect(matchesNameKeys(row, queryKeys(q)), q).toBe(true);
    }
    for (const q of ['Muhammad', 'Abdul Karim', 'خالد']) expect(matchesNameKeys(row, queryKeys(q)), q).toBe(false);
    expect(matchesNameKeys(row, [])).toBe(false);
  });

  it('keys hold only lowercase ASCII letters, for any input', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme' })), (names) => {
        expect(nameSearchKeys(names)).toMatch(/^(| ([a-z]+ )+)$/);
        for (const k of queryKeys(names.join(' '))) expect(k).toMatch(/^[a-z]+$/);
      }),
    );
  });
});
