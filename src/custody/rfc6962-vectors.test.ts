import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_ROOT, leafHash, nodeHash, rootOf } from './merkle.js';
import { consistencyRanges, inclusionRanges } from './proof-plan.js';
import { verifyConsistency, verifyInclusion } from './proof-verify.js';

// The public vectors of transparency-dev/merkle, read where the project keeps outside data (never copied in).
const SHARED = process.env.SALLYPORT_SHARED_DATA ?? resolve(process.cwd(), '../shared/data');
const DIR = join(SHARED, 'transparency-dev-merkle');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith('.json') ? [p] : [];
  });
}

// Probes hold deliberately broken base64 and nulls: decode leniently, as the Go tests feed raw bytes.
const b64 = (s: string | null | undefined) => Buffer.from(s ?? '', 'base64');
const hex = (s: string) => Buffer.from(s, 'hex');

/** Proof hashes computed straight from the leaves, to compare with the published proofs. */
function proofFrom(leaves: Buffer[], ranges: readonly (readonly [number, number])[]): string[] {
  return ranges.map(([a, b]) => rootOf(leaves.slice(a, b)).toString('hex'));
}

interface InclusionProbe { leafIdx: number; treeSize: number; root: string | null; leafHash: string | null; proof: string[] | null; desc: string; wantErr: boolean }
interface ConsistencyProbe { size1: number; size2: number; root1: string | null; root2: string | null; proof: string[] | null; desc: string; wantErr: boolean }

describe('transparency-dev/merkle probes', () => {
  if (!existsSync(DIR)) throw new Error(`test vectors not found at ${DIR}; set SALLYPORT_SHARED_DATA`);
  const files = jsonFiles(join(DIR, 'testdata'));
  const core = JSON.parse(readFileSync(join(DIR, 'rfc6962-core-vectors.json'), 'utf8')) as {
    hasherVectors: { desc: string; inputHex?: string; leftHex?: string; rightHex?: string; want: string }[];
    leafInputsHex: string[];
    rootHashesBySize: Record<string, string>;
    inclusionProofs_1based_leafIdx: { leafIdx: number; size: number; proof: string[] }[];
    consistencyProofs: { size1: number; size2: number; proof: string[] }[];
  };
  const leaves = core.leafInputsHex.map((h) => leafHash(hex(h)));

  it('holds all 196 probes', () => {
    expect(files).toHaveLength(196);
  });

  it.each(files.map((f) => [relative(DIR, f), f]))('%s gives its expected result', (_name, file) => {
    const probe = JSON.parse(readFileSync(file, 'utf8')) as InclusionProbe | ConsistencyProbe;
    const proof = (probe.proof ?? []).map(b64);
    const fault = 'leafIdx' in probe
      ? verifyInclusion({ index: probe.leafIdx, size: probe.treeSize }, b64(probe.leafHash), proof, b64(probe.root))
      : verifyConsistency({ size1: probe.size1, size2: probe.size2 }, proof, b64(probe.root1), b64(probe.root2));
    expect(fault !== null, `${probe.desc}: ${fault ?? 'accepted'}`).toBe(probe.wantErr);
  });

  it('rejects the two edge cases a verifier written from the pseudocode gets wrong', () => {
    const inc = JSON.parse(readFileSync(join(DIR, 'testdata/inclusion/single-entry/empty-root-and-leaf.json'), 'utf8')) as InclusionProbe;
    expect(verifyInclusion({ index: inc.leafIdx, size: inc.treeSize }, b64(inc.leafHash), [], b64(inc.root))).not.toBeNull();
    const con = JSON.parse(readFileSync(join(DIR, 'testdata/consistency/additional/sizes-are-equal-zero-and-proof-is-empty.json'), 'utf8')) as ConsistencyProbe;
    expect(verifyConsistency({ size1: 0, size2: 0 }, [], b64(con.root1), b64(con.root2))).not.toBeNull();
  });

  it('our proofs of the happy paths are the published ones', () => {
    for (const f of files.filter((x) => x.endsWith('happy-path.json'))) {
      const p = JSON.parse(readFileSync(f, 'utf8')) as InclusionProbe | ConsistencyProbe;
      const want = (p.proof ?? []).map((h) => b64(h).toString('hex'));
      if ('leafIdx' in p) expect(proofFrom(leaves, inclusionRanges(p.leafIdx, p.treeSize))).toEqual(want);
      else expect(proofFrom(leaves, consistencyRanges(p.size1, p.size2))).toEqual(want);
    }
  });

  it('matches the core hasher vectors, roots for sizes 0..8 and the base proofs', () => {
    for (const v of core.hasherVectors) {
      const got = v.inputHex !== undefined ? leafHash(hex(v.inputHex)) : v.leftHex !== undefined ? nodeHash(hex(v.leftHex), hex(v.rightHex!)) : EMPTY_ROOT;
      expect(got.toString('hex'), v.desc).toBe(v.want);
    }
    for (const [size, root] of Object.entries(core.rootHashesBySize)) expect(rootOf(leaves.slice(0, Number(size))).toString('hex')).toBe(root);
    for (const p of core.inclusionProofs_1based_leafIdx) {
      expect(proofFrom(leaves, inclusionRanges(p.leafIdx - 1, p.size))).toEqual(p.proof);
      expect(verifyInclusion({ index: p.leafIdx - 1, size: p.size }, leaves[p.leafIdx - 1]!, p.proof.map(hex), rootOf(leaves.slice(0, p.size)))).toBeNull();
    }
    for (const p of core.consistencyProofs) {
      expect(proofFrom(leaves, consistencyRanges(p.size1, p.size2))).toEqual(p.proof);
      const [r1, r2] = [rootOf(leaves.slice(0, p.size1)), rootOf(leaves.slice(0, p.size2))];
      expect(verifyConsistency({ size1: p.size1, size2: p.size2 }, p.proof.map(hex), r1, r2)).toBeNull();
    }
  });
});
