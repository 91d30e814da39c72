import { can, scopeFor, type AgendaItem, type AgendaSource, type Ctx, type OutcomeFigure, type OutcomeSource } from '../access/index.js';
import { selectCases } from './case.store.js';
import { selectRequests } from './declass.store.js';
import { selectVersions } from './evidence.store.js';
import { markingFromText } from './markings.js';
import { effectiveStatus, markingOfVersion } from './present.js';
import { readinessOf } from './readiness.js';
import { bannerOf } from '../kernel/index.js';

/** What the cases module brings to the daily call and the outcome dashboard, within the caller's scope. */

/**
 * Declassification requests overdue at the end of the window (still undecided past their deadline) and those
 * decided in the window. Empty for a caller without `cases:read`.
 */
export const casesAgendaSource: AgendaSource = {
  name: 'cases.declassification',
  async items(ctx: Ctx, window): Promise<AgendaItem[]> {
    if (!can(ctx.principal, 'cases:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    const rows = await selectRequests(ctx.db, scope, {});
    const out: AgendaItem[] = [];
    for (const r of rows) {
      const status = effectiveStatus(r, window.until);
      const open = status === 'pending' || status === 'awaiting-confirmation';
      if (open && r.due_at < window.until && r.requested_at <= window.until) {
        out.push({
          section: 'declassification', severity: r.expires_at <= window.until ? 'critical' : 'warning', at: r.due_at, ref: { kind: 'declass-request', id: r.id },
          title: `Declassification of ${r.item_ref} (${r.case_ref}) for ${r.audience_country} overdue`, detail: `${r.agency} to decide; due ${r.due_at}${status === 'awaiting-confirmation' ? '; downgrade awaits a second reviewer' : ''}`,
          marking: markingFromText(r.marking),
        });
      } else if (r.decided_at && r.decided_at > window.since && r.decided_at <= window.until) {
        out.push({
          section: 'declassification', severity: 'info', at: r.decided_at, ref: { kind: 'declass-request', id: r.id },
          title: `${r.agency} ${r.outcome === 'deny' ? 'denied' : r.outcome === 'redact' ? 'released a redacted version of' : r.outcome === 'downgrade' ? 'downgraded' : 'released'} ${r.item_ref} (${r.case_ref}) for ${r.audience_country}`,
          ...(r.reason ? { detail: r.reason } : {}), marking: markingFromText(r.marking),
        });
      }
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  },
};

/**
 * Case readiness figures as of a date: open cases, evidence items, items releasable to their case's
 * jurisdiction, declassification requests open. Each carries the banner of the records it counts.
 */
export const casesOutcomeSource: OutcomeSource = {
  name: 'cases.readiness',
  area: 'cases',
  async figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]> {
    if (!can(ctx.principal, 'cases:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    const cases = (await selectCases(ctx.db, scope, {})).filter((c) => c.created_at <= asOf);
    const versions = (await selectVersions(ctx.db, scope, { caseIds: cases.map((c) => c.id) })).filter((v) => v.created_at <= asOf);
    const requests = (await selectRequests(ctx.db, scope, { caseIds: cases.map((c) => c.id) })).filter((r) => r.requested_at <= asOf);
    const open = cases.filter((c) => c.status !== 'closed');
    let releasable = 0;
    for (const c of cases) {
      const vs = versions.filter((v) => v.case_id === c.id);
      releasable += readinessOf({ ref: c.ref, country: c.jurisdiction_country }, vs, requests.filter((r) => vs.some((v) => v.item_id === r.item_id)), asOf).releasable;
    }
    const openRequests = requests.filter((r) => {
      const s = r.decided_at && r.decided_at <= asOf ? 'decided' : effectiveStatus({ status: r.decided_at ? 'pending' : r.status, expires_at: r.expires_at }, asOf);
      return s === 'pending' || s === 'awaiting-confirmation';
    });
    const vBanner = bannerOf(versions.map(markingOfVersion));
    return [
      { key: 'cases.open', label: 'Case files open', value: open.length, marking: bannerOf(open.map((c) => markingFromText(c.marking))) },
      { key: 'cases.evidence', label: 'Evidence items', value: new Set(versions.map((v) => v.item_id)).size, marking: vBanner },
      { key: 'cases.releasable', label: 'Evidence releasable to the jurisdiction', value: releasable, marking: vBanner },
      { key: 'cases.declass-open', label: 'Declassification requests open', value: openRequests.length, marking: bannerOf(openRequests.map((r) => markingFromText(r.marking))) },
    ];
  },
};
