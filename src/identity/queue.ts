import { newId } from '../kernel/index.js';
import type { Db } from '../store/index.js';
import type { IdentityCandidatesTable } from '../store/index.js';
import { insertCandidates } from './candidate.store.js';
import { pairBiometric, type Gallery } from './gallery.js';
import { exactSearchNative } from './hnsw-index.file.js';
import { comparePersons } from './matcher.js';
import type { TComparison } from './identity.schemas.js';
import { PACKED_DIM } from './templates.js';

/**
 * From search hits to queued candidate pairs: each pair is scored by the fused matcher (biometric similarity
 * plus names, birth, place, nationality) and queued when the score reaches the model's threshold and the two
 * enrollments belong to different detainee records.
 */

/** A scored pair of gallery rows. */
export interface ScoredPair {
  a: number;
  b: number;
  score: number;
  biometric: number | null;
  /** Each component's similarity and weight (serialised only for the pairs that are queued). */
  components: TComparison['components'];
  match: boolean;
}

/** Scores a pair of gallery rows with the fused matcher. */
export function scorePair(g: Gallery, a: number, b: number): ScoredPair {
  const biometric = pairBiometric(g, a, b);
  const c = comparePersons(g.records[a]!, g.records[b]!, { biometric });
  return { a, b, score: c.score, biometric, components: c.components, match: c.match };
}

/** The neighbours of gallery row `i` worth scoring: the top `k` of an exact search (native; `exactSearch` is its reference). */
export function neighbours(g: Gallery, i: number, k: number): number[] {
  const probe = g.vectors.subarray(i * PACKED_DIM, (i + 1) * PACKED_DIM);
  return exactSearchNative(g.vectors, probe, k, i).map((h) => h.index);
}

/** Queues the matching pairs (each once, left id < right id); returns how many were new. */
export async function queuePairs(db: Db, g: Gallery, pairs: readonly ScoredPair[], opts: { source: 'arrival' | 'dedup'; now: string }): Promise<number> {
  const rows: IdentityCandidatesTable[] = [];
  const seen = new Set<string>();
  for (const p of pairs) {
    if (!p.match || g.detaineeIds[p.a] === g.detaineeIds[p.b]) continue;
    const [l, r] = [g.ids[p.a]!, g.ids[p.b]!].sort() as [string, string];
    const key = `${l}|${r}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      id: newId(), left_id: l, right_id: r, score: p.score, biometric: p.biometric, components: JSON.stringify(p.components), source: opts.source,
      status: 'pending', reason: null, decided_by: null, decided_at: null, created_at: opts.now,
    });
  }
  return insertCandidates(db, rows);
}
