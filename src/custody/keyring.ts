import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { formatVerifierKey, keyIdOf, type Signer } from './note.js';

/**
 * Where the private halves of signing keys live. The database holds only public keys, so whoever can write
 * to the database still cannot forge an agency's signature or the log's checkpoints. Each private key is
 * stored under its key name and key ID, so a rotated or re-created key never overwrites another.
 */
export interface Keyring {
  /** Where the keys are, for messages (`dir:/var/lib/sallyport/keys`, `memory`). */
  readonly location: string;
  /** The PKCS#8 private key stored for (`name`, `id`), or undefined. */
  get(name: string, id: string): Promise<KeyObject | undefined>;
  /** Stores a private key durably before its public half is published. */
  put(name: string, id: string, key: KeyObject): Promise<void>;
}

/** A fresh Ed25519 key pair: the private key and the raw 32-byte public key. */
export function newKeyPair(): { privateKey: KeyObject; publicKey: Buffer } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: rawPublicKey(publicKey) };
}

/** The raw 32-byte Ed25519 public key of a public or private KeyObject. */
export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = pub.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

/** A signer for the private key `key` under `name`. */
export function signerOf(name: string, key: KeyObject): Signer {
  const publicKey = rawPublicKey(key);
  return { name, id: keyIdOf(name, publicKey), verifier: formatVerifierKey(name, publicKey), sign: (data) => sign(null, data, key) };
}

/** PKCS#8 PEM text of a private key, and back. */
export function privateKeyPem(key: KeyObject): string {
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function privateKeyFromPem(pem: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem' });
}

/** A keyring in memory: for tests, and for tools that sign once and throw the keys away. */
export function memoryKeyring(): Keyring {
  const keys = new Map<string, KeyObject>();
  return {
    location: 'memory',
    get: async (name, id) => keys.get(`${name}+${id}`),
    put: async (name, id, key) => {
      keys.set(`${name}+${id}`, key);
    },
  };
}
