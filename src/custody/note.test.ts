import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointText, formatTlogProof, openCheckpoint, parseCheckpointText, parseTlogProof, signCheckpoint } from './checkpoint.js';
import { newKeyPair, signerOf } from './keyring.js';
import { EMPTY_ROOT, leafHash } from './merkle.js';
import { decodeBase64, formatVerifierKey, keyIdOf, openNote, parseVerifierKey, signNote, type VerifierKey } from './note.js';

// The reference vector of golang.org/x/mod/sumdb/note (note_test.go and its package example).
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

function goVerifier(): VerifierKey {
  const k = parseVerifierKey(GO_VKEY);
  if (typeof k === 'string') throw new Error(k);
  return k;
}

describe('C2SP signed notes', () => {
  it('reads the Go reference verifier key and opens its note', () => {
    const k = goVerifier();
    expect(k.name).toBe('PeterNeumann');
    expect(k.id).toBe('c74f20a3');
    expect(keyIdOf(k.name, k.publicKey)).toBe('c74f20a3');
    expect(formatVerifierKey(k.name, k.publicKey)).toBe(GO_VKEY);
    expect(openNote(GO_NOTE, [k])).toEqual({ text: GO_TEXT, signedBy: ['PeterNeumann'] });
    expect(openNote(GO_NOTE.replace('cryptography', 'cryptographY'), [k])).toMatch(/does not verify/);
  });

  it('signs byte for byte as the Go implementation does (Ed25519 is deterministic)', () => {
    const seed = decodeBase64(GO_SKEY.split('+').slice(4).join('+'))!.subarray(1);
    const k = goVerifier();
    const key = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: k.publicKey.toString('base64url') }, format: 'jwk' });
    expect(signNote(GO_TEXT, signerOf('PeterNeumann', key))).toBe(GO_NOTE);
  });

  it('ignores unknown keys, rejects a known key that fails, and needs one known signature', () => {
    const other = signerOf('other.example/key', newKeyPair().privateKey);
    const both = signNote(GO_TEXT, other) + GO_NOTE.slice(GO_TEXT.length + 1);
    expect(openNote(both, [goVerifier()])).toEqual({ text: GO_TEXT, signedBy: ['PeterNeumann'] });
    expect(openNote(signNote(GO_TEXT, other), [goVerifier()])).toBe('no known key signed the note');
    expect(openNote('no signature here\n', [goVerifier()])).toMatch(/not a signed note/);
  });

  it('reads a verifier key whose base64 contains a plus sign (transparency-dev/formats test key)', () => {
    const plus = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';
    const k = parseVerifierKey(plus);
    expect(typeof k === 'string' ? k : formatVerifierKey(k.name, k.publicKey)).toBe(plus);
  });

  it('refuses malformed verifier keys', () => {
    expect(parseVerifierKey('PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toMatch(/key ID/);
    expect(parseVerifierKey('Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toMatch(/name/);
    expect(parseVerifierKey('PeterNeumann+c74f20a3+AhpcmQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toMatch(/Ed25519/);
  });
});

describe('checkpoints and tlog-proofs', () => {
  const signer = signerOf('sallyport/log', newKeyPair().privateKey);
  const log = parseVerifierKey(signer.verifier) as VerifierKey;
  const root = leafHash(Buffer.from('x'));

  it('writes the checkpoint text exactly: origin, size, base64 root, time extension', () => {
    const text = checkpointText({ origin: 'sallyport/custody', size: 42, root, time: '2026-01-10T08:00:00.000Z' });
    expect(text).toBe(`sallyport/custody\n42\n${root.toString('base64')}\ntime 2026-01-10T08:00:00.000Z\n`);
    expect(parseCheckpointText(text)).toEqual({ origin: 'sallyport/custody', size: 42, root, time: '2026-01-10T08:00:00.000Z' });
    expect(parseCheckpointText(`o\n042\n${root.toString('base64')}\n`)).toMatch(/leading zeros/);
    expect(parseCheckpointText(`o\n0\n${EMPTY_ROOT.toString('base64')}\n`)).toEqual({ origin: 'o', size: 0, root: EMPTY_ROOT, time: undefined });
  });

  it('signs and opens a checkpoint; a changed byte is refused', () => {
    const note = signCheckpoint({ origin: 'sallyport/custody', size: 7, root }, signer);
    expect(note).toMatch(/^sallyport\/custody\n7\n[A-Za-z0-9+/]{43}=\n\n\u2014 sallyport\/log [A-Za-z0-9+/]{91}=\n$/);
    const opened = openCheckpoint(note, [log]);
    expect(typeof opened === 'string' ? opened : opened.head.size).toBe(7);
    expect(openCheckpoint(note.replace('\n7\n', '\n8\n'), [log])).toMatch(/does not verify/);
  });

  it('writes and reads a tlog-proof as c2sp.org/tlog-proof@v1 lays it out', () => {
    const note = signCheckpoint({ origin: 'sallyport/custody', size: 3, root }, signer);
    const text = formatTlogProof({ index: 2, proof: [root, EMPTY_ROOT], checkpoint: note });
    expect(text).toBe(`c2sp.org/tlog-proof@v1\nindex 2\n${root.toString('base64')}\n${EMPTY_ROOT.toString('base64')}\n\n${note}`);
    expect(parseTlogProof(text)).toEqual({ index: 2, proof: [root, EMPTY_ROOT], checkpoint: note });
    expect(parseTlogProof(text.replace('index 2', 'extra AAAA\nindex 2'))).toEqual({ index: 2, proof: [root, EMPTY_ROOT], checkpoint: note });
    expect(parseTlogProof(text.replace('index 2', 'index 02'))).toMatch(/index/);
    expect(parseTlogProof(`c2sp.org/tlog-proof@v1\nindex 0\n\n${note}`)).toEqual({ index: 0, proof: [], checkpoint: note });
  });
});
