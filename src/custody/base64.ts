/**
 * Browser-safe text checks the event schemas share with the signed-note code (no Node APIs, so that the web
 * client can import the schemas).
 */

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * The number of bytes `s` decodes to when it is standard padded base64 in its one canonical form (RFC 4648
 * section 4; the unused bits of the last character zero), else undefined.
 */
export function base64Length(s: string): number | undefined {
  if (!STRICT_BASE64.test(s)) return undefined;
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  if (pad > 0) {
    const last = ALPHABET.indexOf(s[s.length - pad - 1]!);
    if ((last & (pad === 2 ? 0x0f : 0x03)) !== 0) return undefined;
  }
  return (s.length / 4) * 3 - pad;
}

/** True when `name` may name a key: non-empty, no Unicode space, no plus sign. */
export function isKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u.test(name);
}
