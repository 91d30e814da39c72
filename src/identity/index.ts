/**
 * Identity: biometric enrollment (ten fingers, face, iris as fixed-length templates with quality), 1:N search
 * (exact, and an HNSW index kept in a file beside the store), a name matcher that knows Arabic names, the fused
 * Fellegi–Sunter score, deduplication and the adjudication queue where a person decides, identities with their
 * aliases, record linkage of any two person files, ANSI/NIST-ITL 1-2011 interchange, and the accuracy report.
 * Every enrollment carries its detainee's marking; every read is scoped, every write audited.
 */

/** Schemas and types of enrollments, candidates, decisions, identities and reports. */
export * from './identity.schemas.js';
/** The module's error codes. */
export { IdentityErrors } from './identity.errors.js';
/** Templates: modalities, lengths, quality floors, packing and biometric similarity. */
export {
  MODALITIES as MODALITY_LIST, MODALITY_LABELS, FINGER_DIM, FACE_DIM, IRIS_DIM, PACKED_DIM, QUALITY_FLOOR, dimOf as templateDim, floorOf as floorOfModality,
  checkTemplate, packTemplates, searchVector, biometricSimilarity,
} from './templates.js';
export type { Modality, Template } from './templates.js';
/** Enrollment of an encounter (quality checks, search on arrival). */
export { enrollDetainee } from './enroll.js';
/** The scenario loader's bulk insert of enrollments. */
export { seedEnrollments } from './seed.js';
export type { SeedEnrollment } from './seed.js';
/** The name matcher and the fused comparison of two person records. */
export { parseName } from './name-structure.js';
export type { ParsedName, NameToken, NameRole } from './name-structure.js';
export { nameSimilarity, bestNameMatch } from './name-match.js';
export { comparePersons } from './matcher.js';
export { jaroWinkler, birthLevel } from './similarity.js';
export { fitEm, fitLabelled, chooseThreshold, compareFields, scoreOf } from './fuse.js';
export type { FsModel, MatchRecord } from './fuse.js';
/** Record linkage of two files (or deduplication of one) with blocking and EM-fitted weights. */
export { linkRecords, candidatePairs, pairwiseAccuracy, febrlEntity } from './link.js';
export type { LinkedPair, LinkResult, LinkOptions } from './link.js';
/** 1:N search: the gallery, exact search, all-pairs neighbours in worker threads. */
export { loadGallery, loadGalleryRows, galleryCount, exactSearch, galleryOf } from './gallery.js';
export type { Gallery, Hit } from './gallery.js';
export { knnAll } from './knn-workers.js';
/** Deduplication of the gallery into the adjudication queue. */
export { dedupGallery, scoreGallery, DEDUP_K, DEDUP_INDEX_PARAMS } from './dedup.js';
export type { DedupOptions } from './dedup.js';
/** The adjudication queue and decisions (same / different / unsure, undo). */
export { listCandidates, showCandidate, decideCandidate, undoDecision } from './adjudicate.js';
/** A person's identity: linked records, aliases, enrollments, decisions. */
export { showIdentity } from './show-identity.js';
/** Accuracy on the scenario's truth, and calibration of the model. */
export { evaluateIdentity, loadEvaluation, evaluatePairs, calibrate, fnirAt, truePairs } from './evaluate.js';
export type { EvalPair } from './evaluate.js';
/** What identity contributes to the coordination agenda and the outcome dashboard. */
export { identityAgendaSource, identityOutcomeSource } from './contributions.js';
/** 1:N search of one enrollment, exact and through the index. */
export { searchEnrollment } from './search.js';
export type { SearchHit } from './search.js';
/** The HNSW index file beside the store (infrastructure for the composition roots and the benchmark). */
export { openGalleryIndex, indexPathFor, buildIndex, searchIndex, loadIndexFile, saveIndexFile, exactSearchNative, HNSW_PARAMS } from './hnsw-index.file.js';
export type { GalleryIndex, HnswParams } from './hnsw-index.file.js';
export { EnrollmentIndex } from './enrollment-index.js';
/** ANSI/NIST-ITL 1-2011 traditional encoding: the codec, this profile, export and import. */
export { encodeRecord, encodeTransaction, decodeRecord, FS, GS, RS, US } from './an2.js';
export type { An2Record, An2Field } from './an2.js';
export { readAn2, writeAn2 } from './an2-profile.js';
export { exportAn2, importAn2 } from './interchange.js';
