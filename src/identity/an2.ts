import { DomainError } from '../kernel/index.js';
import { IdentityErrors } from './identity.errors.js';

/**
 * ANSI/NIST-ITL 1-2011 (Update 2015) traditional encoding: a transaction is a Type-1 record followed by the
 * records its CNT field lists. Every record is tagged fields `T.NNN:value`, fields separated by GS (0x1D), the
 * record ended by FS (0x1C); a field's subfields (repeats) are separated by RS (0x1E) and a subfield's
 * information items by US (0x1F). Field T.001 (LEN) is the record's length in bytes, FS included. In a Type-99
 * record the last field, 99.999 (BDB), is binary: its bytes run to the record's FS. This module reads and
 * writes that structure; which fields a transaction must carry is the profile's business (`an2-profile.ts`).
 */

export const FS = 0x1c;
export const GS = 0x1d;
export const RS = 0x1e;
export const US = 0x1f;

/** One field: its number and its value as subfields of items (text), or bytes for a binary field. */
export interface An2Field {
  tag: number;
  value: string[][] | Uint8Array;
}

/** One record: its type and fields in order (LEN is computed on writing, checked on reading). */
export interface An2Record {
  type: number;
  fields: An2Field[];
}

/** A malformed file: names the record (position, type) and the field. */
export function malformed(record: string, field: string, reason: string): DomainError {
  return new DomainError('invalid', IdentityErrors.IDENTITY_AN2_MALFORMED, `${record}: field ${field}: ${reason}; nothing stored`, { field: `${record} ${field}`, reason, record });
}

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: true });

function textOf(v: string[][]): string {
  return v.map((sub) => sub.join(String.fromCharCode(US))).join(String.fromCharCode(RS));
}

function tagText(type: number, tag: number): string {
  return `${type}.${String(tag).padStart(3, '0')}:`;
}

/** Encodes one record, computing LEN (whose own digits count towards the length). */
export function encodeRecord(r: An2Record): Uint8Array {
  const body: Uint8Array[] = [];
  for (const f of r.fields) {
    if (f.tag === 1) continue;
    const head = enc.encode(tagText(r.type, f.tag));
    body.push(new Uint8Array([GS]), head, f.value instanceof Uint8Array ? f.value : enc.encode(textOf(f.value)));
  }
  const rest = body.reduce((n, b) => n + b.length, 0) + 1; // + FS
  const prefix = tagText(r.type, 1);
  let len = prefix.length + rest + 1;
  while (prefix.length + String(len).length + rest !== len) len = prefix.length + String(len).length + rest;
  const out = new Uint8Array(len);
  let at = 0;
  const put = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  put(enc.encode(`${prefix}${len}`));
  for (const b of body) put(b);
  out[at] = FS;
  return out;
}

/** Encodes a transaction: the records in order (the Type-1 first, its CNT already listing the others). */
export function encodeTransaction(records: readonly An2Record[]): Uint8Array {
  const parts = records.map(encodeRecord);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function splitText(s: string): string[][] {
  return s.split(String.fromCharCode(RS)).map((sub) => sub.split(String.fromCharCode(US)));
}

/**
 * Decodes one record starting at `at`, of the type the caller expects; `binaryTag` names the field whose
 * value is bytes (99.999 in a Type-99 record).
 * @throws DomainError IDENTITY_AN2_MALFORMED naming `where` and the field.
 */
export function decodeRecord(bytes: Uint8Array, at: number, opts: { type: number; where: string; binaryTag?: number }): { record: An2Record; next: number } {
  const { type, where } = opts;
  const lenTag = tagText(type, 1);
  const head = bytes.subarray(at, at + lenTag.length);
  if (head.length < lenTag.length || String.fromCharCode(...head) !== lenTag) {
    throw malformed(where, `${type}.001 LEN`, at >= bytes.length ? 'the file ends before this record (truncated)' : `the record must start with "${lenTag}"`);
  }
  let p = at + lenTag.length;
  let digits = '';
  while (p < bytes.length && bytes[p] !== GS && bytes[p] !== FS && digits.length < 12) digits += String.fromCharCode(bytes[p++] ?? 0);
  if (!/^\d+$/.test(digits)) throw malformed(where, `${type}.001 LEN`, `"${digits}" is not a length`);
  const len = Number(digits);
  if (at + len > bytes.length) throw malformed(where, `${type}.001 LEN`, `the record claims ${len} bytes but only ${bytes.length - at} remain (truncated)`);
  if (len < lenTag.length + digits.length + 1 || bytes[at + len - 1] !== FS) throw malformed(where, `${type}.001 LEN`, `byte ${len} of the record is not the record separator FS (length wrong or file corrupt)`);
  const end = at + len - 1;
  const fields: An2Field[] = [{ tag: 1, value: [[digits]] }];
  while (p < end) {
    if (bytes[p] !== GS) throw malformed(where, `after ${type}.${String(fields.at(-1)?.tag ?? 1).padStart(3, '0')}`, 'expected the field separator GS');
    p++;
    const colon = bytes.indexOf(0x3a, p);
    if (colon < 0 || colon > end) throw malformed(where, `at byte ${p - at}`, 'a field without a "T.NNN:" tag');
    const tagStr = String.fromCharCode(...bytes.subarray(p, colon));
    const m = /^(\d+)\.(\d{1,3})$/.exec(tagStr);
    if (!m || Number(m[1]) !== type) throw malformed(where, `"${tagStr}"`, `not a field tag of a Type-${type} record`);
    const tag = Number(m[2]);
    if (tag <= (fields.at(-1)?.tag ?? 0)) throw malformed(where, `${type}.${String(tag).padStart(3, '0')}`, 'fields out of order or repeated');
    p = colon + 1;
    if (tag === opts.binaryTag) {
      fields.push({ tag, value: bytes.slice(p, end) });
      p = end;
      break;
    }
    let q = p;
    while (q < end && bytes[q] !== GS) q++;
    let text: string;
    try {
      text = dec.decode(bytes.subarray(p, q));
    } catch {
      throw malformed(where, `${type}.${String(tag).padStart(3, '0')}`, 'not valid UTF-8');
    }
    if (/[\u0000-\u001b]/.test(text)) throw malformed(where, `${type}.${String(tag).padStart(3, '0')}`, 'a control character where text belongs');
    fields.push({ tag, value: splitText(text) });
    p = q;
  }
  return { record: { type, fields }, next: end + 1 };
}

/** The text of a field's first item, or undefined. */
export function item(r: An2Record, tag: number, sub = 0, i = 0): string | undefined {
  const f = r.fields.find((x) => x.tag === tag);
  if (!f || f.value instanceof Uint8Array) return undefined;
  return f.value[sub]?.[i];
}

/** Every subfield of a text field. */
export function subfields(r: An2Record, tag: number): string[][] {
  const f = r.fields.find((x) => x.tag === tag);
  return !f || f.value instanceof Uint8Array ? [] : f.value;
}

/** A binary field's bytes. */
export function binary(r: An2Record, tag: number): Uint8Array | undefined {
  const f = r.fields.find((x) => x.tag === tag);
  return f?.value instanceof Uint8Array ? f.value : undefined;
}
