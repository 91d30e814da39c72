import { closedNodeOf, type TAirliftPlan, type TDisruption } from './airlift.schemas.js';
import { conditionsOf } from './conditions.js';

/**
 * Extension rule x-4 on re-planning (docs/airlift.md, "Agreement conditions"): the receiving party has been
 * given the manifest of every ride that departs towards it within its notice. A re-plan at `disruption.at`
 * keeps those sorties exactly (their manifests are frozen) — except the ones the disruption itself forbids
 * (flown by the aircraft lost, or landing at or leaving a node it closed), which no plan can keep.
 */

const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

/**
 * Labels of the sorties whose ride towards a destination with a manifest notice of N hours departs within N
 * hours after `disruption.at` (from `at` on). Empty when the instance has no `x-manifestNotice`.
 */
export function noticeFrozenSorties(plan: Pick<TAirliftPlan, 'instance' | 'legs'>, disruption: TDisruption): Set<string> {
  const notice = new Map<string, number>();
  for (const n of conditionsOf(plan.instance).notice) notice.set(n.destination, Math.max(n.hours, notice.get(n.destination) ?? 0));
  const frozen = new Set<string>();
  if (notice.size === 0) return frozen;
  const closed = closedNodeOf(disruption);
  const lost = disruption.kind === 'aircraft-out-of-service' ? disruption.aircraft : null;
  const forbidden = new Set<string>();
  const departs = new Map<string, string>();
  const noticeOf = new Map<string, number>();
  for (const l of plan.legs) {
    if (l.sortie === undefined) continue;
    if (l.aircraft === lost || l.from === closed || l.to === closed) forbidden.add(l.sortie);
    if (l.board.length > 0 && (departs.get(l.sortie) ?? '\uffff') > l.depart) departs.set(l.sortie, l.depart);
    const hours = notice.get(l.to);
    if (hours !== undefined && l.alight.length > 0) noticeOf.set(l.sortie, Math.max(hours, noticeOf.get(l.sortie) ?? 0));
  }
  for (const [sortie, hours] of noticeOf) {
    const depart = departs.get(sortie);
    if (depart === undefined || forbidden.has(sortie)) continue;
    const after = hoursBetween(disruption.at, depart);
    if (after >= 0 && after < hours) frozen.add(sortie);
  }
  return frozen;
}

/**
 * The sorties a re-plan keeps: `given` (or, absent, every sortie with a leg departing before `at`, as `replan`
 * does by default) and those whose manifests the notice has frozen. Returns `given` itself when nothing is
 * frozen by notice, so a plan without `x-manifestNotice` re-plans exactly as before.
 */
export function withNoticeFrozen(plan: Pick<TAirliftPlan, 'instance' | 'legs'>, disruption: TDisruption, given: ReadonlySet<string> | undefined): ReadonlySet<string> | undefined {
  const byNotice = noticeFrozenSorties(plan, disruption);
  if (byNotice.size === 0) return given;
  const started = given ?? new Set(plan.legs.filter((l) => l.sortie !== undefined && Date.parse(l.depart) < Date.parse(disruption.at)).map((l) => l.sortie!));
  return new Set([...started, ...byNotice]);
}
