import { DomainError, newId, notFound, type Marking } from '../kernel/index.js';
import { findAgencyByCode, internMarking, requirePermission, scopeFor, type Ctx, type Scope } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import {
  ZAddEvidenceRequest, ZEvidenceSearchQuery, ZItemCustodyRequest, type TAddEvidenceRequest, type TEvidenceHits, type TEvidenceItem,
  type TEvidenceSearchQuery, type TItemCustodyRequest,
} from './cases.schemas.js';
import { CasesErrors } from './cases.errors.js';
import { caseIn, checkAuthor } from './cases.js';
import { selectCase, selectCases, touchCase } from './case.store.js';
import { checkContent, type Content } from './content.js';
import { insertContent, insertCustody, insertItem, insertVersion, searchVersions, selectContents, selectCustody, selectItem, selectVersions } from './evidence.store.js';
import { bannerText, markingOfVersion, presentItems } from './present.js';

/** Evidence items: add one (its original version and first custody steps), record custody, show, search. */

/** Stores content (once per hash) for a version. */
export async function storeContent(db: Db, c: Content, now: string): Promise<void> {
  await insertContent(db, { sha256: c.sha256, content_type: c.contentType, size: c.bytes.length, data: c.bytes, created_at: now });
}

/** An item's presentation as the caller may see it. @throws NOT_FOUND when no version of it is in scope. */
export async function itemIn(db: Db, scope: Scope, idOrRef: string): Promise<TEvidenceItem> {
  const item = await selectItem(db, idOrRef);
  const versions = item ? await selectVersions(db, scope, { itemIds: [item.id] }) : [];
  if (!item || versions.length === 0) throw notFound('evidence item', idOrRef);
  const [custody, contents] = await Promise.all([
    selectCustody(db, scope, [item.id]),
    selectContents(db, versions.filter((v) => v.content_type.startsWith('text/')).map((v) => v.content_sha256)),
  ]);
  const c = await selectCase(db, scope, item.case_id);
  if (!c) throw notFound('evidence item', idOrRef);
  return presentItems(versions, custody, contents, () => c.ref)[0]!;
}

async function custodyRows(ctx: Ctx, db: Db, itemId: string, spec: { entries: ReturnType<typeof ZItemCustodyRequest.parse>[]; marking: Marking; originator: string }) {
  const { entries } = spec;
  const dflt = spec;
  const now = ctx.clock.now().toISOString();
  const rows = [];
  for (const [i, e] of entries.entries()) {
    const m = e.marking ?? dflt.marking;
    checkAuthor(ctx.principal, m, dflt.originator, `custody.${i}.marking`);
    rows.push({
      item_id: itemId, at: e.at, action: e.action, actor: e.actor, place: e.place ?? null, note: e.note ?? null,
      marking_id: await internMarking(db, m, dflt.originator), recorded_by: ctx.principal.username, recorded_at: now,
    });
  }
  return rows;
}

/**
 * Adds an evidence item to a case: its original version (content stored with its SHA-256, marked with the
 * originating agency's country as originator) and the first steps of its chain of custody. The author must
 * be able to see what they mark. Requires `cases:write`. Audited.
 * @throws DomainError NOT_FOUND (case), CASES_UNKNOWN_AGENCY, CASES_MARKING_ABOVE_CALLER, CASES_CONTENT_TOO_LARGE,
 *   CASES_CONTENT_TYPE, CASES_CONTENT_ENCODING, INVALID_INPUT.
 */
export async function addEvidence(ctx: Ctx, caseRef: string, raw: TAddEvidenceRequest): Promise<TEvidenceItem> {
  requirePermission(ctx.principal, 'cases:write');
  const input = ZAddEvidenceRequest.parse(raw);
  const content = checkContent(input.content);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const c = await caseIn(trx, scope, caseRef);
    const agency = await findAgencyByCode(trx, input.agency);
    if (!agency) throw new DomainError('invalid', CasesErrors.CASES_UNKNOWN_AGENCY, `agency: no agency with code ${input.agency}`, { field: 'agency', reason: 'unknown agency code' });
    checkAuthor(ctx.principal, input.marking, agency.country, 'marking');
    const now = ctx.clock.now();
    const at = now.toISOString();
    const id = newId(now.getTime());
    // The reference says nothing of how many items the case holds: a count would tell a reader of items unseen.
    const ref = `EV-${id.slice(-10)}`;
    await insertItem(trx, { id, case_id: c.id, ref, kind: input.kind, agency_id: agency.id, dated: input.dated, created_by: ctx.principal.username, created_at: at });
    await storeContent(trx, content, at);
    const markingId = await internMarking(trx, input.marking, agency.country);
    await insertVersion(trx, {
      id: newId(now.getTime()), item_id: id, number: 1, origin: 'original', parent_id: null, description: input.description, source: input.source,
      provenance: input.provenance, file_name: content.fileName, content_sha256: content.sha256, marking_id: markingId, request_id: null,
      created_by: ctx.principal.username, created_at: at,
    });
    await insertCustody(trx, await custodyRows(ctx, trx, id, { entries: input.custody, marking: input.marking, originator: agency.country }));
    await touchCase(trx, c.id, at);
    await ctx.audit.record(trx, { action: 'evidence.add', subjectType: 'evidence-item', subjectId: id, details: { case: c.ref, ref, sha256: content.sha256, size: content.bytes.length } });
    // The scope again: the item's marking may have been interned just now.
    return itemIn(trx, await scopeFor(trx, ctx.principal), id);
  });
}

/**
 * Appends steps to an item's own chain of custody (append-only; each step marked, by default like the
 * newest version the caller sees). Requires `cases:write`. Audited.
 * @throws DomainError NOT_FOUND, CASES_MARKING_ABOVE_CALLER, INVALID_INPUT.
 */
export async function recordItemCustody(ctx: Ctx, itemRef: string, raw: TItemCustodyRequest): Promise<TEvidenceItem> {
  requirePermission(ctx.principal, 'cases:write');
  const entry = ZItemCustodyRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const item = await itemIn(trx, scope, itemRef);
    const newest = (await selectVersions(trx, scope, { itemIds: [item.id] })).at(-1)!;
    await insertCustody(trx, await custodyRows(ctx, trx, item.id, { entries: [entry], marking: markingOfVersion(newest), originator: newest.originator }));
    await ctx.audit.record(trx, { action: 'evidence.custody', subjectType: 'evidence-item', subjectId: item.id, details: { action: entry.action } });
    return itemIn(trx, await scopeFor(trx, ctx.principal), item.id);
  });
}

/** One evidence item as the caller may see it. Requires `cases:read`. Audited. @throws NOT_FOUND. */
export async function showEvidence(ctx: Ctx, itemRef: string): Promise<TEvidenceItem> {
  requirePermission(ctx.principal, 'cases:read');
  const item = await itemIn(ctx.db, await scopeFor(ctx.db, ctx.principal), itemRef);
  await ctx.audit.record(ctx.db, { action: 'evidence.read', subjectType: 'evidence-item', subjectId: item.id, details: { versions: item.versions.map((v) => v.id) } });
  return item;
}

/**
 * Searches the evidence versions the caller may see (description, source, reference), in cases the caller
 * may see. The total counts those versions only. Requires `cases:read`. Audited.
 */
export async function searchEvidence(ctx: Ctx, raw: TEvidenceSearchQuery): Promise<TEvidenceHits> {
  requirePermission(ctx.principal, 'cases:read');
  const q = ZEvidenceSearchQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const cases = await selectCases(ctx.db, scope, {});
  const refs = new Map(cases.map((c) => [c.id, c.ref]));
  const rows = await searchVersions(ctx.db, scope, { q: q.q, ...(q.kind ? { kind: q.kind } : {}), caseIds: [...refs.keys()] });
  const shown = rows.slice(0, q.limit);
  await ctx.audit.record(ctx.db, { action: 'evidence.search', subjectType: 'evidence-item', details: { q: q.q, hits: rows.length } });
  return {
    items: shown.map((v) => ({ case: refs.get(v.case_id)!, item: v.item_ref, kind: v.kind as TEvidenceItem['kind'], version: v.number, description: v.description, marking: v.marking })),
    total: rows.length,
    marking: bannerText(rows.map(markingOfVersion)),
  };
}
