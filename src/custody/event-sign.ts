import { canonicalBytes } from '../kernel/index.js';
import type { TCustodyEvent, TEventSignature, TParty } from './events.schemas.js';
import { decodeBase64, verifyWith, type Signer, type VerifierKey } from './note.js';

/**
 * Agency signatures on custody events: each signs the RFC 8785 canonical JSON of the event with its
 * `signatures` member removed; the log entry itself is the canonical JSON of the whole event.
 */

/** The name of an agency's signing key of a generation: `sallyport/agency/CODE`, then `sallyport/agency/CODE/2`, … */
export function agencyKeyName(agency: string, generation: number): string {
  return generation === 1 ? `sallyport/agency/${agency}` : `sallyport/agency/${agency}/${generation}`;
}

/** True when `name` is a signing key name of `agency` (any generation). */
export function isAgencyKeyName(name: string, agency: string): boolean {
  const base = `sallyport/agency/${agency}`;
  return name === base || (name.startsWith(`${base}/`) && /^[1-9][0-9]*$/.test(name.slice(base.length + 1)));
}

/** The bytes an agency signs: the canonical JSON of `event` without `signatures`. */
export function signingBytes(event: object): Uint8Array {
  const { signatures: _omit, ...rest } = event as { signatures?: unknown };
  return canonicalBytes(rest);
}

/** The leaf data of an event: the UTF-8 bytes of its canonical JSON, signatures included. */
export function leafDataOf(event: TCustodyEvent): Buffer {
  return Buffer.from(canonicalBytes(event));
}

/** `signer`'s signature over `event` (whose `signatures`, if any, are ignored). */
export function signEvent(event: object, signer: Signer): TEventSignature {
  return { key: signer.name, id: signer.id, sig: signer.sign(signingBytes(event)).toString('base64') };
}

/** The parties whose signatures an event needs: both custodians of a handover, else the one who records it. */
export function signingParties(event: TCustodyEvent): TParty[] {
  return event.type === 'handover' ? [event.from, event.to] : [event.custodian];
}

/**
 * Checks an event's signatures: every required party signed with the key it names, and every signature
 * present verifies against a known key.
 * @returns null when all hold, else what is wrong.
 */
export function signatureFault(event: TCustodyEvent, keys: ReadonlyMap<string, VerifierKey>): string | null {
  const bytes = signingBytes(event);
  for (const s of event.signatures) {
    const key = keys.get(s.key);
    if (!key || key.id !== s.id) return `signature by unknown key ${s.key}+${s.id}`;
    const sig = decodeBase64(s.sig);
    if (!sig || !verifyWith(key, bytes, sig)) return `the signature of ${s.key} does not verify`;
  }
  for (const p of signingParties(event)) {
    if (!isAgencyKeyName(p.key, p.agency)) return `key ${p.key} is not a key of agency ${p.agency}`;
    if (!event.signatures.some((s) => s.key === p.key)) return `not signed by ${p.agency} (key ${p.key})`;
  }
  return null;
}
