import { internMarking } from '../../access/index.js';
import { bannerOf, parseMarking } from '../../kernel/index.js';
import type { Db } from '../../store/index.js';
import { markingRows } from './plans.store.js';

/**
 * The interned banner of several markings: the highest level, the common REL TO, every caveat. It keeps the
 * originator when all parts share one (the originating agency still sees its records), else takes `country`.
 */
export async function bannerId(db: Db, ids: readonly number[], country: string): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length === 1) return unique[0]!;
  const parts = [...(await markingRows(db, unique)).values()];
  const origins = new Set(parts.map((p) => p.originator));
  return internMarking(db, bannerOf(parts.map((p) => parseMarking(p.text))), origins.size === 1 ? [...origins][0]! : country);
}
