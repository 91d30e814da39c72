import { bannerOf, formatMarking, parseMarking } from '../kernel/index.js';
import { markingTexts } from '../access/index.js';
import type { Db } from '../store/index.js';

/**
 * The marking of an answer that combines records (counts, cohorts, an overview): the banner of their
 * markings — the highest level, the common REL TO, every caveat. `U` when it combines none.
 */
export async function bannerText(db: Db, markingIds: readonly number[]): Promise<string> {
  const texts = await markingTexts(db, markingIds);
  return formatMarking(bannerOf([...texts.values()].map((t) => parseMarking(t))));
}
