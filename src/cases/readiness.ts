import type { Marking } from '../kernel/index.js';
import type { TReadiness } from './cases.schemas.js';
import type { RequestRow } from './declass.store.js';
import type { VersionRow } from './evidence.store.js';
import { admits } from './policy.js';
import { bannerText, effectiveStatus, markingOfVersion } from './present.js';

/**
 * Case readiness, from what the reader may see only: for each item with a version in the reader's scope,
 * whether a version the reader sees is releasable to the jurisdiction's country (releasable), else whether a
 * request to that country is open (pending), was last denied (denied), or none was made (not-requested).
 * The banner is that of every version counted, so a page showing the figures carries it.
 */
export function readinessOf(c: { ref: string; country: string }, versions: readonly VersionRow[], requests: readonly RequestRow[], now: string): TReadiness {
  const byItem = new Map<string, VersionRow[]>();
  for (const v of versions) {
    const list = byItem.get(v.item_id);
    if (list) list.push(v);
    else byItem.set(v.item_id, [v]);
  }
  const counted: Marking[] = [];
  const items: TReadiness['items'] = [];
  for (const [itemId, vs] of byItem) {
    const marked = vs.map((v) => ({ v, m: markingOfVersion(v) }));
    counted.push(...marked.map((x) => x.m));
    const released = marked.filter((x) => admits(x.m, x.v.originator, c.country)).at(-1);
    const newest = marked.at(-1)!;
    const asked = requests.filter((r) => r.item_id === itemId && r.audience_country === c.country).map((r) => effectiveStatus(r, now));
    const state = released ? 'releasable'
      : asked.some((s) => s === 'pending' || s === 'awaiting-confirmation') ? 'pending'
        : asked.at(-1) === 'denied' ? 'denied' : 'not-requested';
    const shown = released ?? newest;
    items.push({ item: shown.v.item_ref, kind: shown.v.kind as TReadiness['items'][number]['kind'], state, version: released ? released.v.number : null, marking: shown.v.marking });
  }
  const count = (s: string) => items.filter((i) => i.state === s).length;
  const distinct = new Map(counted.map((m) => [JSON.stringify(m), m]));
  return {
    case: c.ref, country: c.country, total: items.length, releasable: count('releasable'), pending: count('pending'), denied: count('denied'),
    notRequested: count('not-requested'), items, marking: bannerText([...distinct.values()]),
  };
}
