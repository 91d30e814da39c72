import { verify } from 'node:crypto';
import { canonicalBytes, canonicalJson, DomainError, type JsonValue } from '../kernel/index.js';
import { listKeys, parseVerifierKey, signerOf, type CustodyCtx, type Signer } from '../custody/index.js';
import type { Db } from '../store/index.js';
import { CasesErrors } from './cases.errors.js';

/**
 * Decisions are signed like custody events: Ed25519 over the RFC 8785 canonical JSON of the decision, with the
 * originating agency's current key from the custody keyring (the private half) and its published verifier key.
 */

/** The format tag of a signed declassification decision. */
export const DECISION_FORMAT = 'sallyport.declass.decision/1';

/** The current signer of agency `code` from the keyring. @throws DECLASS_NO_SIGNING_KEY. */
export async function agencySignerOf(cx: CustodyCtx, db: Db, code: string): Promise<Signer> {
  const key = (await listKeys(db)).keys.find((k) => k.role === 'agency' && k.agency === code && k.current);
  const priv = key ? await cx.keyring.get(key.name, key.id) : undefined;
  if (!key || !priv) {
    throw new DomainError('conflict', CasesErrors.DECLASS_NO_SIGNING_KEY, `agency ${code} has no signing key in ${cx.keyring.location}; create one with \`custody keys create --agency ${code}\``, {
      reason: 'no signing key',
    });
  }
  return signerOf(key.name, priv);
}

/** Signs a decision: its canonical JSON text and the signature. */
export function signDecision(decision: Record<string, JsonValue>, signer: Signer): { text: string; signature: { key: string; id: string; sig: string } } {
  return { text: canonicalJson(decision), signature: { key: signer.name, id: signer.id, sig: signer.sign(canonicalBytes(decision)).toString('base64') } };
}

/** Checks a decision's signature against the published keys: null when it holds, else what is wrong. */
export async function decisionFault(db: Db, text: string, signature: { key: string; id: string; sig: string }): Promise<string | null> {
  const published = (await listKeys(db)).keys.find((k) => k.name === signature.key && k.id === signature.id);
  if (!published) return `signed by unknown key ${signature.key}+${signature.id}`;
  const key = parseVerifierKey(published.verifier);
  if (typeof key === 'string') return `published key ${signature.key} does not parse: ${key}`;
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(JSON.parse(text) as JsonValue);
  } catch {
    return 'the decision is not JSON';
  }
  if (Buffer.compare(Buffer.from(bytes), Buffer.from(text, 'utf8')) !== 0) return 'the decision is not in canonical form';
  return verify(null, bytes, key.key, Buffer.from(signature.sig, 'base64')) ? null : 'the signature does not verify';
}
