import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consistencyProof, currentCheckpoint, detaineeTimeline, exportBundle, checkBundle, getConsistencyProof, inclusionProof, listAlerts, listKeys,
  openCheckpoint, parseVerifierKey, publishLogKeyAndSign, rootAt, rootOf, rotateAgencyKey, signCheckpoint, verifyConsistency, verifyInclusion,
  verifyLog, witnessHead, LOG_ORIGIN, type VerifierKey,
} from '../../src/custody/index.js';
import { DomainError } from '../../src/kernel/index.js';
import { Prng } from '../../src/scenario/index.js';
import { DIALECTS } from '../support/stores.js';
import { growLog, isnOf, openCustodyWorld, signerFor, storedLeafHashes, type CustodyWorld } from './world.js';

async function leafHashes(w: CustodyWorld): Promise<Buffer[]> {
  return storedLeafHashes(w.store.db);
}

describe.each(DIALECTS)('the Merkle log in storage (%s)', (dialect) => {
  let w: CustodyWorld;
  const rng = new Prng('custody-log');
  beforeAll(async () => {
    w = await openCustodyWorld(dialect, { detainees: 2 });
    await growLog(w, { n: 2, count: 598, batches: [1, 7, 64, 3, 31, 300] });
  });
  afterAll(async () => w.close());

  it('answers inclusion and consistency proofs from storage exactly as the tree over its leaves', async () => {
    const leaves = await leafHashes(w);
    const n = leaves.length;
    expect(n).toBe(600);
    for (let t = 0; t < 80; t += 1) {
      const size = rng.int(1, n);
      const index = rng.int(0, size - 1);
      const root = rootOf(leaves.slice(0, size));
      expect(await rootAt(w.store.db, size)).toEqual(root);
      const proof = await inclusionProof(w.store.db, index, size);
      expect(verifyInclusion({ index, size }, leaves[index]!, proof, root)).toBeNull();
      const size1 = rng.int(1, size);
      const cons = await consistencyProof(w.store.db, size1, size);
      expect(verifyConsistency({ size1, size2: size }, cons, rootOf(leaves.slice(0, size1)), root)).toBeNull();
    }
  });

  it('signs a checkpoint per append; the newest covers the whole log', async () => {
    const cp = await currentCheckpoint(w.op);
    expect(cp).toMatchObject({ origin: LOG_ORIGIN, size: 600 });
    const logKey = parseVerifierKey((await listKeys(w.store.db)).log!) as VerifierKey;
    const opened = openCheckpoint(cp.note, [logKey]);
    expect(typeof opened === 'string' ? opened : opened.head.root).toEqual(rootOf(await leafHashes(w)));
    const proof = await getConsistencyProof(w.op, { from: 17, to: 600 });
    expect(proof.proof.length).toBeGreaterThan(0);
    for (const bad of [{ from: 20, to: 10 }, { from: 1, to: 601 }]) {
      const e = await getConsistencyProof(w.op, bad).catch((x: unknown) => x);
      expect((e as DomainError).code).toBe('CUSTODY_BAD_SIZE');
    }
  });

  it('witnessing: consistent heads are recorded; a forked head raises an alert naming both heads', async () => {
    const first = await currentCheckpoint(w.op);
    expect(await witnessHead(w.cx(w.moj), { checkpoint: first.note })).toMatchObject({ agency: 'MOJ', size: 600, consistent: true, alert: null });
    await growLog(w, { n: 2, count: 5, batches: [5] });
    const second = await currentCheckpoint(w.op);
    expect((await witnessHead(w.cx(w.moj), { checkpoint: second.note })).consistent).toBe(true);
    // The log's own key signs a head of an old size with another root: a split view.
    const log = await signerFor(w, null);
    const forked = signCheckpoint({ origin: LOG_ORIGIN, size: 100, root: rootOf([Buffer.alloc(32, 7)]) }, log);
    const r = await witnessHead(w.cx(w.moj), { checkpoint: forked });
    expect(r.consistent).toBe(false);
    expect(r.alert).toMatchObject({ kind: 'split-view', agency: 'MOJ', detail: { seen: { size: 600 }, new: { size: 100 } } });
    expect((await listAlerts(w.cx(w.hf))).map((a) => a.id)).toContain(r.alert!.id);
    const unsigned = await witnessHead(w.cx(w.moj), { checkpoint: first.note.replace('\n600\n', '\n601\n') }).catch((x: unknown) => x);
    expect((unsigned as DomainError).code).toBe('CUSTODY_BAD_CHECKPOINT');
    expect((await verifyLog(w.op)).ok).toBe(true);
  });

  it('key rotation: old signatures and checkpoints still verify, the bundle lists both generations', async () => {
    await rotateAgencyKey(w.op, { agency: 'HF' });
    await growLog(w, { n: 2, count: 2, batches: [2] });
    const rotated = await publishLogKeyAndSign(w.op, { rotate: true });
    expect(rotated.name).toBe('sallyport/log/2');
    const cp = await currentCheckpoint(w.op);
    expect(cp.note).toMatch(/\u2014 sallyport\/log\/2 /);
    const report = await verifyLog(w.op);
    expect(report).toMatchObject({ ok: true, witnessHeads: 2 });
    const bundle = await exportBundle(w.cx(w.hf), isnOf(2));
    expect(Object.keys(bundle.agencies).sort()).toEqual(['sallyport/agency/HF', 'sallyport/agency/HF/2']);
    expect(bundle.log).toMatch(/^sallyport\/log\/2\+/);
    expect(checkBundle(JSON.stringify(bundle))).toMatchObject({ ok: true, entries: 606 });
    expect((await detaineeTimeline(w.cx(w.hf), isnOf(2))).entries.every((e) => e.proof === 'verified')).toBe(true);
  });
});
