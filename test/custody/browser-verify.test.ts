import { describe, expect, it } from 'vitest';
import {
  BUNDLE_FORMAT, formatTlogProof, inclusionRanges, leafDataOf, leafHash, LOG_ORIGIN, newKeyPair, rootOf, signCheckpoint, signEvent, signerOf,
  type TBundle, type TCustodyEvent, type TCustodyKeys,
} from '../../src/custody/index.js';
import { verifyBundle, verifyCheckpointNote, importPublishedKeys } from '../../web/src/custody/verify.js';

// The server's own pure functions make a real bundle; the browser's code (web/src/custody/verify.ts, WebCrypto only,
// run here on Node's WebCrypto) must accept it, and refuse it after any change.
const hf = signerOf('sallyport/agency/HF', newKeyPair().privateKey);
const jtf = signerOf('sallyport/agency/JTF', newKeyPair().privateKey);
const log = signerOf('sallyport/log', newKeyPair().privateKey);
const other = signerOf('sallyport/log', newKeyPair().privateKey);

const key = (s: typeof hf, role: 'log' | 'agency', agency: string | null) => ({ name: s.name, id: s.id, verifier: s.verifier, role, agency, generation: 1, current: true, createdAt: '2026-01-10T08:00:00Z' });
const KEYS: TCustodyKeys = { origin: LOG_ORIGIN, log: log.verifier, keys: [key(log, 'log', null), key(hf, 'agency', 'HF'), key(jtf, 'agency', 'JTF')] };

function events(): TCustodyEvent[] {
  const intake = { type: 'intake' as const, id: '01J00000000000000000000001', detainee: 'SP-SY-000001', time: '2026-01-10T08:00:00.000Z', custodian: { agency: 'HF', key: hf.name, place: 'PRISON-A' } };
  const handover = {
    type: 'handover' as const, id: '01J00000000000000000000002', detainee: 'SP-SY-000001', time: '2026-01-11T08:00:00.000Z',
    from: { agency: 'HF', key: hf.name, place: 'PRISON-A' }, to: { agency: 'JTF', key: jtf.name, place: 'C17-01' }, condition: { status: 'fit' as const },
    witnesses: [{ name: 'Observer Ü', role: 'ICRC' }], escort: { risk: 'low', needs: [] },
  };
  return [
    { ...intake, signatures: [signEvent(intake, hf)] },
    { ...handover, signatures: [signEvent(handover, hf), signEvent(handover, jtf)] },
  ] as TCustodyEvent[];
}

function bundleOf(evs: TCustodyEvent[], opts: { filler: number; signer?: typeof log }): TBundle {
  const leaves = [...Array.from({ length: opts.filler }, (_, i) => leafHash(Buffer.from(`{"i":${i}}`))), ...evs.map((e) => leafHash(leafDataOf(e)))];
  const size = leaves.length;
  const note = signCheckpoint({ origin: LOG_ORIGIN, size, root: rootOf(leaves), time: '2026-01-11T09:00:00Z' }, opts.signer ?? log);
  return {
    format: BUNDLE_FORMAT, log: log.verifier, agencies: { [hf.name]: hf.verifier, [jtf.name]: jtf.verifier }, detainee: 'SP-SY-000001',
    entries: evs.map((event, k) => {
      const index = opts.filler + k;
      const proof = inclusionRanges(index, size).map(([a, b]) => rootOf(leaves.slice(a, b)));
      return { index, event: JSON.parse(JSON.stringify(event)) as Record<string, unknown>, proof: formatTlogProof({ index, proof, checkpoint: note }) };
    }),
  };
}

describe('verification in the browser (WebCrypto)', () => {
  it('accepts a genuine bundle: checkpoint signature, inclusion proofs and both signatures of the handover', async () => {
    const v = await verifyBundle(bundleOf(events(), { filler: 11 }), KEYS);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.checkpoint).toMatchObject({ size: 13, signedBy: 'sallyport/log' });
    expect(v.entries.get(12)).toMatchObject({ included: true, ok: true, signatures: [{ key: hf.name, ok: true }, { key: jtf.name, ok: true }] });
  });

  it('refuses a changed event, a forged signature, a checkpoint signed by an unpublished key, and a wrong proof', async () => {
    const changed = bundleOf(events(), { filler: 5 });
    (changed.entries[1]!.event.to as { place: string }).place = 'ELSEWHERE';
    const v1 = await verifyBundle(changed, KEYS);
    expect(v1.ok).toBe(false);
    expect(v1.entries.get(6)).toMatchObject({ included: false, ok: false });
    expect(v1.entries.get(6)!.problems.join(' ')).toMatch(/does not verify/);

    const evs = events();
    const forged: TCustodyEvent = { ...evs[1]!, signatures: [evs[1]!.signatures[0]!, { ...evs[1]!.signatures[0]!, key: jtf.name, id: jtf.id }] };
    const v2 = await verifyBundle(bundleOf([evs[0]!, forged], { filler: 2 }), KEYS);
    expect(v2.entries.get(3)).toMatchObject({ included: true, ok: false });
    expect(v2.entries.get(3)!.signatures[1]).toMatchObject({ key: jtf.name, ok: false });

    const v3 = await verifyBundle(bundleOf(events(), { filler: 3, signer: other }), KEYS);
    expect(v3.ok).toBe(false);
    expect(v3.entries.get(3)!.problems.join(' ')).toMatch(/no published log key signed/);

    const swapped = bundleOf(events(), { filler: 6 });
    swapped.entries[0]!.proof = swapped.entries[0]!.proof.replace('index 6', 'index 7');
    const v4 = await verifyBundle(swapped, KEYS);
    expect(v4.entries.get(6)!.ok).toBe(false);
  });

  it('opens a checkpoint note only with a published log key, and refuses a key whose ID does not match', async () => {
    const note = signCheckpoint({ origin: LOG_ORIGIN, size: 1, root: rootOf([Buffer.alloc(32, 1)]) }, log);
    const { keys, problems } = await importPublishedKeys(KEYS);
    expect(problems).toEqual([]);
    expect(await verifyCheckpointNote(note, keys)).toMatchObject({ ok: true, size: 1, signedBy: 'sallyport/log' });
    expect((await verifyCheckpointNote(note.replace('\n1\n', '\n2\n'), keys)).ok).toBe(false);
    const bad = { ...KEYS, keys: [{ ...KEYS.keys[0]!, verifier: KEYS.keys[0]!.verifier.replace(/\+[0-9a-f]{8}\+/, '+00000000+'), id: '00000000' }] };
    expect((await importPublishedKeys(bad)).problems[0]).toMatch(/key ID 00000000 does not match/);
  });
});
