import { conflict, invalid, newId, notFound } from '../kernel/index.js';
import { requirePermission, scopeFor, type Ctx, type Scope } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { ZDeclassRequestInput, ZQueueQuery, type TDeclassRequest, type TDeclassRequestInput, type TQueue, type TQueueQuery } from './cases.schemas.js';
import { CasesErrors } from './cases.errors.js';
import { selectCase } from './case.store.js';
import { insertRequest, selectRequests, type RequestFilter, type RequestRow } from './declass.store.js';
import { selectContents, selectItem, selectVersions } from './evidence.store.js';
import { admits } from './policy.js';
import { bannerText, markingOfVersion, presentRequest, presentVersion } from './present.js';
import { markingFromText } from './markings.js';

/** Declassification requests: a prosecutor asks; the originating agency's reviewers see them in their queue. */

const DAY_MS = 86_400_000;
/** Default time a reviewer has to decide. */
export const DEFAULT_DUE_DAYS = 14;
/** Default time after the deadline before an undecided request lapses. */
export const DEFAULT_EXPIRY_DAYS = 30;

/** The request `id` if the caller may see it. @throws NOT_FOUND. */
export async function requestIn(db: Db, scope: Scope, id: string, f: RequestFilter = {}): Promise<RequestRow> {
  const r = (await selectRequests(db, scope, { ...f, ids: [id] }))[0];
  if (!r) throw notFound('declassification request', id);
  return r;
}

/**
 * Asks that a version of an item (default: the newest the requester sees) be released to an audience: a
 * country's prosecutor or the court. The request carries the version's marking, so only those who may see the
 * version see the request. Requires `declass:request`. Audited.
 * @throws DomainError NOT_FOUND (item or version unseen), DECLASS_ALREADY_RELEASABLE, INVALID_INPUT (deadlines).
 */
export async function requestDeclass(ctx: Ctx, raw: TDeclassRequestInput): Promise<TDeclassRequest> {
  requirePermission(ctx.principal, 'declass:request');
  const input = ZDeclassRequestInput.parse(raw);
  const now = ctx.clock.now();
  const dueAt = input.dueAt ?? new Date(now.getTime() + DEFAULT_DUE_DAYS * DAY_MS).toISOString();
  const expiresAt = input.expiresAt ?? new Date(Date.parse(dueAt) + DEFAULT_EXPIRY_DAYS * DAY_MS).toISOString();
  if (Date.parse(dueAt) <= now.getTime()) throw invalid('dueAt', 'must be in the future');
  if (Date.parse(expiresAt) < Date.parse(dueAt)) throw invalid('expiresAt', 'must not be before dueAt');
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const item = await selectItem(trx, input.item);
    const versions = item ? await selectVersions(trx, scope, { itemIds: [item.id] }) : [];
    if (!item || versions.length === 0 || !(await selectCase(trx, scope, item.case_id))) throw notFound('evidence item', input.item);
    const v = input.version === undefined ? versions.at(-1) : versions.find((x) => x.number === input.version);
    if (!v) throw notFound('evidence version', `${input.item} v${input.version}`);
    if (admits(markingOfVersion(v), v.originator, input.audience.country)) {
      throw conflict(CasesErrors.DECLASS_ALREADY_RELEASABLE, `audience: version ${v.number} of ${v.item_ref} is already releasable to ${input.audience.country}`, { field: 'audience.country', reason: 'already releasable' });
    }
    const id = newId(now.getTime());
    await insertRequest(trx, {
      id, item_id: item.id, version_id: v.id, audience_kind: input.audience.kind, audience_country: input.audience.country, audience_name: input.audience.name ?? null,
      purpose: input.purpose, requested_by: ctx.principal.username, requested_at: now.toISOString(), due_at: dueAt, expires_at: expiresAt, status: 'pending',
      marking_id: v.marking_id, outcome: null, proposed_marking_id: null, proposed_by: null, proposed_at: null, decided_by: null, confirmed_by: null, decided_at: null,
      reason: null, result_version_id: null, decision: null, signature: null, version: 1,
    });
    await ctx.audit.record(trx, { action: 'declass.request', subjectType: 'declass-request', subjectId: id, details: { item: v.item_ref, version: v.number, audience: input.audience } });
    return presentRequest(await requestIn(trx, scope, id), now.toISOString());
  });
}

/** The statuses a queue filter stands for. */
function statusesOf(s: ReturnType<typeof ZQueueQuery.parse>['status']): string[] | undefined {
  if (s === 'all') return undefined;
  if (s === 'open' || s === 'pending' || s === 'awaiting-confirmation') return s === 'open' ? ['pending', 'awaiting-confirmation'] : [s];
  return s === 'expired' ? ['pending', 'awaiting-confirmation', 'expired'] : [s];
}

/**
 * The reviewer's queue: requests about items their agency originated, with the original and (once made) the
 * released version side by side; overdue first by deadline. Status is the effective one: an undecided
 * request past its expiry shows as expired. Requires `declass:review`. Audited.
 */
export async function declassQueue(ctx: Ctx, raw: TQueueQuery = {}): Promise<TQueue> {
  requirePermission(ctx.principal, 'declass:review');
  const q = ZQueueQuery.parse(raw);
  const now = ctx.clock.now().toISOString();
  const scope = await scopeFor(ctx.db, ctx.principal);
  const statuses = statusesOf(q.status);
  const rows = ctx.principal.agencyId ? await selectRequests(ctx.db, scope, { agencyId: ctx.principal.agencyId, ...(statuses ? { statuses } : {}) }) : [];
  const keep = (s: TDeclassRequest['status']) => (q.status === 'all' ? true : q.status === 'open' ? s === 'pending' || s === 'awaiting-confirmation' : s === q.status);
  const presented = rows.map((r) => ({ row: r, req: presentRequest(r, now) })).filter((x) => keep(x.req.status));
  const versionIds = presented.flatMap((x) => [x.row.version_id, ...(x.row.result_version_id ? [x.row.result_version_id] : [])]);
  const versions = await selectVersions(ctx.db, scope, { versionIds });
  const byId = new Map(versions.map((v) => [v.id, v]));
  const numbers = new Map(versions.map((v) => [v.id, v.number]));
  const contents = await selectContents(ctx.db, versions.filter((v) => v.content_type.startsWith('text/')).map((v) => v.content_sha256));
  const items = presented.flatMap(({ row, req }) => {
    const original = byId.get(row.version_id);
    if (!original) return [];
    const released = row.result_version_id ? byId.get(row.result_version_id) : undefined;
    return [{ ...req, original: presentVersion(original, numbers, contents.get(original.content_sha256)), released: released ? presentVersion(released, numbers, contents.get(released.content_sha256)) : null }];
  });
  await ctx.audit.record(ctx.db, { action: 'declass.queue', subjectType: 'declass-request', details: { status: q.status, count: items.length } });
  return {
    items, overdue: items.filter((i) => i.overdue).length,
    marking: bannerText([...items.map((i) => markingFromText(i.marking)), ...versions.map(markingOfVersion)]),
  };
}

/**
 * Requests the caller may see (the requested version is in their scope): for a prosecutor, theirs and their
 * colleagues'; `mine` keeps only the caller's. Requires `cases:read`. Audited.
 */
export async function listDeclassRequests(ctx: Ctx, opts: { mine?: boolean; case?: string } = {}): Promise<{ items: TDeclassRequest[]; marking: string }> {
  requirePermission(ctx.principal, 'cases:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const f: RequestFilter = opts.mine ? { requestedBy: ctx.principal.username } : {};
  if (opts.case) {
    const c = await selectCase(ctx.db, scope, opts.case);
    if (!c) throw notFound('case', opts.case);
    f.caseIds = [c.id];
  }
  const now = ctx.clock.now().toISOString();
  const items = (await selectRequests(ctx.db, scope, f)).map((r) => presentRequest(r, now));
  await ctx.audit.record(ctx.db, { action: 'declass.list', subjectType: 'declass-request', details: { count: items.length } });
  return { items, marking: bannerText(items.map((i) => markingFromText(i.marking))) };
}

/** One request the caller may see. Requires `cases:read`. Audited. @throws NOT_FOUND. */
export async function showDeclassRequest(ctx: Ctx, id: string): Promise<TDeclassRequest> {
  requirePermission(ctx.principal, 'cases:read');
  const r = presentRequest(await requestIn(ctx.db, await scopeFor(ctx.db, ctx.principal), id), ctx.clock.now().toISOString());
  await ctx.audit.record(ctx.db, { action: 'declass.read', subjectType: 'declass-request', subjectId: id });
  return r;
}
