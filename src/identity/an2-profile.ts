import { alpha2Of, alpha3Of } from '../kernel/index.js';
import { FS, binary, decodeRecord, encodeTransaction, item, malformed, subfields, type An2Record } from './an2.js';
import type { TEnrollRequest } from './identity.schemas.js';
import { dimOf, type Modality } from './templates.js';

/**
 * Sallyport's profile of ANSI/NIST-ITL 1-2011 (Update 2015), traditional encoding (docs/identity.md):
 * - Type-1: 1.002 VER 0500, 1.003 CNT, 1.004 TOT "SPENR", 1.005 DAT, 1.007 DAI, 1.008 ORI, 1.009 TCN (the
 *   enrollment id), 1.011 NSR and 1.012 NTR "00.00" (no images), 1.014 GMT, 1.015 DCS "003" UTF-8.
 * - Type-2 (IDC 0), EBTS-style: 2.017 MNU (the ISN, as `SP-ISN` US value), 2.018 NAM ("SURNAME, GIVEN"), 2.019
 *   AKA (aliases, repeating), 2.020 POB (ISO 3166 alpha-2 of the place's country, or the place text), 2.021 CTZ
 *   (alpha-2), 2.022 DOB (YYYYMMDD; the year with 0000 when only the year is known), 2.900 the name in Arabic
 *   script (UTF-8), 2.901 the officer, 2.902 the station, 2.903 the place of birth as written.
 * - Type-99 (IDC 1…n), one per template: 99.004 SRC, 99.005 BCD (capture time, GMT), 99.100 HDV "0101",
 *   99.101 BTY (CBEFF biometric type: 00000008 finger, 00000002 face, 00000010 iris), 99.102 BDQ (quality
 *   0–100 US algorithm vendor "5350" US product 1), 99.103 BFO "5350" and 99.104 BFT "0001" (this format),
 *   99.999 BDB: position (1 byte: finger position 1–10, 20 face, 30 iris), dimension (uint16 LE), then the
 *   float32 values, little-endian.
 */

export const VERSION = '0500';
export const TOT = 'SPENR';
export const FORMAT_OWNER = '5350';
export const FORMAT_TYPE = '0001';
const ACCEPTED_VERSIONS = ['0500', '0501', '0502'];
const BTY: Readonly<Record<string, 'finger' | 'face' | 'iris'>> = { '00000008': 'finger', '00000002': 'face', '00000010': 'iris' };

function positionOf(m: Modality): number {
  return m === 'face' ? 20 : m === 'iris' ? 30 : Number(m.slice('finger-'.length));
}
function modalityAt(p: number): Modality | undefined {
  if (p === 20) return 'face';
  if (p === 30) return 'iris';
  return p >= 1 && p <= 10 ? (`finger-${p}` as Modality) : undefined;
}
function btyOf(m: Modality): string {
  return m === 'face' ? '00000002' : m === 'iris' ? '00000010' : '00000008';
}

/** What a transaction carries: the enrollment as a request, and the time it was captured. */
export interface An2Enrollment {
  request: TEnrollRequest & { id: string; capturedAt: string; descriptive: NonNullable<TEnrollRequest['descriptive']> };
  originator: string;
}

function gmt(iso: string): string {
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}
function fromGmt(s: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : undefined;
}

function nam(latin: string): string {
  const words = latin.split(' ');
  const surname = words.length > 1 ? words.slice(1).join(' ') : words[0] ?? '';
  const given = words.length > 1 ? words[0] ?? '' : '';
  return `${surname.toUpperCase()}, ${given.toUpperCase()}`.replace(/, $/, '');
}
function fromNam(n: string): string {
  const [surname = '', given = ''] = n.split(',').map((s) => s.trim());
  const cap = (s: string) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
  return [given, surname].filter(Boolean).map(cap).join(' ');
}

/** Writes an enrollment as a transaction. */
export function writeAn2(e: An2Enrollment['request'] & { isn: string }, opts: { originator: string; destination: string; now: string }): Uint8Array {
  const d = e.descriptive;
  const templates = e.templates;
  const cnt: string[][] = [['1', String(templates.length + 1)], ['2', '0'], ...templates.map((_, i) => ['99', String(i + 1)])];
  const type1: An2Record = {
    type: 1,
    fields: [
      { tag: 2, value: [[VERSION]] }, { tag: 3, value: cnt }, { tag: 4, value: [[TOT]] }, { tag: 5, value: [[e.capturedAt.slice(0, 10).replace(/-/g, '')]] },
      { tag: 7, value: [[opts.destination]] }, { tag: 8, value: [[opts.originator]] }, { tag: 9, value: [[e.id]] },
      { tag: 11, value: [['00.00']] }, { tag: 12, value: [['00.00']] }, { tag: 14, value: [[gmt(opts.now)]] }, { tag: 15, value: [['003', 'UTF-8']] },
    ],
  };
  const dob = d.birthDate ? d.birthDate.replace(/-/g, '') : d.birthYear ? `${d.birthYear}0000` : undefined;
  const text = (tag: number, v: string | null | undefined) => (v ? [{ tag, value: [[v]] }] : []);
  const type2: An2Record = {
    type: 2,
    fields: [
      { tag: 2, value: [['0']] },
      { tag: 17, value: [['SP-ISN', e.isn]] },
      ...text(18, d.nameLatin ? nam(d.nameLatin) : undefined),
      ...((d.aliases ?? []).length > 0 ? [{ tag: 19, value: (d.aliases ?? []).map((a) => [a]) }] : []),
      // EBTS POB is a country code: the scenario's birth places lie in the country of nationality.
      ...text(20, d.nationality && d.birthPlace ? alpha2Of(d.nationality) : undefined),
      ...text(21, d.nationality ? alpha2Of(d.nationality) : undefined),
      ...text(22, dob),
      ...text(900, d.nameAr), ...text(901, e.officer), ...text(902, e.station), ...text(903, d.birthPlace),
    ],
  };
  const type99s: An2Record[] = templates.map((t, i) => {
    const dim = t.vector.length;
    const bdb = new Uint8Array(3 + dim * 4);
    const view = new DataView(bdb.buffer);
    bdb[0] = positionOf(t.modality);
    view.setUint16(1, dim, true);
    t.vector.forEach((x, k) => view.setFloat32(3 + k * 4, x, true));
    return {
      type: 99,
      fields: [
        { tag: 2, value: [[String(i + 1)]] }, { tag: 4, value: [[opts.originator]] }, { tag: 5, value: [[gmt(e.capturedAt)]] },
        { tag: 100, value: [['0101']] }, { tag: 101, value: [[btyOf(t.modality)]] }, { tag: 102, value: [[String(Math.round(t.quality)), FORMAT_OWNER, '1']] },
        { tag: 103, value: [[FORMAT_OWNER]] }, { tag: 104, value: [[FORMAT_TYPE]] }, { tag: 999, value: bdb },
      ],
    };
  });
  return encodeTransaction([type1, type2, ...type99s]);
}

function need(r: An2Record, where: string, tag: number, name: string): string {
  const v = item(r, tag);
  if (v === undefined || v === '') throw malformed(where, `${r.type}.${String(tag).padStart(3, '0')} ${name}`, 'missing');
  return v;
}

function readType1(bytes: Uint8Array): { t1: An2Record; records: { type: number; idc: string }[]; next: number } {
  const where = 'record 1 (Type-1)';
  const { record: t1, next } = decodeRecord(bytes, 0, { type: 1, where });
  const ver = need(t1, where, 2, 'VER');
  if (!ACCEPTED_VERSIONS.includes(ver)) throw malformed(where, '1.002 VER', `version "${ver}" is not ANSI/NIST-ITL 1-2011 (0500, 0501 or 0502)`);
  const cnt = subfields(t1, 3);
  if (cnt[0]?.[0] !== '1' || !/^\d+$/.test(cnt[0]?.[1] ?? '')) throw malformed(where, '1.003 CNT', 'the first subfield must be "1" and the count of other records');
  const records = cnt.slice(1).map((s, i) => {
    if (!/^\d+$/.test(s[0] ?? '') || s[1] === undefined) throw malformed(where, '1.003 CNT', `subfield ${i + 2} is not "type US IDC"`);
    return { type: Number(s[0]), idc: s[1] };
  });
  if (records.length !== Number(cnt[0]?.[1])) throw malformed(where, '1.003 CNT', `lists ${records.length} records but says ${cnt[0]?.[1]}`);
  for (const [tag, name] of [[4, 'TOT'], [5, 'DAT'], [7, 'DAI'], [8, 'ORI'], [9, 'TCN'], [11, 'NSR'], [12, 'NTR']] as const) need(t1, where, tag, name);
  if (!/^\d{8}$/.test(item(t1, 5) ?? '')) throw malformed(where, '1.005 DAT', 'not a date YYYYMMDD');
  if (!/^\d{2}\.\d{2}$/.test(item(t1, 11) ?? '')) throw malformed(where, '1.011 NSR', 'not a resolution NN.NN');
  return { t1, records, next };
}

function readType99(r: An2Record, where: string): TEnrollRequest['templates'][number] & { capturedAt?: string } {
  const bty = need(r, where, 101, 'BTY');
  const kind = BTY[bty];
  if (!kind) throw malformed(where, '99.101 BTY', `biometric type ${bty} is not finger (00000008), face (00000002) or iris (00000010)`);
  if (need(r, where, 100, 'HDV') !== '0101') throw malformed(where, '99.100 HDV', 'CBEFF header version must be 0101');
  const q = need(r, where, 102, 'BDQ');
  if (!/^\d{1,3}$/.test(q) || Number(q) > 100) throw malformed(where, '99.102 BDQ', `quality "${q}" is not 0–100`);
  if (need(r, where, 103, 'BFO') !== FORMAT_OWNER || need(r, where, 104, 'BFT') !== FORMAT_TYPE) {
    throw malformed(where, '99.103 BFO / 99.104 BFT', `format ${item(r, 103)}/${item(r, 104)} is not this profile's template format ${FORMAT_OWNER}/${FORMAT_TYPE}`);
  }
  const bdb = binary(r, 999);
  if (!bdb || bdb.length < 3) throw malformed(where, '99.999 BDB', 'missing or shorter than its 3-byte header');
  const view = new DataView(bdb.buffer, bdb.byteOffset, bdb.byteLength);
  const modality = modalityAt(bdb[0] ?? 0);
  if (!modality || (kind === 'finger') !== modality.startsWith('finger') || (kind !== 'finger' && kind !== modality)) {
    throw malformed(where, '99.999 BDB', `position ${bdb[0] ?? 0} does not fit biometric type ${bty}`);
  }
  const dim = view.getUint16(1, true);
  if (dim !== dimOf(modality)) throw malformed(where, '99.999 BDB', `a ${modality} template has ${dimOf(modality)} values, not ${dim}`);
  if (bdb.length !== 3 + dim * 4) throw malformed(where, '99.999 BDB', `${bdb.length} bytes where the header announces ${3 + dim * 4}`);
  const vector: number[] = [];
  for (let k = 0; k < dim; k++) {
    const x = view.getFloat32(3 + k * 4, true);
    if (!Number.isFinite(x)) throw malformed(where, '99.999 BDB', `value ${k} is ${String(x)}, not a finite number`);
    vector.push(x);
  }
  const bcd = item(r, 5);
  const capturedAt = bcd ? fromGmt(bcd) : undefined;
  if (bcd && !capturedAt) throw malformed(where, '99.005 BCD', 'not a GMT time YYYYMMDDhhmmssZ');
  return { modality, quality: Number(q), vector, ...(capturedAt ? { capturedAt } : {}) };
}

/**
 * Reads a transaction into an enrollment request, checking the structure and this profile. Nothing else:
 * the enrollment's own checks (quality floors, the detainee) run when it is enrolled.
 * @throws DomainError IDENTITY_AN2_MALFORMED naming the record and field.
 */
export function readAn2(bytes: Uint8Array): An2Enrollment {
  const { t1, records, next } = readType1(bytes);
  let at = next;
  let t2: An2Record | undefined;
  const templates: (TEnrollRequest['templates'][number] & { capturedAt?: string })[] = [];
  records.forEach(({ type }, i) => {
    const where = `record ${i + 2} (Type-${type})`;
    if (type !== 2 && type !== 99) throw malformed(where, '1.003 CNT', `record type ${type} is not in this profile (2 and 99 only)`);
    const { record, next: n } = decodeRecord(bytes, at, { type, where, ...(type === 99 ? { binaryTag: 999 } : {}) });
    at = n;
    if (type === 2) {
      if (t2) throw malformed(where, '2.002 IDC', 'a second Type-2 record');
      t2 = record;
    } else templates.push(readType99(record, where));
  });
  if (at !== bytes.length) throw malformed(`after record ${records.length + 1}`, 'FS', `${bytes.length - at} bytes after the last record the CNT lists`);
  if (bytes[bytes.length - 1] !== FS) throw malformed(`record ${records.length + 1}`, 'FS', 'the file does not end with FS');
  if (!t2) throw malformed('record 2 (Type-2)', '1.003 CNT', 'no Type-2 record');
  const w2 = 'record 2 (Type-2)';
  const mnu = subfields(t2, 17)[0];
  if (mnu?.[0] !== 'SP-ISN' || !mnu[1]) throw malformed(w2, '2.017 MNU', 'must hold "SP-ISN" US the ISN');
  if (templates.length === 0) throw malformed('record 1 (Type-1)', '1.003 CNT', 'no Type-99 record: a transaction needs at least one template');
  const dob = item(t2, 22);
  if (dob !== undefined && !/^\d{4}(\d{4})$/.test(dob)) throw malformed(w2, '2.022 DOB', 'not YYYYMMDD');
  const ctz = item(t2, 21);
  let nationality: string | null = null;
  try {
    nationality = ctz ? alpha3Of(ctz) : null;
  } catch {
    throw malformed(w2, '2.021 CTZ', `"${ctz ?? ''}" is not an ISO 3166-1 alpha-2 code`);
  }
  const tcn = need(t1, 'record 1 (Type-1)', 9, 'TCN');
  const nam = item(t2, 18);
  const aka = subfields(t2, 19).map((s) => s[0] ?? '').filter(Boolean);
  const capturedAt = templates.find((t) => t.capturedAt)?.capturedAt ?? `${(item(t1, 5) ?? '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3')}T00:00:00.000Z`;
  return {
    originator: item(t1, 8) ?? '',
    request: {
      id: tcn, isn: mnu[1], officer: item(t2, 901) ?? item(t1, 8) ?? 'unknown', station: item(t2, 902) ?? item(t1, 7) ?? 'unknown', capturedAt,
      templates: templates.map(({ modality, quality, vector }) => ({ modality, quality, vector })),
      descriptive: {
        nameAr: item(t2, 900) ?? null, nameLatin: nam ? fromNam(nam) : null, aliases: aka,
        birthDate: dob && !dob.endsWith('0000') ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6, 8)}` : null,
        birthYear: dob ? Number(dob.slice(0, 4)) : null, birthPlace: item(t2, 903) ?? null, nationality, languages: [],
      },
    },
  };
}

