import canonicalizeModule from 'canonicalize';
import type { TBundle, TCustodyKeys } from '../../../src/custody/custody.schemas.js';

/*
 * Verification in the browser, with WebCrypto only (SHA-256 and Ed25519 in SubtleCrypto), against the keys the
 * server publishes at /api/custody/keys — never a flag the server computed. It follows the steps of
 * docs/custody.md ("Checking a bundle by hand") and ../shared/formats/custody.md: key IDs, the checkpoint's
 * signed note, each entry's leaf hash through its RFC 9162 inclusion proof to the checkpoint's root, and the
 * agency signatures over each event's canonical JSON (RFC 8785) without its `signatures`.
 */

type Serialize = (input: unknown) => string | undefined;
// canonicalize is CommonJS with an ESM-style default in its typings; bundlers hand over either shape.
const loaded: unknown = canonicalizeModule;
const canonicalize = (typeof loaded === 'function' ? loaded : (loaded as { default: unknown }).default) as Serialize;

// The key type as WebCrypto hands it out (named this way so that Node's type checker, which runs the tests, agrees).
type CryptoKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const HASH_SIZE = 32;
const ED25519 = 0x01;
const utf8 = new TextEncoder();

/** One published key, checked and imported for WebCrypto. */
export interface BrowserKey {
  name: string;
  id: string;
  role: 'log' | 'agency';
  key: CryptoKey;
}

/** What the browser concluded about one entry. */
export interface EntryVerdict {
  index: number;
  /** The leaf hash leads through the inclusion proof to the root of a checkpoint whose log signature verified. */
  included: boolean;
  /** Each signature on the event, and whether it verified with the published key of that name and ID. */
  signatures: { key: string; id: string; ok: boolean }[];
  problems: string[];
  ok: boolean;
}

/** What the browser concluded about a bundle. */
export interface BundleVerdict {
  ok: boolean;
  /** The checkpoint the proofs lead to (the newest among the entries'), and the log key that signed it. */
  checkpoint: { size: number; root: string; signedBy: string } | null;
  entries: Map<number, EntryVerdict>;
  problems: string[];
}

/** A checked checkpoint note. */
export interface CheckpointVerdict {
  ok: boolean;
  origin: string | null;
  size: number | null;
  root: Uint8Array | null;
  signedBy: string | null;
  problem: string | null;
}

function bytesOfBase64(s: string): Uint8Array | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return null;
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) out[i] = bin.charCodeAt(i);
  return out;
}

/** Standard base64 of bytes. */
export function base64Of(b: Uint8Array): string {
  let bin = '';
  for (const x of b) bin += String.fromCharCode(x);
  return btoa(bin);
}

function hex(b: Uint8Array): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', concat(...parts)));
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Parses and imports a verifier key string `<name>+<id>+<base64(0x01 || key)>`, checking that the ID is the first
 * four bytes of SHA-256(name || 0x0A || 0x01 || key).
 * @returns the key, or why it is refused.
 */
export async function importVerifierKey(text: string, role: 'log' | 'agency'): Promise<BrowserKey | string> {
  const m = /^([^+\s]+)\+([0-9a-f]{8})\+(.+)$/s.exec(text);
  if (!m) return `not a verifier key: ${text.slice(0, 60)}`;
  const [, name, id, b64] = m as unknown as [string, string, string, string];
  const raw = bytesOfBase64(b64);
  if (!raw || raw.length !== 33 || raw[0] !== ED25519) return `${name}: not an Ed25519 public key`;
  const pub = raw.slice(1);
  const expected = hex((await sha256(utf8.encode(name), new Uint8Array([0x0a, ED25519]), pub)).slice(0, 4));
  if (expected !== id) return `${name}: the key ID ${id} does not match the key (${expected})`;
  try {
    const key = await crypto.subtle.importKey('raw', pub, { name: 'Ed25519' }, false, ['verify']);
    return { name, id, role, key };
  } catch (e) {
    return `${name}: this browser cannot import Ed25519 keys (${(e as Error).message})`;
  }
}

/** Imports every published key; the problems list the ones refused. */
export async function importPublishedKeys(published: TCustodyKeys): Promise<{ keys: BrowserKey[]; problems: string[] }> {
  const keys: BrowserKey[] = [];
  const problems: string[] = [];
  for (const k of published.keys) {
    const r = await importVerifierKey(k.verifier, k.role);
    if (typeof r === 'string') problems.push(r);
    else if (r.name !== k.name || r.id !== k.id) problems.push(`${k.name}: the published name or ID differs from the verifier key`);
    else keys.push(r);
  }
  return { keys, problems };
}

async function ed25519Verify(key: CryptoKey, sig: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return sig.length === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, key, new Uint8Array(sig), new Uint8Array(data)));
  } catch {
    return false;
  }
}

/**
 * Opens a C2SP checkpoint note with the published log keys: a known key's signature must verify, and the text is
 * `origin`, decimal `size`, base64 `root`, then extension lines.
 */
export async function verifyCheckpointNote(note: string, keys: readonly BrowserKey[]): Promise<CheckpointVerdict> {
  const no = (problem: string): CheckpointVerdict => ({ ok: false, origin: null, size: null, root: null, signedBy: null, problem });
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return no('not a signed note');
  const text = note.slice(0, split + 1);
  let signedBy: string | null = null;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const sig = m ? bytesOfBase64(m[2]!) : null;
    if (!m || !sig || sig.length < 5) return no(`malformed signature line: ${line.slice(0, 60)}`);
    const key = keys.find((k) => k.role === 'log' && k.name === m[1] && k.id === hex(sig.slice(0, 4)));
    if (!key) continue;
    if (!(await ed25519Verify(key.key, sig.slice(4), utf8.encode(text)))) return no(`the signature of ${key.name} does not verify`);
    signedBy = key.name;
  }
  if (!signedBy) return no('no published log key signed the checkpoint');
  const [origin = '', size = '', root = ''] = text.split('\n');
  const rootBytes = bytesOfBase64(root);
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !rootBytes || rootBytes.length !== HASH_SIZE) return no('the checkpoint text is malformed');
  return { ok: true, origin, size: Number(size), root: rootBytes, signedBy, problem: null };
}

/** RFC 9162 section 2.1.3.2: the root an inclusion proof leads to, or null when the proof has the wrong length. */
export async function rootFromInclusion(index: number, size: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Promise<Uint8Array | null> {
  if (index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  const one = new Uint8Array([0x01]);
  for (const p of proof) {
    if (sn === 0 || p.length !== HASH_SIZE) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = await sha256(one, p, r);
      while (fn !== 0 && fn % 2 === 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = await sha256(one, r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

function parseTlogProof(text: string): { index: number; proof: Uint8Array[]; checkpoint: string } | string {
  const lines = text.split('\n');
  let at = 0;
  if (lines[at++] !== 'c2sp.org/tlog-proof@v1') return 'not a c2sp.org/tlog-proof@v1';
  if (lines[at]?.startsWith('extra ')) at += 1;
  const m = /^index (0|[1-9][0-9]*)$/.exec(lines[at++] ?? '');
  if (!m) return 'the index line is malformed';
  const proof: Uint8Array[] = [];
  for (; at < lines.length && lines[at] !== ''; at += 1) {
    const h = bytesOfBase64(lines[at]!);
    if (!h || h.length !== HASH_SIZE) return `proof line ${proof.length + 1} is not a SHA-256 hash`;
    proof.push(h);
  }
  if (at >= lines.length) return 'no checkpoint after the proof';
  return { index: Number(m[1]), proof, checkpoint: lines.slice(at + 1).join('\n') };
}

function agencyOfKey(name: string): string | null {
  const m = /^sallyport\/agency\/([A-Z0-9-]+)(?:\/[1-9][0-9]*)?$/.exec(name);
  return m ? m[1]! : null;
}

async function checkSignatures(event: Record<string, unknown>, keys: readonly BrowserKey[], problems: string[]): Promise<EntryVerdict['signatures']> {
  const { signatures, ...unsigned } = event as { signatures?: unknown };
  const data = utf8.encode(canonicalize(unsigned) ?? '');
  const list = Array.isArray(signatures) ? (signatures as { key?: unknown; id?: unknown; sig?: unknown }[]) : [];
  const out: EntryVerdict['signatures'] = [];
  for (const s of list) {
    const name = String(s.key);
    const id = String(s.id);
    const key = keys.find((k) => k.role === 'agency' && k.name === name && k.id === id);
    const sig = typeof s.sig === 'string' ? bytesOfBase64(s.sig) : null;
    const ok = key !== undefined && sig !== null && (await ed25519Verify(key.key, sig, data));
    if (!ok) problems.push(key ? `the signature of ${name} does not verify` : `signed with ${name}+${id}, which is not a published key`);
    out.push({ key: name, id, ok });
  }
  // Who had to sign: both custodians of a handover, the custodian who recorded any other event.
  const parties = (event.type === 'handover' ? [event.from, event.to] : [event.custodian]) as ({ agency?: unknown; key?: unknown } | undefined)[];
  for (const p of parties) {
    const key = typeof p?.key === 'string' ? p.key : '';
    if (agencyOfKey(key) !== p?.agency) problems.push(`key ${key} is not a key of agency ${String(p?.agency)}`);
    else if (!out.some((s) => s.key === key && s.ok)) problems.push(`no valid signature of ${String(p.agency)}`);
  }
  return out;
}

/**
 * Verifies a detainee bundle in the browser against the published keys: each entry's checkpoint signature, its
 * inclusion proof to that checkpoint's root, and its agency signatures; all checkpoints must agree.
 * @param onProgress called after each entry with the number done.
 */
export async function verifyBundle(bundle: TBundle, published: TCustodyKeys, onProgress?: (done: number) => void): Promise<BundleVerdict> {
  const { keys, problems } = await importPublishedKeys(published);
  const entries = new Map<number, EntryVerdict>();
  const heads = new Map<string, CheckpointVerdict>();
  const rootsBySize = new Map<number, string>();
  let newest: BundleVerdict['checkpoint'] = null;
  for (const e of bundle.entries) {
    const mine: string[] = [];
    const signatures = await checkSignatures(e.event, keys, mine);
    let included = false;
    const tlog = parseTlogProof(e.proof);
    if (typeof tlog === 'string') mine.push(tlog);
    else if (tlog.index !== e.index) mine.push(`the proof is for entry ${tlog.index}`);
    else {
      let cp = heads.get(tlog.checkpoint);
      if (!cp) {
        cp = await verifyCheckpointNote(tlog.checkpoint, keys);
        heads.set(tlog.checkpoint, cp);
      }
      if (!cp.ok || cp.size === null || cp.root === null) mine.push(`checkpoint: ${cp.problem ?? 'not verified'}`);
      else {
        const root64 = base64Of(cp.root);
        const seen = rootsBySize.get(cp.size);
        if (seen !== undefined && seen !== root64) problems.push(`two checkpoints of size ${cp.size} with different roots`);
        rootsBySize.set(cp.size, root64);
        const leaf = await sha256(new Uint8Array([0x00]), utf8.encode(canonicalize(e.event) ?? ''));
        const root = await rootFromInclusion(e.index, cp.size, leaf, tlog.proof);
        included = root !== null && equal(root, cp.root);
        if (!included) mine.push(`the inclusion proof does not lead to the root of the checkpoint of size ${cp.size}`);
        if (!newest || cp.size > newest.size) newest = { size: cp.size, root: root64, signedBy: cp.signedBy ?? '' };
      }
    }
    entries.set(e.index, { index: e.index, included, signatures, problems: mine, ok: included && mine.length === 0 });
    onProgress?.(entries.size);
  }
  const ok = problems.length === 0 && [...entries.values()].every((v) => v.ok);
  return { ok, checkpoint: newest, entries, problems };
}
