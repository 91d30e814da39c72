import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeArabic, normalizeLatin } from '../kernel/index.js';
import { bestNameMatch, nameSimilarity } from './name-match.js';
import { parseName } from './name-structure.js';

describe('name matcher: transliteration variants', () => {
  it.each([
    ['Muhammad Husayn', 'Mohammed Hussein'],
    ['Mohamad Hussain', 'Mohamed Husain'],
    ['Abd al-Rahman', 'Abdul Rahman'],
    ['Abdel Rahman', 'Abdurrahman'],
    ['Qasim al-Hassan', 'Kassem el Hasan'],
    ['Ahmad ibn Ali', 'Ahmed bin Ali'],
    ['Ahmad ben Ali', 'Ahmad bin Ali'],
    ['Abu Bakr al-Baghdadi', 'Aboubakar El Baghdadi'],
    ['Khalid al-Dosari', 'Khaled Aldosari'],
    ['Mohammed Hussein al-Jubouri', 'محمد حسين الجبوري'],
    ['Abd al-Aziz', 'عبدالعزيز'],
  ])('%s ~ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.97);
  });

  it('tells different people apart', () => {
    expect(nameSimilarity('Ahmad Ali', 'Omar Hassan')).toBe(0);
    // Skeletons collide here (mhmd, hmd, mr); the variant dictionary keeps them apart.
    expect(nameSimilarity('Mohammed Ali', 'Mahmoud Ali')).toBeLessThan(0.75);
    expect(nameSimilarity('Ahmad Ali', 'Hamid Ali')).toBeLessThan(0.75);
    expect(nameSimilarity('Omar Saleh', 'Ammar Saleh')).toBeLessThan(0.75);
    expect(nameSimilarity('Hussein Ali', 'Hosein Ali')).toBeGreaterThan(0.95);
  });
});

describe('name matcher: misses found by long random runs of the property test', () => {
  it.each([
    // The greedy alignment paired Ishaq (sk) with Shakir (skr); the optimal one pairs it with إسحاق (shk).
    ['Ishaq Ben Shakir Ben Ali', 'إسحاق بن شاكر بن علي'],
    ['Ishaq Ayoub Shaker Al-Hamadi', 'إسحاق أيوب شاكر الحمادي'],
    // Two spellings with one skeleton (sd) for two names: Sa'd goes with Saad, Saeed with Sayeed.
    ["Nooh Sa'd Saeed al-Tahawi", 'Nouh Saad Sayeed El Tahaoui'],
    // The article written into the word (Alakidi) against a nisba with Bedouin g for ق (el-Ogaidi).
    ['Omar Ayman Alakidi', 'Umar Ayman el-Ogaidi'],
    // The Maghrebi "bel" written apart from the name it is fused to.
    ['Ishaq ibn Walid Bil-Qasim', 'إسحاق بن وليد بلقاسم'],
  ])('%s ~ %s', (a, b) => {
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(0.9);
  });

  it('still tells a name from a different one sharing its skeleton', () => {
    expect(nameSimilarity("Sa'd Ali", 'Saeed Ali')).toBeLessThan(0.75);
  });
});

describe('name matcher: structure', () => {
  it('reads ism, nasab, kunya and nisba', () => {
    expect(parseName('Abdul Rahman bin Khalid al-Dosari').tokens).toEqual([
      { key: 'bdrhmn', role: 'ism' }, { key: '#kld', role: 'nasab', skel: 'kld' }, { key: 'dsr', role: 'nisba' },
    ]);
    expect(parseName('Abu Hamza al-Tunisi')).toEqual({ tokens: [{ key: 'hmz', role: 'kunya' }, { key: 'tns', role: 'nisba' }], nomDeGuerre: true });
    const keys = (n: string) => parseName(n).tokens.map((t) => `${t.role}:${t.key}`);
    expect(keys('أبو حمزة التونسي')).toEqual(keys('Abou Hamza Ettounsi'));
  });

  it('a kunya matches only a kunya', () => {
    expect(nameSimilarity('Abu Hamza', 'Hamza Ali')).toBe(0);
    expect(nameSimilarity('Abu Hamza al-Iraqi', 'Abou Hamza el-Iraqi')).toBe(1);
  });

  it('a nasab chain one generation shorter still matches well; a different ism does not', () => {
    expect(nameSimilarity('Ahmad Mohammed Hussein', 'Ahmad Mohammed')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Ahmad Mohammed Hussein', 'Omar Mohammed Hussein')).toBeLessThan(0.6);
  });

  it('compares all of a person\'s names and reports the best pair', () => {
    const r = bestNameMatch(['Yusuf Ahmad', 'Abu Hamza al-Shami'], ['Abou Hamza Echchami']);
    expect(r).toMatchObject({ similarity: 1, a: 'Abu Hamza al-Shami' });
  });
});

describe('normalisation properties', () => {
  const latin = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzĀāḤḥṢṣʿʾ \'-'.split('')), maxLength: 30 });
  const arabic = fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآةىؤئ َُِّ'.split('')), maxLength: 30 });
  it('is idempotent', () => {
    fc.assert(fc.property(latin, (s) => normalizeLatin(normalizeLatin(s)) === normalizeLatin(s)));
    fc.assert(fc.property(arabic, (s) => normalizeArabic(normalizeArabic(s)) === normalizeArabic(s)));
  });
  it('a name matches itself fully and similarity is symmetric', () => {
    fc.assert(fc.property(latin, latin, (a, b) => {
      if (parseName(a).tokens.length > 0) expect(nameSimilarity(a, a)).toBe(1);
      expect(Math.abs(nameSimilarity(a, b) - nameSimilarity(b, a))).toBeLessThan(0.25);
    }));
  });
});
