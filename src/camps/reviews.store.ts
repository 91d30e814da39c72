import type { Scope } from '../access/index.js';
import type { CampDuplicateReviewsTable, Db } from '../store/index.js';

/** Reviews of likely duplicate residents, and the residents an import is compared with whatever the importer's scope. */

/** A resident an import row may duplicate: only what the comparison needs. */
export interface Lookalike {
  id: string;
  facility_id: string;
  nationality: string;
  birth_ref: string | null;
  name_ar: string;
  name_latin: string;
  marking_id: number;
}

/**
 * Residents of these camps born at these birth references, in ANY scope: the import compares its rows with
 * residents the importer cannot see (and never tells the importer which). Batched by 500 references.
 */
export async function selectLookalikes(db: Db, campIds: readonly string[], birthRefs: readonly string[]): Promise<Lookalike[]> {
  const out: Lookalike[] = [];
  for (let i = 0; i < birthRefs.length; i += 500) {
    out.push(...(await db
      .selectFrom('residents as r')
      .innerJoin('camp_resident_details as d', 'd.resident_id', 'r.id')
      .select(['r.id', 'r.facility_id', 'r.nationality', 'd.birth_ref', 'r.name_ar', 'r.name_latin', 'r.marking_id'])
      .where('r.facility_id', 'in', [...campIds])
      .where('d.birth_ref', 'in', birthRefs.slice(i, i + 500))
      .execute()));
  }
  return out;
}

export async function insertReviews(db: Db, rows: CampDuplicateReviewsTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('camp_duplicate_reviews').values(rows.slice(i, i + 200)).execute();
}

/** Reviews whose marking (the banner of the pair) is in scope, oldest first. */
export async function selectReviews(db: Db, scope: Scope, f: { status?: string | undefined; id?: string | undefined }): Promise<CampDuplicateReviewsTable[]> {
  let q = db.selectFrom('camp_duplicate_reviews').selectAll().where('marking_id', 'in', scope.markingIds).orderBy('requested_at').orderBy('id').limit(500);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.id) q = q.where('id', '=', f.id);
  return q.execute();
}

/** Records a decision; false when someone decided first. */
export async function decideReviewRow(db: Db, id: string, set: Pick<CampDuplicateReviewsTable, 'status' | 'decided_by' | 'decided_at' | 'note' | 'created_resident_id'>): Promise<boolean> {
  const r = await db.updateTable('camp_duplicate_reviews').set(set).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
