import { describe, expect, it } from 'vitest';
import { checkName } from '../kernel/index.js';
import { FEMALE, KUNYA_NAMES, MALE, drawNameSpec, drawSpelling, otherSpelling, writeKunya, writeName, writeNomDeGuerre, type NameRegion } from './names-ar.js';
import { NATIONS, campWeights, drawNisba } from './nationalities.js';
import { Prng } from './prng.js';

const REGIONS: readonly NameRegion[] = [
  'iraq', 'syria', 'gulf', 'levant', 'maghreb', 'caucasus', 'centralAsia', 'turkic', 'southAsia', 'southeastAsia', 'west', 'balkans', 'eastAfrica', 'uyghur',
];

describe('name tables', () => {
  it('hold enough isms, each in Arabic script with several Latin spellings', () => {
    expect(MALE.length).toBeGreaterThanOrEqual(80);
    expect(FEMALE.length).toBeGreaterThanOrEqual(50);
    for (const p of [...MALE, ...FEMALE, ...KUNYA_NAMES]) {
      expect(checkName('ar', p.ar, 'arabic')).toBe(p.ar);
      expect(p.lat.length, p.ar).toBeGreaterThanOrEqual(2);
      for (const l of p.lat) expect(checkName('lat', l, 'latin')).toBe(l);
    }
    const spellings = (ar: string): readonly string[] => MALE.find((p) => p.ar === ar)?.lat ?? [];
    expect(spellings('محمد')).toEqual(expect.arrayContaining(['Muhammad', 'Mohammed', 'Mohamad', 'Mohamed']));
    expect(spellings('عبد الرحمن')).toEqual(expect.arrayContaining(['Abd al-Rahman', 'Abdul Rahman', 'Abdel Rahman']));
    expect(spellings('حسين')).toEqual(expect.arrayContaining(['Husayn', 'Hussein', 'Husain']));
    expect(spellings('يوسف')).toEqual(expect.arrayContaining(['Yusuf', 'Youssef', 'Yousef']));
  });

  it('know about sixty nationalities, Iraq and Syria first', () => {
    expect(NATIONS.length).toBeGreaterThanOrEqual(55);
    expect(NATIONS.slice(0, 2).map((n) => n.code)).toEqual(['IRQ', 'SYR']);
    expect(new Set(NATIONS.map((n) => n.code)).size).toBe(NATIONS.length);
    expect(campWeights('ROJ').every((w) => w > 0)).toBe(true);
  });
});

describe('written names', () => {
  it('are valid names in both scripts for every region, sex and spelling', () => {
    const rng = new Prng('names');
    for (const region of REGIONS) {
      for (const sex of ['M', 'F'] as const) {
        for (let i = 0; i < 200; i++) {
          const spec = drawNameSpec(rng, region, sex);
          const s = drawSpelling(rng, rng.pick(['en', 'fr', 'eg'] as const));
          for (const w of [writeName(spec, s, rng), writeName(spec, otherSpelling(rng, s), rng)]) {
            expect(checkName('ar', w.ar, 'arabic')).toBe(w.ar);
            expect(checkName('lat', w.latin, 'latin')).toBe(w.latin);
          }
        }
      }
    }
  });

  it('join a Gulf nasab with bin and a Maghreb one with ben, in both scripts', () => {
    const rng = new Prng('nasab');
    const gulf = writeName({ region: 'gulf', sex: 'M', given: 0, father: 1, grand: 2, family: 0, withGrand: true }, { column: 1, article: 'al-', scatter: 0 }, rng);
    expect(gulf).toEqual({ ar: 'محمد بن أحمد بن محمود العتيبي', latin: 'Mohammed bin Ahmed bin Mahmoud al-Otaibi' });
    const maghreb = writeName({ region: 'maghreb', sex: 'M', given: 0, father: 4, grand: 2, family: 1, withGrand: false }, { column: 2, article: '', scatter: 0 }, rng);
    expect(maghreb).toEqual({ ar: 'محمد بن علي الطرابلسي', latin: 'Mohamed Ben Ali Trabelsi' });
    const sun = writeName({ region: 'iraq', sex: 'M', given: 6, father: 0, grand: 0, family: 3, withGrand: false }, { column: 0, article: 'sun', scatter: 0 }, rng);
    expect(sun.latin).toBe('Husayn Muhammad ash-Shammari');
  });

  it('write kunyas and noms de guerre as "Abu X" and "Abu X al-Nisba"', () => {
    const rng = new Prng('kunya');
    const s = { column: 1, article: 'al-', scatter: 0 } as const;
    expect(writeKunya(0, s, rng).ar).toBe('أبو محمد');
    const tunisia = NATIONS.find((n) => n.code === 'TUN');
    expect(tunisia).toBeDefined();
    const nom = writeNomDeGuerre(0, tunisia!.nisbas[0]!, s, rng);
    expect(nom.ar).toBe('أبو محمد التونسي');
    expect(nom.latin).toMatch(/^Ab(u|o) Mohammed al-Tunisi$/);
    expect(writeKunya(0, { ...s, column: 2 }, rng).latin).toBe('Abou Mohamed');
    for (let i = 0; i < 50; i++) expect(drawNisba(rng, tunisia!).lat.length).toBeGreaterThan(0);
  });

  it('gives women of -ov surname regions the feminine form', () => {
    const rng = new Prng('fem');
    const spec = drawNameSpec(rng, 'caucasus', 'F');
    const w = writeName(spec, { column: 0, article: '', scatter: 0 }, rng);
    expect(w.latin).toMatch(/(ova|eva|ina|[^nv])$/);
  });
});
