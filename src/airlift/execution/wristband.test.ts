import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, parseWristband, wristbandCode } from '../execution.schemas.js';

const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const arbIsn = fc.tuple(fc.constantFrom('SY', 'IQ', 'FR', 'TN'), fc.integer({ min: 0, max: 999_999 })).map(([c, n]) => `SP-${c}-${String(n).padStart(6, '0')}`);

describe('wristband check character (ISO/IEC 7064 MOD 37-2)', () => {
  it('matches the standard on a known value', () => {
    // ISO/IEC 7064 MOD 37-2: the whole string with its check character sums to 1 (mod 37) under the pure-system weights.
    for (const id of ['SPSY000123', 'SP-IQ-004711', 'A', '0']) {
      const chars = (id.replace(/-/g, '') + checkCharacter(id)).split('').map((c) => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*'.indexOf(c));
      let s = 0;
      for (let i = 0; i < chars.length; i += 1) s = (s + chars[i]! * 2 ** (chars.length - 1 - i)) % 37;
      expect(s).toBe(1);
    }
  });

  it('round-trips every ISN and refuses every single wrong character and every adjacent swap', () => {
    fc.assert(fc.property(arbIsn, fc.nat(), fc.nat(), (isn, at, by) => {
      const code = wristbandCode(isn);
      expect(parseWristband(code)).toEqual({ isn });
      expect(parseWristband(` ${code.toLowerCase()} `)).toEqual({ isn });
      const positions = [...code].map((c, i) => (/[0-9A-Z]/.test(c) ? i : -1)).filter((i) => i >= 0);
      const i = positions[at % positions.length]!;
      const wrong = ALNUM.replace(code[i]!, '')[by % 35]!;
      const typo = code.slice(0, i) + wrong + code.slice(i + 1);
      expect('isn' in parseWristband(typo)).toBe(false);
      const digits = isn.replace(/-/g, '');
      const j = at % (digits.length - 1);
      if (digits[j] !== digits[j + 1]) {
        const swapped = digits.slice(0, j) + digits[j + 1]! + digits[j]! + digits.slice(j + 2);
        expect(checkCharacter(swapped)).not.toBe(checkCharacter(digits));
      }
    }), { numRuns: 2000 });
  });

  it('says why a text is not a wristband', () => {
    expect(parseWristband('hello')).toEqual({ error: expect.stringContaining('not a wristband') as unknown });
  });
});
