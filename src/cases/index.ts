/**
 * Cases: prosecution case files with evidence items whose every version carries its own marking, each item's
 * own chain of custody, case readiness (what is releasable to the jurisdiction's prosecutor today), the
 * declassification workflow (request → originating agency's review → release as is, redacted, downgraded with
 * two persons for S and TS, or denied; signed with the agency's Ed25519 key) and marked exports. Every read is
 * scoped to the caller's markings in the query; what they may not see is absent everywhere.
 */

/** Schemas and types of cases, evidence, readiness, requests, decisions and exports. */
export * from './cases.schemas.js';
/** This module's error codes. */
export { CasesErrors } from './cases.errors.js';
/** Content checks (size, allow-listed types, SHA-256), pure. */
export { checkContent, sha256Hex } from './content.js';
/** The release rules, pure: which country a marking admits, the marking of a release as is, lower-than. */
export { admits, releasedTo, notHigher, needsSecondReviewer } from './policy.js';
/** The rule of a case's status changes (forward only; closing and reopening with a reason). */
export { caseTransitionFault } from './status.js';
/**
 * Case files: `createCase`, `listCases`, `showCase` (evidence and readiness as the caller may see them),
 * `setCaseStatus`.
 * @throws DomainError NOT_FOUND, CASES_UNKNOWN_DETAINEE, CASES_REF_TAKEN, CASES_MARKING_ABOVE_CALLER, CASES_NOT_CASE_AGENCY, STALE_VERSION.
 */
export { createCase, listCases, showCase, setCaseStatus } from './cases.js';
/**
 * Evidence: `addEvidence` (original version, content by SHA-256, first custody steps), `recordItemCustody`,
 * `showEvidence`, `searchEvidence`.
 * @example
 *   await addEvidence(ctx, 'CASE-2026-0001', { kind: 'witness-statement', agency: 'LE-ID', dated: '2026-01-05', description: '…',
 *     source: '…', provenance: '…', content: { body: '…' }, marking: 'C//REL TO IRQ, USA' });
 */
export { addEvidence, recordItemCustody, showEvidence, searchEvidence } from './evidence.js';
/** Declassification requests and the reviewer's queue (original and released versions side by side). */
export { requestDeclass, declassQueue, listDeclassRequests, showDeclassRequest, DEFAULT_DUE_DAYS, DEFAULT_EXPIRY_DAYS } from './declass.js';
/**
 * Decisions by the originating agency's reviewers, signed with its key (pass `custodyCtx(ctx, keyring)`).
 * @example
 *   const r = await requestDeclass(prosecutor, { item: 'EV-…', audience: { kind: 'prosecutor', country: 'IRQ' }, purpose: 'trial' });
 *   await decideDeclass(custodyCtx(reviewer, keyring), r.id, { outcome: 'redact', marking: 'C//REL TO IRQ, USA', content: { body: '…' } });
 */
export { decideDeclass, confirmDeclass, expireDeclassRequests } from './decide.js';
/** Checks a decision's signature against the published agency keys. */
export { verifyDecision } from './verify.js';
export { DECISION_FORMAT } from './sign.js';
/** Marked exports: Markdown, HTML with print styles, PDF. */
export { exportCase, exportParts, toMarkdown, toHtml, bannerOfParts } from './export.js';
export type { CaseExport, Part } from './export.js';
/** Contributions to the daily agenda and the outcome dashboard. */
export { casesAgendaSource, casesOutcomeSource } from './sources.js';
/** The scenario loader's seeding of case files. */
export { seedCases } from './seed.js';
export type { CaseSeed } from './seed.js';
/** Mixed Latin and Arabic text in PDFs (Arabic runs in the embedded Noto Naskh Arabic, shaped, ordered right to left). */
export { ARABIC_FONT, ARABIC_FONT_BOLD, registerArabicFonts, visualRuns, writeMixed } from './pdf-text.js';
export type { MixedTextOptions, VisualRun } from './pdf-text.js';
