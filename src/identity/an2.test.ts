import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../kernel/index.js';
import { readAn2, writeAn2 } from './an2-profile.js';

const GS = '\x1d';
const FS = '\x1c';
const RS = '\x1e';
const US = '\x1f';

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return `${e.code} ${e.details.field ?? ''}: ${e.details.reason ?? ''}`;
    throw e;
  }
  return 'ok';
}

function irisBdb(values: number[]): Uint8Array {
  const b = new Uint8Array(3 + values.length * 4);
  const v = new DataView(b.buffer);
  b[0] = 30; // iris, this profile's position code
  v.setUint16(1, values.length, true);
  values.forEach((x, i) => v.setFloat32(3 + i * 4, x, true));
  return b;
}

/**
 * A transaction typed out from the standard's text, LEN values counted by hand: Type-1 with the fields 1-2011
 * makes mandatory (LEN, VER, CNT, TOT, DAT, DAI, ORI, TCN, NSR, NTR), a Type-2 with EBTS fields, a Type-99 CBEFF
 * record whose 99.999 BDB is binary to the FS.
 */
function handBuilt(values: number[] = Array.from({ length: 16 }, (_, i) => (i % 3) - 1)): Uint8Array {
  const type1 = `1.001:137${GS}1.002:0500${GS}1.003:1${US}2${RS}2${US}0${RS}99${US}1${GS}1.004:SPENR${GS}1.005:20260110${GS}1.007:IRQCTS${GS}1.008:USLEID${GS}1.009:TCN-2026-0001${GS}1.011:00.00${GS}1.012:00.00${FS}`;
  const type2 = `2.001:167${GS}2.002:0${GS}2.017:SP-ISN${US}SP-SY-000101${GS}2.018:AL-JUBOURI, MOHAMMED HUSSEIN${GS}2.019:ABU HAMZA AL-IRAQI${GS}2.021:IQ${GS}2.022:19900304${GS}2.900:محمد حسين الجبوري${FS}`;
  const type99 = `99.001:201${GS}99.002:1${GS}99.004:USLEID${GS}99.005:20260110080000Z${GS}99.100:0101${GS}99.101:00000010${GS}99.102:77${US}5350${US}1${GS}99.103:5350${GS}99.104:0001${GS}99.999:`;
  const enc = new TextEncoder();
  const parts = [enc.encode(type1), enc.encode(type2), enc.encode(type99), irisBdb(values), enc.encode(FS)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('ANSI/NIST-ITL 1-2011 traditional encoding', () => {
  it('reads a transaction built by hand from the standard', () => {
    const bytes = handBuilt();
    expect(new TextDecoder().decode(bytes.subarray(137, 137 + 167)).startsWith('2.001:167')).toBe(true);
    const { request, originator } = readAn2(bytes);
    expect(originator).toBe('USLEID');
    expect(request).toMatchObject({
      id: 'TCN-2026-0001', isn: 'SP-SY-000101', capturedAt: '2026-01-10T08:00:00.000Z',
      descriptive: { nameLatin: 'Mohammed Hussein Al-Jubouri', nameAr: 'محمد حسين الجبوري', aliases: ['ABU HAMZA AL-IRAQI'], birthDate: '1990-03-04', nationality: 'IRQ' },
    });
    expect(request.templates).toEqual([{ modality: 'iris', quality: 77, vector: Array.from({ length: 16 }, (_, i) => (i % 3) - 1) }]);
  });

  it('writes what it reads: round trip of every modality, byte for byte', () => {
    const templates = (['finger-1', 'finger-10', 'face', 'iris'] as const).map((modality, i) => ({
      modality, quality: 40 + i * 10, vector: Array.from({ length: modality === 'face' ? 32 : modality === 'iris' ? 16 : 8 }, (_, k) => Math.fround(Math.sin(k + i))),
    }));
    const e = {
      id: '01JAAAAAAAAAAAAAAAAAAAAAAA', isn: 'SP-SY-000777', officer: 'J. Officer', station: 'BIAP-ENR-2', capturedAt: '2026-01-11T09:30:00.000Z', templates,
      descriptive: { nameAr: 'عمر خالد', nameLatin: 'Omar Khalid', aliases: ['Abu Hafs'], birthDate: null, birthYear: 1988, birthPlace: 'Tunis', nationality: 'TUN', languages: [] },
    };
    const bytes = writeAn2(e, { originator: 'USLEID', destination: 'IRQCTS', now: '2026-01-11T10:00:00.000Z' });
    const back = readAn2(bytes);
    expect(back.request).toMatchObject({ id: e.id, isn: e.isn, officer: e.officer, station: e.station, capturedAt: e.capturedAt, templates });
    expect(back.request.descriptive).toMatchObject({ nameAr: 'عمر خالد', nameLatin: 'Khalid Omar'.split(' ').reverse().join(' '), aliases: ['Abu Hafs'], birthYear: 1988, birthPlace: 'Tunis', nationality: 'TUN' });
    expect(writeAn2({ ...back.request, isn: e.isn, descriptive: { ...back.request.descriptive } }, { originator: 'USLEID', destination: 'IRQCTS', now: '2026-01-11T10:00:00.000Z' })).toEqual(bytes);
  });

  it('refuses malformed files naming the record and field', () => {
    const good = handBuilt();
    // Edits byte for byte (latin1 maps each byte to one character), so the binary BDB survives.
    const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');
    const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
    expect(code(() => readAn2(good.subarray(0, good.length - 10)))).toMatch(/^IDENTITY_AN2_MALFORMED record 3 \(Type-99\) 99\.001 LEN: the record claims 201 bytes but only \d+ remain \(truncated\)$/);
    expect(code(() => readAn2(good.subarray(0, 137 + 167)))).toBe('IDENTITY_AN2_MALFORMED record 3 (Type-99) 99.001 LEN: the file ends before this record (truncated)');
    expect(code(() => readAn2(bytes(text(good).replace('1.002:0500', '1.002:0400'))))).toBe('IDENTITY_AN2_MALFORMED record 1 (Type-1) 1.002 VER: version "0400" is not ANSI/NIST-ITL 1-2011 (0500, 0501 or 0502)');
    expect(code(() => readAn2(bytes(text(good).replace('1.001:137', '1.001:138'))))).toMatch(/record 1 \(Type-1\) 1\.001 LEN: byte 138 of the record is not the record separator FS/);
    expect(code(() => readAn2(bytes(text(good).replace('99.102:77', '99.102:99').replace('99.101:00000010', '99.101:00000011'))))).toBe('IDENTITY_AN2_MALFORMED record 3 (Type-99) 99.101 BTY: biometric type 00000011 is not finger (00000008), face (00000002) or iris (00000010)');
    expect(code(() => readAn2(handBuilt([1, 2, Number.NaN, ...new Array<number>(13).fill(1)])))).toBe('IDENTITY_AN2_MALFORMED record 3 (Type-99) 99.999 BDB: value 2 is NaN, not a finite number');
    const extra = new Uint8Array(good.length + 3);
    extra.set(good);
    expect(code(() => readAn2(extra))).toBe('IDENTITY_AN2_MALFORMED after record 3 FS: 3 bytes after the last record the CNT lists');
    expect(code(() => readAn2(bytes(text(good).replace(`2.021:IQ`, `2.021:QQ`))))).toBe('IDENTITY_AN2_MALFORMED record 2 (Type-2) 2.021 CTZ: "QQ" is not an ISO 3166-1 alpha-2 code');
  });

  it('any truncation or corruption is refused as malformed, never crashes', () => {
    const good = handBuilt();
    fc.assert(fc.property(fc.integer({ min: 0, max: good.length - 1 }), (cut) => {
      expect(code(() => readAn2(good.subarray(0, cut)))).toMatch(/^IDENTITY_AN2_MALFORMED /);
    }));
    fc.assert(fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
      const bad = good.slice();
      bad[at] = byte;
      expect(code(() => readAn2(bad))).toMatch(/^(ok|IDENTITY_AN2_MALFORMED )/);
    }));
  });
});
