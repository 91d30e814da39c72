import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reasonOf } from '../../test/support/reason.js';
import { COUNTRIES } from './countries.js';
import { DomainError } from './errors.js';
import {
  LEVELS,
  ZMarking,
  ZMarkingText,
  bannerOf,
  canSee,
  formatBanner,
  formatMarking,
  isCaveat,
  levelRank,
  normalizeMarking,
  parseMarking,
  portionMark,
  type Marking,
  type Viewer,
} from './markings.js';

const rel = (...countries: string[]): Marking['rel'] => ({ kind: 'rel', countries });
const mk = (level: Marking['level'], r: Marking['rel'] = { kind: 'all' }, caveats: string[] = []): Marking => ({ level, rel: r, caveats });


const countryCodes = [...COUNTRIES.keys()];
const arbMarking: fc.Arbitrary<Marking> = fc.record({
  level: fc.constantFrom(...LEVELS),
  rel: fc.oneof(
    fc.constant({ kind: 'all' as const }),
    fc.constant({ kind: 'noforn' as const }),
    fc.record({ kind: fc.constant('rel' as const), countries: fc.subarray(countryCodes.slice(0, 12), { minLength: 1 }) }),
  ),
  caveats: fc.oneof(
    fc.subarray(['A', 'HCS', 'SI', 'TK']), // a small pool, so viewers often hold them
    fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9-]{0,31}$/).filter(isCaveat), { maxLength: 4 }),
  ),
});

describe('levels', () => {
  it('ranks U < C < S < TS', () => {
    expect(LEVELS.map(levelRank)).toEqual([0, 1, 2, 3]);
  });
});

describe('parseMarking', () => {
  it('reads portion and banner forms, tolerating case and spaces', () => {
    expect(parseMarking('(S//REL TO USA, IRQ)')).toEqual(mk('S', rel('IRQ', 'USA')));
    expect(parseMarking('S//REL TO USA, IRQ')).toEqual(mk('S', rel('IRQ', 'USA')));
    expect(parseMarking('U')).toEqual(mk('U'));
    expect(parseMarking('C//NOFORN')).toEqual(mk('C', { kind: 'noforn' }));
    expect(parseMarking('TS//SI/HCS//REL TO USA, GBR')).toEqual(mk('TS', rel('GBR', 'USA'), ['HCS', 'SI']));
    expect(parseMarking('  ( s // rel  to usa ,irq ) ')).toEqual(mk('S', rel('IRQ', 'USA')));
    expect(parseMarking('TOP SECRET//SI//NOFORN')).toEqual(mk('TS', { kind: 'noforn' }, ['SI']));
  });

  it('names the fault precisely', () => {
    expect(reasonOf(() => parseMarking('X//NOFORN'))).toBe('unknown classification level "X" (expected U, C, S or TS)');
    expect(reasonOf(() => parseMarking('S//REL TO USA, XXX'))).toBe('"XXX" is not an ISO 3166-1 alpha-3 country code');
    expect(reasonOf(() => parseMarking('S//REL TO US'))).toBe('"US" is not an ISO 3166-1 alpha-3 country code');
    expect(reasonOf(() => parseMarking('S//REL TO'))).toBe('REL TO lists no country');
    expect(reasonOf(() => parseMarking('S//REL TO USA,'))).toBe('empty country code in REL TO list');
    expect(reasonOf(() => parseMarking('S//NOFORN/REL TO USA'))).toBe('REL TO and NOFORN cannot be combined');
    expect(reasonOf(() => parseMarking('S//SI G//NOFORN'))).toMatch(/^bad caveat "SI G"/);
    expect(reasonOf(() => parseMarking(''))).toBe('empty marking');
    expect(reasonOf(() => parseMarking('(S//NOFORN'))).toBe('unbalanced parentheses');
  });

  it('reports on the given field', () => {
    try {
      parseMarking('Q', 'paragraphs.2.marking');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details.field).toBe('paragraphs.2.marking');
    }
  });
});

describe('formatting', () => {
  it('writes the canonical text, portion mark and banner', () => {
    const m = mk('S', rel('USA', 'GBR', 'USA'), ['SI', 'HCS']);
    expect(formatMarking(m)).toBe('S//HCS/SI//REL TO GBR, USA');
    expect(portionMark(mk('S', rel('USA', 'IRQ')))).toBe('(S//REL TO IRQ, USA)');
    expect(formatBanner(mk('S', rel('USA', 'IRQ'), ['SI']))).toBe('SECRET//SI//REL TO IRQ, USA');
    expect(formatBanner(mk('TS', { kind: 'noforn' }))).toBe('TOP SECRET//NOFORN');
    expect(formatBanner(bannerOf([]))).toBe('UNCLASSIFIED');
  });

  it('round-trips every marking through text', () => {
    fc.assert(
      fc.property(arbMarking, (m) => {
        const n = normalizeMarking(m);
        expect(parseMarking(formatMarking(m))).toEqual(n);
        expect(parseMarking(portionMark(m))).toEqual(n);
        expect(parseMarking(formatBanner(m))).toEqual(n);
      }),
    );
  });
});

describe('bannerOf', () => {
  it('takes the highest level, intersects REL TO and unites caveats', () => {
    const b = bannerOf([mk('C', rel('IRQ', 'USA', 'GBR'), ['SI']), mk('S', rel('USA', 'IRQ'), ['HCS']), mk('U')]);
    expect(b).toEqual(mk('S', rel('IRQ', 'USA'), ['HCS', 'SI']));
  });

  it('gives NOFORN for any NOFORN part or an empty intersection', () => {
    expect(bannerOf([mk('S', rel('USA')), mk('C', { kind: 'noforn' })]).rel).toEqual({ kind: 'noforn' });
    expect(bannerOf([mk('S', rel('USA')), mk('S', rel('IRQ'))]).rel).toEqual({ kind: 'noforn' });
    expect(bannerOf([mk('U'), mk('C')]).rel).toEqual({ kind: 'all' });
  });

  it('is commutative and associative', () => {
    fc.assert(
      fc.property(arbMarking, arbMarking, arbMarking, (a, b, c) => {
        expect(bannerOf([a, b])).toEqual(bannerOf([b, a]));
        expect(bannerOf([bannerOf([a, b]), c])).toEqual(bannerOf([a, bannerOf([b, c])]));
        expect(bannerOf([a, b, c])).toEqual(bannerOf([bannerOf([a, b]), c]));
      }),
    );
  });
});

describe('canSee', () => {
  const us: Viewer = { clearance: 'S', country: 'USA', groups: ['SI'] };
  const iq: Viewer = { clearance: 'TS', country: 'IRQ', groups: [] };

  it('requires clearance at least the level', () => {
    expect(canSee(us, mk('S'), 'USA')).toBe(true);
    expect(canSee(us, mk('TS'), 'USA')).toBe(false);
  });

  it('admits REL TO countries and the originator, and only the originator under NOFORN', () => {
    expect(canSee(iq, mk('S', rel('IRQ', 'USA')), 'USA')).toBe(true);
    expect(canSee(iq, mk('S', rel('GBR')), 'USA')).toBe(false);
    expect(canSee(iq, mk('S', rel('GBR')), 'IRQ')).toBe(true);
    expect(canSee(iq, mk('S', { kind: 'noforn' }), 'USA')).toBe(false);
    expect(canSee(us, mk('S', { kind: 'noforn' }), 'USA')).toBe(true);
  });

  it('requires every caveat group', () => {
    expect(canSee(us, mk('S', { kind: 'all' }, ['SI']), 'USA')).toBe(true);
    expect(canSee(us, mk('S', { kind: 'all' }, ['SI', 'HCS']), 'USA')).toBe(false);
  });

  it('a viewer who may see a banner may see each of its parts', () => {
    // A small world (three countries, four caveats), so that viewers often see banners over several parts.
    const world = ['GBR', 'IRQ', 'USA'];
    const arbPart: fc.Arbitrary<Marking> = fc.record({
      level: fc.constantFrom(...LEVELS),
      rel: fc.oneof(
        fc.constant({ kind: 'all' as const }),
        fc.constant({ kind: 'noforn' as const }),
        fc.record({ kind: fc.constant('rel' as const), countries: fc.subarray(world, { minLength: 1 }) }),
      ),
      caveats: fc.subarray(['A', 'HCS', 'SI', 'TK'], { maxLength: 2 }),
    });
    const arbViewer = fc.record({
      clearance: fc.constantFrom(...LEVELS),
      country: fc.constantFrom(...world),
      groups: fc.subarray(['A', 'HCS', 'SI', 'TK']),
    });
    let nonTrivial = 0; // runs where a viewer sees a banner over two or more parts
    fc.assert(
      fc.property(arbViewer, fc.array(arbPart, { maxLength: 4 }), fc.constantFrom(...world), (v, parts, origin) => {
        if (!canSee(v, bannerOf(parts), origin)) return;
        if (parts.length >= 2) nonTrivial++;
        for (const p of parts) expect(canSee(v, p, origin)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(nonTrivial).toBeGreaterThan(10); // about 60 expected
  });
});

describe('zod schemas', () => {
  it('ZMarking normalizes and rejects bad codes', () => {
    expect(ZMarking.parse({ level: 'S', rel: rel('USA', 'IRQ', 'USA'), caveats: ['SI', 'HCS'] })).toEqual(
      mk('S', rel('IRQ', 'USA'), ['HCS', 'SI']),
    );
    expect(ZMarking.safeParse({ level: 'S', rel: rel('XXX'), caveats: [] }).success).toBe(false);
    expect(ZMarking.safeParse({ level: 'S', rel: rel(), caveats: [] }).success).toBe(false);
    expect(ZMarking.safeParse({ level: 'S', rel: { kind: 'all' }, caveats: ['si'] }).success).toBe(false);
    expect(ZMarking.safeParse({ level: 'S', rel: { kind: 'all' }, caveats: ['NOFORN'] }).success).toBe(false);
  });

  it('ZMarkingText parses text and reports the reason as an issue', () => {
    expect(ZMarkingText.parse('(C//REL TO USA)')).toEqual(mk('C', rel('USA')));
    const r = ZMarkingText.safeParse('S//REL TO USA//NOFORN');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('REL TO and NOFORN cannot be combined');
  });
});
