import { bannerOf, canSee, conflict, DomainError, invalid, levelRank, newId, type JsonValue, type Marking } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import type { CustodyCtx } from '../custody/index.js';
import { classifyDbError, inTransaction, type Db } from '../store/index.js';
import { ZConfirmInput, ZDecisionInput, type TConfirmInput, type TDeclassRequest, type TDecisionInput } from './cases.schemas.js';
import { CasesErrors } from './cases.errors.js';
import { checkContent } from './content.js';
import { lapsedRequests, updateRequest, type RequestRow } from './declass.store.js';
import { requestIn } from './declass.js';
import { storeContent } from './evidence.js';
import { insertCustody, insertVersion, nextVersionNumber, selectVersions, type VersionRow } from './evidence.store.js';
import { admits, needsSecondReviewer, notHigher, releasedTo } from './policy.js';
import { markingFromText } from './markings.js';
import { effectiveStatus, markingOfVersion, presentRequest } from './present.js';
import { agencySignerOf, DECISION_FORMAT, signDecision } from './sign.js';

/**
 * Decisions on declassification requests, by the originating agency's reviewers: release as is, release a
 * redacted version, downgrade (S and TS need a second reviewer of the same agency), or deny with a reason.
 * A decision is final: it happens once (a guarded update), is signed with the agency's Ed25519 key, and the
 * version it releases is a new, append-only version with its own marking; the original stays.
 */

type Decision = ReturnType<typeof ZDecisionInput.parse>;

function notOriginator(r: RequestRow): DomainError {
  return new DomainError('forbidden', CasesErrors.DECLASS_NOT_ORIGINATOR, `only reviewers of ${r.agency}, the item's originator, decide on request ${r.id}`, { reason: 'not the originating agency' });
}

/** The request, checked for the reviewer: same agency, not expired. */
async function reviewable(cx: Ctx, trx: Db, id: string): Promise<{ r: RequestRow; src: VersionRow; now: string }> {
  const scope = await scopeFor(trx, cx.principal);
  const r = await requestIn(trx, scope, id);
  if (r.agency_id !== cx.principal.agencyId) throw notOriginator(r);
  const now = cx.clock.now().toISOString();
  if (effectiveStatus(r, now) === 'expired') throw conflict(CasesErrors.DECLASS_REQUEST_EXPIRED, `request ${id} expired at ${r.expires_at}`, { reason: 'expired' });
  const src = (await selectVersions(trx, scope, { versionIds: [r.version_id] }))[0]!;
  return { r, src, now };
}

function lowerThan(m: Marking, src: Marking, strict: boolean, field: string): void {
  const ok = notHigher(m, src) && (!strict || levelRank(m.level) < levelRank(src.level));
  if (!ok) throw invalid(field, strict ? 'a downgrade must be marked at a lower level than the version' : 'a redaction must not be marked higher than the version', CasesErrors.DECLASS_MARKING_NOT_LOWER);
}

function releasable(m: Marking, originator: string, r: RequestRow, field: string): void {
  if (!admits(m, originator, r.audience_country)) {
    throw invalid(field, `the marking does not admit the audience country ${r.audience_country}`, CasesErrors.DECLASS_MARKING_NOT_RELEASABLE);
  }
}

/** Writes the released version and the item's custody step. */
async function release(cx: Ctx, trx: Db, a: { r: RequestRow; src: VersionRow; now: string }, v: { origin: string; marking: Marking; sha256?: string; fileName?: string | null; text?: { description?: string; source?: string; provenance?: string } }): Promise<VersionRow> {
  const { r, src, now } = a;
  const id = newId(Date.parse(now));
  const markingId = await internMarking(trx, v.marking, src.originator);
  await insertVersion(trx, {
    id, item_id: src.item_id, number: await nextVersionNumber(trx, src.item_id), origin: v.origin, parent_id: src.id,
    description: v.text?.description ?? src.description, source: v.text?.source ?? src.source, provenance: v.text?.provenance ?? src.provenance,
    file_name: v.fileName === undefined ? src.file_name : v.fileName, content_sha256: v.sha256 ?? src.content_sha256, marking_id: markingId, request_id: r.id,
    created_by: cx.principal.username, created_at: now,
  });
  const action = v.origin === 'redaction' ? 'redacted' : v.origin === 'downgrade' ? 'downgraded' : 'released';
  await insertCustody(trx, [{
    item_id: src.item_id, at: now, action, actor: r.agency, place: null, note: `request ${r.id}: to the ${r.audience_kind} of ${r.audience_country}`,
    marking_id: markingId, recorded_by: cx.principal.username, recorded_at: now,
  }]);
  return (await selectVersions(trx, await scopeFor(trx, cx.principal), { versionIds: [id] }))[0]!;
}

/** Signs and records the final decision, once: a second decision finds the guard closed. */
async function finalize(cx: CustodyCtx, trx: Db, a: { r: RequestRow; src: VersionRow; now: string }, d: { outcome: string; reason: string | null; result: VersionRow | null; decidedBy: string; confirmedBy: string | null }): Promise<TDeclassRequest> {
  const { r, src, now } = a;
  const decision: Record<string, JsonValue> = {
    format: DECISION_FORMAT, request: r.id, case: r.case_ref, item: r.item_ref, agency: r.agency,
    version: { number: src.number, sha256: src.content_sha256, marking: src.marking },
    audience: { kind: r.audience_kind, country: r.audience_country, name: r.audience_name },
    outcome: d.outcome, reason: d.reason, reviewers: d.confirmedBy ? [d.decidedBy, d.confirmedBy] : [d.decidedBy], decidedAt: now,
    result: d.result ? { number: d.result.number, sha256: d.result.content_sha256, marking: d.result.marking } : null,
  };
  const signed = signDecision(decision, await agencySignerOf(cx, trx, r.agency));
  // The decided request speaks of both versions: it carries their banner, so a reader of the original who may
  // not see the released version does not learn its marking or hash from the request.
  const marking_id = d.result ? await internMarking(trx, bannerOf([markingOfVersion(src), markingOfVersion(d.result)]), src.originator) : r.marking_id;
  const n = await updateRequest(trx, r.id, { version: r.version, from: ['pending', 'awaiting-confirmation'] }, {
    marking_id,
    status: d.outcome === 'deny' ? 'denied' : 'released', outcome: d.outcome, decided_by: d.decidedBy, confirmed_by: d.confirmedBy, decided_at: now, reason: d.reason,
    result_version_id: d.result?.id ?? null, decision: signed.text, signature: JSON.stringify(signed.signature),
  });
  if (n === 0) throw conflict(CasesErrors.DECLASS_ALREADY_DECIDED, `request ${r.id} is already decided`, { reason: 'already decided' });
  await cx.audit.record(trx, {
    action: 'declass.decide', subjectType: 'declass-request', subjectId: r.id,
    details: { outcome: d.outcome, resultVersion: d.result?.id ?? null, reviewers: decision.reviewers, key: signed.signature.key },
  });
  return presentRequest(await requestIn(trx, await scopeFor(trx, cx.principal), r.id), now);
}

function checkOpen(r: RequestRow): void {
  if (r.status === 'awaiting-confirmation') throw conflict(CasesErrors.DECLASS_AWAITING_CONFIRMATION, `request ${r.id}: a downgrade awaits a second reviewer`, { reason: 'awaiting confirmation' });
  if (r.status !== 'pending') throw conflict(CasesErrors.DECLASS_ALREADY_DECIDED, `request ${r.id} is already decided (${r.status})`, { reason: 'already decided' });
}

async function applyDecision(cx: CustodyCtx, trx: Db, d: Decision, a: { r: RequestRow; src: VersionRow; now: string }): Promise<TDeclassRequest> {
  const me = cx.principal.username;
  const srcMarking = markingOfVersion(a.src);
  switch (d.outcome) {
    case 'deny':
      return finalize(cx, trx, a, { outcome: 'deny', reason: d.reason, result: null, decidedBy: me, confirmedBy: null });
    case 'release': {
      const v = await release(cx, trx, a, { origin: 'release', marking: releasedTo(srcMarking, a.src.originator, a.r.audience_country) });
      return finalize(cx, trx, a, { outcome: 'release', reason: d.reason ?? null, result: v, decidedBy: me, confirmedBy: null });
    }
    case 'redact': {
      lowerThan(d.marking, srcMarking, false, 'marking');
      releasable(d.marking, a.src.originator, a.r, 'marking');
      if (!canSee(cx.principal, d.marking, a.src.originator)) throw invalid('marking', 'you could not see a version with this marking', CasesErrors.CASES_MARKING_ABOVE_CALLER);
      const content = checkContent(d.content);
      await storeContent(trx, content, a.now);
      const text = { ...(d.description ? { description: d.description } : {}), ...(d.source ? { source: d.source } : {}), ...(d.provenance ? { provenance: d.provenance } : {}) };
      const v = await release(cx, trx, a, { origin: 'redaction', marking: d.marking, sha256: content.sha256, fileName: content.fileName, text });
      return finalize(cx, trx, a, { outcome: 'redact', reason: d.reason ?? null, result: v, decidedBy: me, confirmedBy: null });
    }
    case 'downgrade': {
      lowerThan(d.marking, srcMarking, true, 'marking');
      releasable(d.marking, a.src.originator, a.r, 'marking');
      if (!needsSecondReviewer(srcMarking)) {
        const v = await release(cx, trx, a, { origin: 'downgrade', marking: d.marking });
        return finalize(cx, trx, a, { outcome: 'downgrade', reason: d.reason ?? null, result: v, decidedBy: me, confirmedBy: null });
      }
      const n = await updateRequest(trx, a.r.id, { version: a.r.version, from: ['pending'] }, {
        status: 'awaiting-confirmation', outcome: 'downgrade', proposed_marking_id: await internMarking(trx, d.marking, a.src.originator), proposed_by: me, proposed_at: a.now, reason: d.reason ?? null,
      });
      if (n === 0) throw conflict(CasesErrors.DECLASS_ALREADY_DECIDED, `request ${a.r.id} is already decided`, { reason: 'already decided' });
      await cx.audit.record(trx, { action: 'declass.propose', subjectType: 'declass-request', subjectId: a.r.id, details: { outcome: 'downgrade', marking: d.marking } });
      return presentRequest(await requestIn(trx, await scopeFor(trx, cx.principal), a.r.id), a.now);
    }
  }
}

/**
 * Decides a request as a reviewer of the item's originating agency. A downgrade of S or TS is proposed
 * (status `awaiting-confirmation`) until a second reviewer confirms it; every other decision is final at once,
 * signed with the agency's key. Requires `declass:review`. Audited; nothing is stored if any check fails.
 * @throws DomainError NOT_FOUND, DECLASS_NOT_ORIGINATOR, DECLASS_ALREADY_DECIDED, DECLASS_AWAITING_CONFIRMATION,
 *   DECLASS_REQUEST_EXPIRED, DECLASS_MARKING_NOT_LOWER, DECLASS_MARKING_NOT_RELEASABLE, DECLASS_NO_SIGNING_KEY,
 *   CASES_CONTENT_TOO_LARGE, CASES_CONTENT_TYPE, INVALID_INPUT.
 */
export async function decideDeclass(cx: CustodyCtx, id: string, raw: TDecisionInput): Promise<TDeclassRequest> {
  requirePermission(cx.principal, 'declass:review');
  const d = ZDecisionInput.parse(raw);
  return once(id, inTransaction(cx.db, async (trx) => {
    const a = await reviewable(cx, trx, id);
    checkOpen(a.r);
    return applyDecision(cx, trx, d, a);
  }));
}

/**
 * Two reviewers deciding at the same instant both number their new version the same; the store refuses the
 * second (unique item and number) once the first commits: that reviewer is told the request is decided.
 */
async function once<T>(id: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') throw conflict(CasesErrors.DECLASS_ALREADY_DECIDED, `request ${id} was decided meanwhile`, { reason: 'already decided' });
    throw e;
  }
}

/**
 * The second reviewer's answer to a proposed downgrade of S or TS: approve (the downgraded version is released
 * and the decision signed, naming both reviewers) or refuse (the request is pending again). The proposer may
 * not confirm their own proposal. Requires `declass:review`. Audited.
 * @throws DomainError NOT_FOUND, DECLASS_NOT_ORIGINATOR, DECLASS_NOT_AWAITING, DECLASS_SAME_REVIEWER, DECLASS_REQUEST_EXPIRED.
 */
export async function confirmDeclass(cx: CustodyCtx, id: string, raw: TConfirmInput): Promise<TDeclassRequest> {
  requirePermission(cx.principal, 'declass:review');
  const input = ZConfirmInput.parse(raw);
  return once(id, inTransaction(cx.db, async (trx) => {
    const a = await reviewable(cx, trx, id);
    const { r } = a;
    if (r.status !== 'awaiting-confirmation' || r.proposed_marking === null || r.proposed_by === null) {
      throw conflict(CasesErrors.DECLASS_NOT_AWAITING, `request ${id} awaits no confirmation (${r.status})`, { reason: 'not awaiting confirmation' });
    }
    if (r.proposed_by === cx.principal.username) {
      throw new DomainError('forbidden', CasesErrors.DECLASS_SAME_REVIEWER, `request ${id}: a second reviewer must confirm the downgrade of a ${markingOfVersion(a.src).level} item`, { reason: 'two-person rule' });
    }
    if (!input.approve) {
      const n = await updateRequest(trx, id, { version: r.version, from: ['awaiting-confirmation'] }, { status: 'pending', outcome: null, proposed_marking_id: null, proposed_by: null, proposed_at: null, reason: null });
      if (n === 0) throw conflict(CasesErrors.DECLASS_ALREADY_DECIDED, `request ${id} is already decided`, { reason: 'already decided' });
      await cx.audit.record(trx, { action: 'declass.confirm', subjectType: 'declass-request', subjectId: id, outcome: 'denied', details: { approve: false, reason: input.reason ?? null } });
      return presentRequest(await requestIn(trx, await scopeFor(trx, cx.principal), id), a.now);
    }
    const marking = markingFromText(r.proposed_marking);
    const v = await release(cx, trx, a, { origin: 'downgrade', marking });
    await cx.audit.record(trx, { action: 'declass.confirm', subjectType: 'declass-request', subjectId: id, details: { approve: true } });
    return finalize(cx, trx, a, { outcome: 'downgrade', reason: r.reason, result: v, decidedBy: r.proposed_by, confirmedBy: cx.principal.username });
  }));
}

/**
 * Marks undecided requests past their expiry as expired (their status already reads so; this records it).
 * Requires `declass:review`; only the caller's agency's requests. Audited per request.
 */
export async function expireDeclassRequests(ctx: Ctx): Promise<{ expired: string[] }> {
  requirePermission(ctx.principal, 'declass:review');
  const now = ctx.clock.now().toISOString();
  return inTransaction(ctx.db, async (trx) => {
    const expired: string[] = [];
    for (const r of await lapsedRequests(trx, now, ctx.principal.agencyId ?? '')) {
      if ((await updateRequest(trx, r.id, { version: r.version, from: ['pending', 'awaiting-confirmation'] }, { status: 'expired' })) === 1) {
        expired.push(r.id);
        await ctx.audit.record(trx, { action: 'declass.expire', subjectType: 'declass-request', subjectId: r.id });
      }
    }
    return { expired };
  });
}
