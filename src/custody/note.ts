import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { isKeyName } from './base64.js';

/**
 * C2SP signed notes with Ed25519 keys (c2sp.org/signed-note): key names, key IDs, verifier key strings
 * `<name>+<8 hex>+<base64(0x01 || public key)>`, and signing and opening notes. node:crypto only, so the
 * offline checker can use it.
 */

/** The signed-note signature type of Ed25519. */
export const ED25519_TYPE = 0x01;

/** A public key as a verifier knows it. */
export interface VerifierKey {
  name: string;
  /** The key ID as 8 lowercase hex digits. */
  id: string;
  /** The 32-byte Ed25519 public key. */
  publicKey: Buffer;
  key: KeyObject;
}

/** Something that signs with one named key (the private half stays inside). */
export interface Signer {
  name: string;
  id: string;
  /** `<name>+<id>+<base64(0x01 || public key)>`. */
  verifier: string;
  /** The 64-byte Ed25519 signature of `data`. */
  sign(data: Uint8Array): Buffer;
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Standard base64 decoded strictly (RFC 4648 section 4, padded), or undefined when `s` is not exactly that. */
export function decodeBase64(s: string): Buffer | undefined {
  if (!STRICT_BASE64.test(s)) return undefined;
  const b = Buffer.from(s, 'base64');
  return b.toString('base64') === s ? b : undefined;
}

export { isKeyName };

/** The key ID: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key), as 8 hex digits. */
export function keyIdOf(name: string, publicKey: Uint8Array): string {
  const h = createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, ED25519_TYPE])).update(publicKey).digest();
  return h.subarray(0, 4).toString('hex');
}

/** The verifier key string of a named Ed25519 public key. */
export function formatVerifierKey(name: string, publicKey: Uint8Array): string {
  return `${name}+${keyIdOf(name, publicKey)}+${Buffer.concat([Buffer.from([ED25519_TYPE]), publicKey]).toString('base64')}`;
}

/** A KeyObject for a raw 32-byte Ed25519 public key. */
export function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}

/** Parses a verifier key string, or says why it is not one (wrong type, bad ID, bad encoding). */
export function parseVerifierKey(text: string): VerifierKey | string {
  // The base64 key may itself contain '+': only the first two split.
  const m = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text);
  if (!m) return 'a verifier key is <name>+<id>+<key>';
  const [, name, id, key] = m as unknown as [string, string, string, string];
  if (!isKeyName(name)) return 'bad key name';
  if (!/^[0-9a-f]{8}$/.test(id)) return 'the key ID is not 8 hex digits';
  const bytes = decodeBase64(key);
  if (!bytes || bytes.length !== 33 || bytes[0] !== ED25519_TYPE) return 'not an Ed25519 (type 0x01) public key';
  const publicKey = bytes.subarray(1);
  if (keyIdOf(name, publicKey) !== id) return 'the key ID does not match the name and key';
  try {
    return { name, id, publicKey: Buffer.from(publicKey), key: ed25519PublicKey(publicKey) };
  } catch {
    return 'not a valid Ed25519 public key';
  }
}

/** True when `sig` is `key`'s Ed25519 signature of `data`. Never throws. */
export function verifyWith(key: VerifierKey, data: Uint8Array, sig: Uint8Array): boolean {
  try {
    return sig.length === 64 && verify(null, data, key.key, sig);
  } catch {
    return false;
  }
}

/** Signs a note text (which must end in a newline): the text, a blank line, one signature line. */
export function signNote(text: string, signer: Signer): string {
  if (!text.endsWith('\n')) throw new Error('a note text ends with a newline');
  const sig = Buffer.concat([Buffer.from(signer.id, 'hex'), signer.sign(Buffer.from(text, 'utf8'))]);
  return `${text}\n\u2014 ${signer.name} ${sig.toString('base64')}\n`;
}

/** A note that verified: its text and the names of the known keys that signed it. */
export interface OpenedNote {
  text: string;
  signedBy: string[];
}

/**
 * Opens a signed note against known keys, as c2sp.org/signed-note says: signatures from unknown keys are
 * ignored; a known key's bad signature rejects the note; at least one known key must have signed.
 * @returns the opened note, or the reason it is refused.
 */
export function openNote(note: string, known: readonly VerifierKey[]): OpenedNote | string {
  if (/[\u0000-\u0009\u000b-\u001f]/.test(note)) return 'the note contains a control character';
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return 'not a signed note (no blank line before the signatures)';
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signedBy: string[] = [];
  for (const line of lines) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    if (!m) return `malformed signature line: ${line.slice(0, 80)}`;
    const sig = decodeBase64(m[2]!);
    if (!sig || sig.length < 5) return 'malformed signature';
    const id = sig.subarray(0, 4).toString('hex');
    const key = known.find((k) => k.name === m[1] && k.id === id);
    if (!key) continue;
    if (!verifyWith(key, Buffer.from(text, 'utf8'), sig.subarray(4))) return `the signature of ${key.name} does not verify`;
    signedBy.push(key.name);
  }
  return signedBy.length > 0 ? { text, signedBy } : 'no known key signed the note';
}
