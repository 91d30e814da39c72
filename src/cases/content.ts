import { createHash } from 'node:crypto';
import { invalid } from '../kernel/index.js';
import { CasesErrors } from './cases.errors.js';
import { EVIDENCE_CONTENT_TYPES, MAX_EVIDENCE_BYTES, type TContentInput } from './cases.schemas.js';

/** Evidence content checked and ready to store: its bytes, SHA-256 (hex), type and file name. */
export interface Content {
  bytes: Buffer;
  sha256: string;
  contentType: string;
  fileName: string | null;
}

// A character class, not a repeated group: V8 overflows its stack on a group repeated over megabytes.
const BASE64_CHARS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard padded base64 (RFC 4648 section 4), strictly: decodes, and re-encodes to the same text. */
function isStrictBase64(s: string): boolean {
  return s.length % 4 === 0 && BASE64_CHARS.test(s) && Buffer.from(s, 'base64').toString('base64') === s;
}

// The first bytes a file of these types must start with: a file named .pdf that is not a PDF is refused.
const MAGIC: Readonly<Record<string, readonly number[][]>> = {
  'application/pdf': [[0x25, 0x50, 0x44, 0x46, 0x2d]],
  'image/png': [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  'image/jpeg': [[0xff, 0xd8, 0xff]],
  'image/tiff': [[0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]],
};

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** The hex SHA-256 of `bytes`. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function tooLarge(field: string, size: number): never {
  throw invalid(field, `${size} bytes exceeds the limit of ${MAX_EVIDENCE_BYTES} bytes (5 MiB)`, CasesErrors.CASES_CONTENT_TOO_LARGE);
}

/**
 * Checks evidence content: size within 5 MiB, a content type on the allow-list whose signature the bytes
 * carry (PDF, PNG, JPEG, TIFF), strict base64 for files, valid UTF-8 for text.
 * @throws DomainError CASES_CONTENT_TOO_LARGE, CASES_CONTENT_TYPE, CASES_CONTENT_ENCODING naming `field`.
 */
export function checkContent(input: TContentInput, field = 'content'): Content {
  if ('body' in input) {
    const bytes = Buffer.from(input.body, 'utf8');
    if (bytes.length > MAX_EVIDENCE_BYTES) tooLarge(`${field}.body`, bytes.length);
    return { bytes, sha256: sha256Hex(bytes), contentType: input.contentType ?? 'text/plain', fileName: null };
  }
  // Base64 is 4/3 of the bytes: refuse a file far too large before decoding it.
  if (input.file.length > Math.ceil(MAX_EVIDENCE_BYTES / 3) * 4 + 4) tooLarge(`${field}.file`, Math.floor((input.file.length * 3) / 4));
  const type = input.contentType.split(';')[0]!.trim().toLowerCase();
  if (!(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(type)) {
    throw invalid(`${field}.contentType`, `"${type}" is not accepted (accepted: ${EVIDENCE_CONTENT_TYPES.join(', ')})`, CasesErrors.CASES_CONTENT_TYPE);
  }
  if (!isStrictBase64(input.file)) throw invalid(`${field}.file`, 'not valid base64 (RFC 4648, padded)', CasesErrors.CASES_CONTENT_ENCODING);
  const bytes = Buffer.from(input.file, 'base64');
  if (bytes.length > MAX_EVIDENCE_BYTES) tooLarge(`${field}.file`, bytes.length);
  const magic = MAGIC[type];
  if (magic && !magic.some((m) => startsWith(bytes, m))) {
    throw invalid(`${field}.contentType`, `the file is not ${type} (its first bytes do not match)`, CasesErrors.CASES_CONTENT_TYPE);
  }
  if (type.startsWith('text/') || type === 'application/json') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid(`${field}.file`, `${type} must be valid UTF-8`, CasesErrors.CASES_CONTENT_TYPE);
    }
  }
  return { bytes, sha256: sha256Hex(bytes), contentType: type, fileName: input.fileName };
}

/** The text of text content (shown and exported), else null. */
export function textOf(contentType: string, bytes: Buffer): string | null {
  return contentType.startsWith('text/') || contentType === 'application/json' ? bytes.toString('utf8') : null;
}
