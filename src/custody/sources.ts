import { parseMarking, UNCLASSIFIED, type Marking } from '../kernel/index.js';
import { can, listAgencies, type AgendaItem, type AgendaSource, type Ctx, type OutcomeFigure, type OutcomeSource } from '../access/index.js';
import { custodySubjects } from '../registry/index.js';
import { presentHandover } from './handover-common.js';
import { alertsIn, checkpointSeries, checkpointSizeAsOf, failedVerificationsIn, pendingHandoversBy, verificationAsOf } from './verification.store.js';

/*
 * What the custody module contributes to the daily coordination call and the outcome dashboard. The log's size,
 * its verifications and its alerts reveal no record (the checkpoint is published to every custody reader), so
 * they are unclassified; a pending handover carries its detainee's marking and is listed only to an agency
 * party to it that may see the detainee.
 */

const DAY_MS = 24 * 3600 * 1000;
const U: Marking = { ...UNCLASSIFIED, caveats: [] };

/**
 * Outcome figures: the log's size (with its daily series), whether the last verification found the log
 * intact (1) or not (0), the size it verified, and the hours since it ran. Empty without `custody:read`.
 */
export const custodyOutcomeSource: OutcomeSource = {
  name: 'custody.log',
  area: 'custody',
  async figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]> {
    if (!can(ctx.principal, 'custody:read')) return [];
    const size = await checkpointSizeAsOf(ctx.db, asOf);
    const series = (await checkpointSeries(ctx.db, asOf)).map((p) => ({ at: p.at, value: p.size }));
    const out: OutcomeFigure[] = [{ key: 'custody.log-size', label: 'Custody log entries (signed head)', value: size, unit: 'entries', marking: U, series }];
    const last = await verificationAsOf(ctx.db, asOf);
    if (!last) return out;
    out.push(
      { key: 'custody.last-verification-ok', label: `Last full verification (${last.finished_at}) found the log intact`, value: last.ok, unit: '1 = intact, 0 = fault', marking: U },
      { key: 'custody.last-verification-size', label: 'Entries covered by the last full verification', value: Number(last.size), unit: 'entries', marking: U },
      { key: 'custody.hours-since-verification', label: 'Hours since the last full verification', value: Math.round(((Date.parse(asOf) - Date.parse(last.finished_at)) / 3_600_000) * 10) / 10, unit: 'h', marking: U },
    );
    return out;
  },
};

/**
 * Agenda items: handovers of the caller's agency still pending at the window's end (a warning after a day),
 * verifications that found a fault in the window, and split-view alerts raised in the window (critical).
 * Empty without `custody:read`.
 */
export const custodyAgendaSource: AgendaSource = {
  name: 'custody.log',
  async items(ctx, window): Promise<AgendaItem[]> {
    if (!can(ctx.principal, 'custody:read')) return [];
    const out: AgendaItem[] = [];
    if (ctx.principal.agencyId) {
      const rows = await pendingHandoversBy(ctx.db, ctx.principal.agencyId, window.until);
      const seen = await custodySubjects(ctx, rows.map((r) => r.detainee_id));
      for (const r of rows) {
        const d = seen.get(r.detainee_id);
        if (!d) continue;
        const h = presentHandover(r);
        const waiting = h.signedBy.includes(h.to.agency) ? h.from.agency : h.to.agency;
        const old = Date.parse(window.until) - Date.parse(r.created_at) > DAY_MS;
        out.push({
          section: 'handovers', title: `Handover of ${h.detainee} from ${h.from.agency} to ${h.to.agency} awaits ${waiting}'s signature`,
          detail: `${h.from.place} → ${h.to.place}, proposed ${r.created_at}`, severity: old ? 'warning' : 'info', at: r.created_at,
          ref: { kind: 'handover', id: h.id }, marking: parseMarking(d.marking),
        });
      }
    }
    for (const v of await failedVerificationsIn(ctx.db, window.since, window.until)) {
      out.push({
        section: 'custody', title: `Custody log verification failed${v.first_bad_index === null ? '' : ` at entry ${Number(v.first_bad_index)}`}`,
        detail: `${v.first_bad_what ?? ''}: ${v.first_bad_reason ?? ''} (run by ${v.run_by} over ${Number(v.size)} entries)`, severity: 'critical', at: v.finished_at,
        ref: { kind: 'custody-verification', id: v.id }, marking: U,
      });
    }
    const codes = new Map((await listAgencies(ctx.db)).map((a) => [a.id, a.code]));
    for (const a of await alertsIn(ctx.db, window.since, window.until)) {
      const detail = JSON.parse(a.detail) as { reason?: unknown };
      out.push({
        section: 'custody', title: `Custody log ${a.kind} witnessed by ${a.agency_id ? (codes.get(a.agency_id) ?? 'an agency') : 'an agency'}`,
        detail: typeof detail.reason === 'string' ? detail.reason : undefined, severity: 'critical', at: a.created_at, ref: { kind: 'custody-alert', id: a.id }, marking: U,
      });
    }
    await ctx.audit.record(ctx.db, { action: 'custody.agenda.read', subjectType: 'custody-log', details: { items: out.length, since: window.since, until: window.until } });
    return out;
  },
};
