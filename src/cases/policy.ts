import { levelRank, type Marking } from '../kernel/index.js';

/**
 * The release rules of the declassification workflow, pure: which audience a marking admits, the marking of
 * a release as is, and what "lower" means for a redaction or downgrade.
 */

/**
 * True when a record with marking `m` (originated in `originator`) may go to a recipient in `country` as far
 * as releasability goes: no dissemination control, the country is in REL TO, or it is the originator's own.
 * Clearance and need-to-know are the recipient's own; this is the releasability half of `canSee`.
 */
export function admits(m: Marking, originator: string, country: string): boolean {
  if (country === originator || m.rel.kind === 'all') return true;
  return m.rel.kind === 'rel' && m.rel.countries.includes(country);
}

/** The marking of a version released as is to `country`: the same level and caveats, REL TO widened to it. */
export function releasedTo(m: Marking, originator: string, country: string): Marking {
  if (admits(m, originator, country)) return m;
  const countries = m.rel.kind === 'rel' ? m.rel.countries : [originator];
  return { level: m.level, caveats: [...m.caveats], rel: { kind: 'rel', countries: [...new Set([...countries, country])].sort() } };
}

/** True when `m` is no higher than `than`: level not above, no caveat `than` lacks. */
export function notHigher(m: Marking, than: Marking): boolean {
  return levelRank(m.level) <= levelRank(than.level) && m.caveats.every((c) => than.caveats.includes(c));
}

/** True when a downgrade of a version marked `m` needs a second reviewer: S and TS (two-person rule). */
export function needsSecondReviewer(m: Marking): boolean {
  return levelRank(m.level) >= levelRank('S');
}
