import { HASH_SIZE } from './merkle.js';
import { decodeBase64, openNote, signNote, type Signer, type VerifierKey } from './note.js';

/**
 * C2SP tlog-checkpoint (signed tree heads) and tlog-proof (one entry's inclusion proof with its checkpoint),
 * byte for byte as ../shared/formats/custody.md fixes them.
 */

/** A tree head: origin, size, root, and Sallyport's `time` extension line. */
export interface TreeHead {
  origin: string;
  size: number;
  root: Buffer;
  /** RFC 3339 UTC; written as the extension line `time <value>`. */
  time?: string | undefined;
}

/** The first line of every tlog-proof. */
export const TLOG_PROOF_HEADER = 'c2sp.org/tlog-proof@v1';

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** The checkpoint text (the part that is signed): origin, size, base64 root, then the time extension. */
export function checkpointText(head: TreeHead): string {
  const ext = head.time ? `time ${head.time}\n` : '';
  return `${head.origin}\n${head.size}\n${head.root.toString('base64')}\n${ext}`;
}

/** A signed checkpoint note for `head`. */
export function signCheckpoint(head: TreeHead, signer: Signer): string {
  return signNote(checkpointText(head), signer);
}

/** Parses a checkpoint text (not the signatures), or says why it is not one. */
export function parseCheckpointText(text: string): TreeHead | string {
  const lines = text.split('\n');
  if (lines.length < 4 || lines[lines.length - 1] !== '') return 'a checkpoint has an origin, a size and a root hash, each on its own line';
  const [origin, size, root, ...rest] = lines.slice(0, -1) as [string, string, string, ...string[]];
  if (origin === '') return 'the origin line is empty';
  if (!DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) return 'the size is not a decimal number without leading zeros';
  const hash = decodeBase64(root);
  if (!hash || hash.length !== HASH_SIZE) return 'the root is not a base64 SHA-256 hash';
  if (rest.some((l) => l === '')) return 'an extension line is empty';
  const time = rest.find((l) => l.startsWith('time '))?.slice(5);
  return { origin, size: Number(size), root: hash, time };
}

/** A checkpoint whose signature by one of `logKeys` verified: the head and the verbatim note. */
export interface VerifiedCheckpoint {
  head: TreeHead;
  note: string;
}

/** Opens a checkpoint note with the log's keys and parses it, or says why it cannot be trusted. */
export function openCheckpoint(note: string, logKeys: readonly VerifierKey[]): VerifiedCheckpoint | string {
  const opened = openNote(note, logKeys);
  if (typeof opened === 'string') return `checkpoint: ${opened}`;
  const head = parseCheckpointText(opened.text);
  if (typeof head === 'string') return `checkpoint: ${head}`;
  return { head, note };
}

/** A tlog-proof: the entry's index, its inclusion proof, leaf's sibling first, and the checkpoint note. */
export interface TlogProof {
  index: number;
  proof: Buffer[];
  checkpoint: string;
}

/** The text of a tlog-proof (c2sp.org/tlog-proof@v1), with no `extra` line. */
export function formatTlogProof(p: TlogProof): string {
  const hashes = p.proof.map((h) => `${h.toString('base64')}\n`).join('');
  return `${TLOG_PROOF_HEADER}\nindex ${p.index}\n${hashes}\n${p.checkpoint}`;
}

/** Parses a tlog-proof, or says why it is not one. An `extra` line is accepted and ignored (never trusted). */
export function parseTlogProof(text: string): TlogProof | string {
  const lines = text.split('\n');
  let at = 0;
  if (lines[at++] !== TLOG_PROOF_HEADER) return `a tlog-proof starts with ${TLOG_PROOF_HEADER}`;
  if (lines[at]?.startsWith('extra ')) {
    if (!decodeBase64(lines[at]!.slice(6))) return 'the extra line is not base64';
    at += 1;
  }
  const index = /^index (0|[1-9][0-9]*)$/.exec(lines[at++] ?? '');
  if (!index || !Number.isSafeInteger(Number(index[1]))) return 'the index line is missing or malformed';
  const proof: Buffer[] = [];
  for (; at < lines.length && lines[at] !== ''; at += 1) {
    const h = decodeBase64(lines[at]!);
    if (!h || h.length !== HASH_SIZE) return `proof line ${proof.length + 1} is not a base64 SHA-256 hash`;
    proof.push(h);
  }
  if (at >= lines.length) return 'no empty line before the checkpoint';
  return { index: Number(index[1]), proof, checkpoint: lines.slice(at + 1).join('\n') };
}
