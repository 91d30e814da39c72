import type { TComparison, TComponent } from './identity.schemas.js';
import { compareFields, scoreOf, type Compared, type FsModel, type MatchRecord } from './fuse.js';
import { DEFAULT_MODEL, NAMES_MODEL } from './model.data.js';

/**
 * The matcher: two person records (and, for enrollments, their biometric similarity) in, the fused
 * Fellegi–Sunter score out, with each component's similarity and weight — why they match or not.
 */

function components(compared: readonly Compared[], weights: readonly number[]): TComponent[] {
  return compared.map((c, i) => ({ name: c.name, similarity: c.similarity, weight: Math.round((weights[i] ?? 0) * 1000) / 1000, note: `${c.level}: ${c.note}` }));
}

/**
 * Compares two records under a model (default: the fused model calibrated on the scenario; without a
 * biometric similarity, the names-only model).
 * @example comparePersons({ names: ['Mohammed Hussein'] }, { names: ['محمد حسين'] }).components
 */
export function comparePersons(a: MatchRecord, b: MatchRecord, opts: { biometric?: number | null; model?: FsModel } = {}): TComparison {
  const bio = opts.biometric ?? null;
  const model = opts.model ?? (bio === null ? NAMES_MODEL : DEFAULT_MODEL);
  const parts = bio === null ? ['names', 'birth', 'place', 'nationality'] : ['names', 'birth', 'place', 'nationality', 'biometric'];
  const compared = compareFields(a, b, { biometric: bio, parts });
  const { score, weights } = scoreOf(model, compared);
  return { score, threshold: model.threshold, match: score >= model.threshold, components: components(compared, weights) };
}
