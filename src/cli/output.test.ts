import { describe, expect, it } from 'vitest';
import { bannerLine, displayWidth, formatFields, formatTable, safeText } from './output.js';

describe('CLI output', () => {
  it('aligns columns by display width, ignoring Arabic harakat', () => {
    const rows = [{ a: 'مُحَمَّد', b: 'x' }, { a: 'عمر', b: 'y' }];
    const lines = formatTable(rows, [{ header: 'NAME', cell: (r) => r.a }, { header: 'B', cell: (r) => r.b }]);
    expect(displayWidth('مُحَمَّد')).toBe(4);
    expect(lines).toEqual(['NAME  B', 'مُحَمَّد  x', 'عمر   y']);
  });

  it('escapes control and bidi override characters so a stored value cannot rewrite the terminal', () => {
    expect(safeText('a\u202Eb\u001b[2Jc')).toBe('a\\u{202E}b\\u{1B}[2Jc');
    expect(formatFields([['Name', 'x\ny'], ['List', ['a', 'b']], ['None', null]])).toEqual(['Name: x\\u{A}y', 'List: a, b', 'None: -']);
  });

  it('bans the highest level, the common REL TO and every caveat', () => {
    expect(bannerLine(['U', 'C//REL TO GBR, USA', 'S//HCS//REL TO USA'])).toBe('SECRET//HCS//REL TO USA');
    expect(bannerLine([])).toBeUndefined();
  });
});
