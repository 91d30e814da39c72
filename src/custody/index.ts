/**
 * Chain of custody: handovers signed by both agencies (Ed25519), appended with every other custody event to a
 * tamper-evident Merkle log (RFC 6962 / RFC 9162 hashing over RFC 8785 canonical JSON), signed tree heads as
 * C2SP checkpoints, inclusion proofs as C2SP tlog-proofs, consistency proofs, the detainee bundle and its
 * offline checker, full verification, and witnessing. ../shared/formats/custody.md fixes every byte.
 */

/** The custody context (`custodyCtx(ctx, keyring)`), the log's origin and the name of its signing key. */
export { custodyCtx, LOG_ORIGIN, logKeyName } from './context.js';
export type { CustodyCtx } from './context.js';
/** Where private keys live: `fileKeyring(dir)` (0700 directory, 0600 files) or `memoryKeyring()` for tests. */
export { memoryKeyring, newKeyPair, signerOf } from './keyring.js';
export type { Keyring } from './keyring.js';
export { fileKeyring, keyDirFor, keyringFor } from './keyring.file.js';
/** This module's error codes. */
export { CustodyErrors } from './custody.errors.js';

/** Every custody event type, one zod schema each, discriminated on `type`; re-validated when read back. */
export * from './events.schemas.js';
/** Requests, answers and the detainee bundle. */
export * from './custody.schemas.js';

/**
 * Signing keys. `createAgencyKey` / `rotateAgencyKey` (permission `custody:keys`) put the private half in the
 * keyring and publish the public half; `listKeys` lists every published verifier key (public).
 * @throws DomainError CUSTODY_UNKNOWN_AGENCY, CUSTODY_KEY_EXISTS, CUSTODY_NO_KEY.
 */
export { createAgencyKey, rotateAgencyKey, listKeys } from './custody-keys.js';
/**
 * Creates (`{ rotate: false }`) or rotates the log's checkpoint-signing key and signs the current head with it.
 * @throws DomainError CUSTODY_KEY_EXISTS, CUSTODY_NO_KEY.
 */
export { publishLogKeyAndSign } from './log.js';

/**
 * Handovers: `createHandover` (the releasing agency signs; pending), `signHandover` (the receiving agency
 * signs; appended to the log and the registry updated in one transaction), `cancelHandover`,
 * `listHandovers` (the agency's queue), `showHandover`.
 * @example
 *   const cx = custodyCtx(ctx, keyring);
 *   const pending = await createHandover(cx, { detainee: 'SP-SY-000123', to: { agency: 'JTF', place: 'C17-01' }, condition: { status: 'fit' } });
 *   const done = await signHandover(custodyCtx(receivingCtx, keyring), pending.id);
 */
export { createHandover } from './handover-create.js';
export { signHandover, cancelHandover } from './handover-sign.js';
export { listHandovers, showHandover } from './handovers.js';
/** Records any other custody event (boards aircraft … repatriation, escort record), signed by the custodian. */
export { recordEvent } from './record-event.js';
/** The scenario loader's bulk intake: every detainee's intake as a signed event, in batches. */
export { recordIntakes } from './intake.js';
export type { Intake } from './intake.js';

/** A detainee's timeline (events, signatures, proof status, pending handovers, chain of custody). */
export { detaineeTimeline } from './timeline.js';
export { placeHistory, placeHistories } from './place-history.js';
/** The detainee bundle (`exportBundle`) and one entry's tlog-proof (`entryProof`). */
export { exportBundle, entryProof } from './bundle.js';
/** The offline bundle checker: no database, no network; returns every problem found. */
export { checkBundle } from './check-bundle.js';
/** The newest signed checkpoint and consistency proofs between two sizes. */
export { currentCheckpoint, getConsistencyProof, inclusionProof, consistencyProof, rootAt } from './log-proofs.js';
/**
 * Full verification from storage with progress; names the first bad entry.
 * @example const report = await verifyLog(ctx, { onProgress: (p) => bar.update(p.done) });
 */
export { verifyLog } from './verify-log.js';
export type { VerifyOptions, VerifyProgress } from './verify-log.js';
/** Witnessing: an agency records heads it saw; an inconsistent one raises a split-view alert naming both. */
export { witnessHead, listAlerts } from './witness.js';
/** Appending events to the log (in the caller's transaction); callers check access and custody first. */
export { appendEvents } from './log.js';
export type { Appendable, Appended } from './log.js';

/** RFC 6962 hashing and proof verification, C2SP signed notes, checkpoints and tlog-proofs: pure functions. */
export { EMPTY_ROOT, HASH_SIZE, leafHash, nodeHash, rootOf } from './merkle.js';
/** The right edge of a growing tree: push leaf hashes, get the subtree hashes each completes and the root. */
export { Frontier } from './frontier.js';
/** How the log is stored (full tiles of 256 entries), for tools that build a log directly (the benchmarks). */
export { TileBuilder, TILE_SIZE } from './tiles.js';
export type { PackedTile } from './tiles.js';
export { verifyInclusion, verifyConsistency, rootFromInclusion } from './proof-verify.js';
export { inclusionRanges, consistencyRanges } from './proof-plan.js';
export { formatVerifierKey, keyIdOf, parseVerifierKey, openNote, signNote, decodeBase64 } from './note.js';
export type { Signer, VerifierKey } from './note.js';
export { checkpointText, signCheckpoint, openCheckpoint, parseCheckpointText, formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER } from './checkpoint.js';
export type { TreeHead, TlogProof } from './checkpoint.js';
export { signEvent, signingBytes, leafDataOf, signatureFault, agencyKeyName } from './event-sign.js';
export { applyEvent, foldChain } from './chain.js';
export type { CustodyState } from './chain.js';
/**
 * The record of full verifications: `listVerifications` (newest first) and `logStatus` (newest checkpoint, last
 * verification) for the log page. Every `verifyLog` run is recorded.
 */
export { listVerifications, logStatus } from './verification-runs.js';
/** The custody module's contributions to the coordination agenda and the outcome dashboard. */
export { custodyAgendaSource, custodyOutcomeSource } from './sources.js';
