import { canonicalBytes } from '../kernel/index.js';
import { foldChain } from './chain.js';
import { openCheckpoint, parseTlogProof, type TreeHead } from './checkpoint.js';
import { ZBundle, type TBundleCheck } from './custody.schemas.js';
import { signatureFault } from './event-sign.js';
import { ZCustodyEvent, type TCustodyEvent } from './events.schemas.js';
import { leafHash } from './merkle.js';
import { parseVerifierKey, type VerifierKey } from './note.js';
import { verifyInclusion } from './proof-verify.js';

/**
 * The offline checker of a detainee bundle (sallyport.custody.bundle/1): no database, no network, only
 * node:crypto and the format. It accepts a bundle only if every proof's checkpoint is signed by the bundle's
 * log key and all checkpoints agree (one origin; one root per size), every event hashes through its
 * inclusion proof to its checkpoint's root at its index, every event carries valid signatures of the
 * agencies it names (both, for a handover) with keys listed in the bundle, and the events in index order
 * form an unbroken chain of custody. Every problem found is reported, not only the first.
 */

function keysOf(agencies: Record<string, string>, problems: string[]): Map<string, VerifierKey> {
  const keys = new Map<string, VerifierKey>();
  for (const [name, text] of Object.entries(agencies)) {
    const k = parseVerifierKey(text);
    if (typeof k === 'string') problems.push(`agency key ${name}: ${k}`);
    else if (k.name !== name) problems.push(`agency key ${name}: the verifier key is named ${k.name}`);
    else keys.set(name, k);
  }
  return keys;
}

interface Checked {
  index: number;
  event: TCustodyEvent;
}

function checkEntry(entry: { index: number; event: Record<string, unknown>; proof: string }, ctx: { log: VerifierKey; heads: Map<number, TreeHead> & { origin?: string } }, problems: string[]): Checked | undefined {
  const at = `entry ${entry.index}`;
  const bad = (p: string): undefined => {
    problems.push(`${at}: ${p}`);
    return undefined;
  };
  const proof = parseTlogProof(entry.proof);
  if (typeof proof === 'string') return bad(`proof: ${proof}`);
  if (proof.index !== entry.index) problems.push(`${at}: the proof is for index ${proof.index}`);
  const cp = openCheckpoint(proof.checkpoint, [ctx.log]);
  if (typeof cp === 'string') return bad(cp);
  const { head } = cp;
  ctx.heads.origin ??= head.origin;
  if (head.origin !== ctx.heads.origin) problems.push(`${at}: checkpoint origin ${head.origin} differs from ${ctx.heads.origin}`);
  const seen = ctx.heads.get(head.size);
  if (seen && Buffer.compare(seen.root, head.root) !== 0) problems.push(`${at}: two checkpoints of size ${head.size} with different roots (a split view)`);
  ctx.heads.set(head.size, head);
  let leaf: Buffer;
  try {
    leaf = leafHash(canonicalBytes(entry.event));
  } catch (e) {
    return bad(`the event has no canonical JSON (${(e as Error).message})`);
  }
  const fault = verifyInclusion({ index: entry.index, size: head.size }, leaf, proof.proof, head.root);
  if (fault) problems.push(`${at}: inclusion: ${fault}`);
  const parsed = ZCustodyEvent.safeParse(entry.event);
  if (!parsed.success) return bad(`not a custody event (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return { index: entry.index, event: parsed.data };
}

/** Checks a bundle given as JSON text. Never throws: every fault is a problem in the answer. */
export function checkBundle(text: string): TBundleCheck {
  const problems: string[] = [];
  const fail = (p: string): TBundleCheck => ({ ok: false, detainee: null, entries: 0, checkpoint: null, custodian: null, problems: [p] });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON: ${(e as Error).message}`);
  }
  const parsed = ZBundle.safeParse(json);
  if (!parsed.success) return fail(`not a sallyport.custody.bundle/1: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const bundle = parsed.data;
  const log = parseVerifierKey(bundle.log);
  if (typeof log === 'string') return { ...fail(`log key: ${log}`), detainee: bundle.detainee };
  const keys = keysOf(bundle.agencies, problems);
  const heads: Map<number, TreeHead> & { origin?: string } = new Map();
  const checked: Checked[] = [];
  for (const entry of bundle.entries) {
    const c = checkEntry(entry, { log, heads }, problems);
    if (!c) continue;
    if (c.event.detainee !== bundle.detainee) problems.push(`entry ${c.index}: about ${c.event.detainee}, not ${bundle.detainee}`);
    const sig = signatureFault(c.event, keys);
    if (sig) problems.push(`entry ${c.index}: ${sig}`);
    checked.push(c);
  }
  const ordered = [...checked].sort((a, b) => a.index - b.index);
  ordered.forEach((c, i) => {
    if (i > 0 && ordered[i - 1]!.index === c.index) problems.push(`entry ${c.index}: listed twice`);
  });
  const chain = foldChain(ordered.map((c) => c.event));
  if ('fault' in chain) problems.push(`entry ${ordered[chain.at]!.index}: chain of custody broken: ${chain.fault}`);
  if (bundle.entries.length === 0) problems.push('the bundle holds no entries');
  const largest = [...heads.values()].sort((a, b) => b.size - a.size)[0];
  return {
    ok: problems.length === 0,
    detainee: bundle.detainee,
    entries: bundle.entries.length,
    checkpoint: largest ? { origin: largest.origin, size: largest.size, root: largest.root.toString('base64') } : null,
    custodian: 'fault' in chain ? null : chain.state,
    problems,
  };
}
