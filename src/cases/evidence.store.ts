import { sql } from 'kysely';
import type { Scope } from '../access/index.js';
import type { Db, EvidenceContentsTable, EvidenceCustodyTable, EvidenceItemsTable, EvidenceVersionsTable } from '../store/index.js';
import { likeOf, likePattern } from './case.store.js';

/** Evidence items, their contents, versions and chain of custody. Versions are read only within scope. */

export async function insertItem(db: Db, row: EvidenceItemsTable): Promise<void> {
  await db.insertInto('evidence_items').values(row).execute();
}

/** Stores content once per SHA-256 (the same bytes again are already there). */
export async function insertContent(db: Db, row: EvidenceContentsTable): Promise<void> {
  await db.insertInto('evidence_contents').values(row).onConflict((oc) => oc.column('sha256').doNothing()).execute();
}

export async function insertVersion(db: Db, row: EvidenceVersionsTable): Promise<void> {
  await db.insertInto('evidence_versions').values(row).execute();
}

export async function insertCustody(db: Db, rows: Omit<EvidenceCustodyTable, 'seq'>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('evidence_custody').values(rows).execute();
}

export async function itemCount(db: Db): Promise<number> {
  const r = await db.selectFrom('evidence_items').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next version number of an item. */
export async function nextVersionNumber(db: Db, itemId: string): Promise<number> {
  const r = await db.selectFrom('evidence_versions').select(sql<number | null>`max(number)`.as('n')).where('item_id', '=', itemId).executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

/** A version with its item, content facts and marking, as read within a scope. */
export interface VersionRow extends EvidenceVersionsTable {
  case_id: string;
  item_ref: string;
  kind: string;
  agency_id: string;
  agency: string;
  dated: string;
  content_type: string;
  size: number;
  marking: string;
  originator: string;
  m_level: number;
  m_rel_kind: string;
  m_rel_countries: string;
  m_caveats: string;
}

/** Which versions to read: of these cases, items or versions (at least one filter). */
export interface VersionFilter {
  caseIds?: readonly string[];
  itemIds?: readonly string[];
  versionIds?: readonly string[];
}

function versionsQuery(db: Db, scope: Scope) {
  return db
    .selectFrom('evidence_versions as v')
    .innerJoin('evidence_items as i', 'i.id', 'v.item_id')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .innerJoin('evidence_contents as c', 'c.sha256', 'v.content_sha256')
    .innerJoin('markings as m', 'm.id', 'v.marking_id')
    .selectAll('v')
    .select([
      'i.case_id', 'i.ref as item_ref', 'i.kind', 'i.agency_id', 'a.code as agency', 'i.dated', 'c.content_type', 'c.size', 'm.text as marking', 'm.originator',
      'm.level as m_level', 'm.rel_kind as m_rel_kind', 'm.rel_countries as m_rel_countries', 'm.caveats as m_caveats',
    ])
    .where('v.marking_id', 'in', scope.markingIds);
}

/** The versions in scope matching `f`, by item reference and version number. */
export async function selectVersions(db: Db, scope: Scope, f: VersionFilter): Promise<VersionRow[]> {
  let q = versionsQuery(db, scope);
  if (f.caseIds) q = f.caseIds.length > 0 ? q.where('i.case_id', 'in', [...f.caseIds]) : q.where(sql<boolean>`1 = 0`);
  if (f.itemIds) q = f.itemIds.length > 0 ? q.where('i.id', 'in', [...f.itemIds]) : q.where(sql<boolean>`1 = 0`);
  if (f.versionIds) q = f.versionIds.length > 0 ? q.where('v.id', 'in', [...f.versionIds]) : q.where(sql<boolean>`1 = 0`);
  return q.orderBy('i.ref').orderBy('v.number').execute();
}

/** The bytes of these contents. */
export async function selectContents(db: Db, hashes: readonly string[]): Promise<Map<string, Buffer>> {
  if (hashes.length === 0) return new Map();
  const rows = await db.selectFrom('evidence_contents').select(['sha256', 'data']).where('sha256', 'in', [...new Set(hashes)]).execute();
  return new Map(rows.map((r) => [r.sha256, Buffer.from(r.data)]));
}

/** An item by id or reference, whatever the scope: callers check a version of it is in scope first. */
export async function selectItem(db: Db, idOrRef: string): Promise<EvidenceItemsTable | undefined> {
  return db.selectFrom('evidence_items').selectAll().where((eb) => eb.or([eb('id', '=', idOrRef), eb('ref', '=', idOrRef)])).executeTakeFirst();
}

/** The chain-of-custody entries of these items that are in scope, in order. */
export async function selectCustody(db: Db, scope: Scope, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('evidence_custody as e')
    .innerJoin('markings as m', 'm.id', 'e.marking_id')
    .selectAll('e')
    .select('m.text as marking')
    .where('e.item_id', 'in', [...itemIds])
    .where('e.marking_id', 'in', scope.markingIds)
    .orderBy('e.seq')
    .execute();
}

/** Versions in scope whose description, source or item reference holds `q`, of cases in scope. */
export async function searchVersions(db: Db, scope: Scope, f: { q: string; kind?: string; caseIds: readonly string[] }): Promise<VersionRow[]> {
  if (f.caseIds.length === 0) return [];
  const like = likePattern(f.q);
  let q = versionsQuery(db, scope)
    .where('i.case_id', 'in', [...f.caseIds])
    .where((eb) => eb.or([likeOf('v.description', like), likeOf('v.source', like), likeOf('i.ref', like)]));
  if (f.kind) q = q.where('i.kind', '=', f.kind);
  return q.orderBy('i.ref').orderBy('v.number').execute();
}
