import { parseMarking } from '../kernel/index.js';
import { scopeFor, type AgendaItem, type AgendaSource, type OutcomeFigure, type OutcomeSource } from '../access/index.js';
import { selectBatches, selectMembers } from './batch.store.js';
import { selectEngagements } from './country.store.js';
import { countrySummaries } from './countries.js';
import { bannerText } from './nationals.js';

/** What repatriation brings to the daily coordination call and to the outcome dashboard. */

/**
 * The agenda's repatriation items in the window, each carrying the marking of its record: answers received
 * from countries, requests whose answer falls due, batches planned to be handed over in the window and batches
 * handed over or cancelled in it. Only what the caller may see.
 */
export const repatriationAgendaSource: AgendaSource = {
  name: 'repatriation.answers-and-batches',
  async items(ctx, window) {
    const scope = await scopeFor(ctx.db, ctx.principal);
    const out: AgendaItem[] = [];
    for (const e of await selectEngagements(ctx.db, scope, { kind: 'answer', recordedAfter: window.since, recordedUntil: window.until })) {
      out.push({
        section: 'repatriation', title: `${e.country} answered: ${e.outcome ?? 'no outcome'}`, detail: e.summary, at: e.at,
        severity: e.outcome === 'declined' ? 'warning' : 'info', ref: { kind: 'country', id: e.country }, marking: parseMarking(e.marking_text),
      });
    }
    for (const e of await selectEngagements(ctx.db, scope, { kind: 'request' })) {
      if (e.due_by === null || e.due_by > window.until.slice(0, 10) || e.due_by <= window.since.slice(0, 10)) continue;
      out.push({
        section: 'repatriation', title: `${e.country}: answer due to "${e.summary}"`, at: `${e.due_by}T00:00:00.000Z`, severity: 'warning',
        ref: { kind: 'country', id: e.country }, marking: parseMarking(e.marking_text),
      });
    }
    const batches = await selectBatches(ctx.db, scope, {});
    const members = await selectMembers(ctx.db, batches.map((b) => b.id));
    for (const b of batches) {
      const size = members.filter((m) => m.batch_id === b.id).length;
      const closedIn = b.closed_at !== null && b.closed_at > window.since && b.closed_at <= window.until;
      const dueIn = (b.status === 'planned' || b.status === 'handing-over') && b.at > window.since && b.at <= window.until;
      if (!closedIn && !dueIn) continue;
      const title = closedIn ? `Batch to ${b.country} ${b.status} (${size} persons)` : `Batch to ${b.country} due for handover at ${b.place} (${size} persons, ${b.status})`;
      out.push({ section: 'repatriation', title, at: closedIn ? b.closed_at! : b.at, severity: dueIn ? 'warning' : 'info', ref: { kind: 'repatriation-batch', id: b.id }, marking: parseMarking(b.marking_text) });
    }
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  },
};

/**
 * The outcome figures of repatriation: in total and per country, the nationals repatriated and still held
 * (detainees held plus camp residents present), each figure with the banner of the records counted.
 */
export const repatriationOutcomeSource: OutcomeSource = {
  name: 'repatriation.progress',
  area: 'repatriation',
  async figures(ctx, asOf) {
    const items = await countrySummaries(ctx, asOf.slice(0, 10));
    const counted = items.filter((c) => c.held + c.repatriated > 0);
    const all = bannerText(counted.map((c) => c.marking));
    const out: OutcomeFigure[] = [
      { key: 'repatriation.repatriated', label: 'Nationals repatriated', value: counted.reduce((s, c) => s + c.repatriated, 0), unit: 'persons', marking: parseMarking(all) },
      { key: 'repatriation.held', label: 'Foreign nationals still held or in camps', value: counted.reduce((s, c) => s + c.held, 0), unit: 'persons', marking: parseMarking(all) },
    ];
    for (const c of counted) {
      out.push({ key: `repatriation.${c.country}.repatriated`, label: `${c.name}: repatriated`, value: c.repatriated, unit: 'persons', marking: parseMarking(c.marking) });
      out.push({ key: `repatriation.${c.country}.held`, label: `${c.name}: still held or in camps`, value: c.held, unit: 'persons', marking: parseMarking(c.marking) });
    }
    return out;
  },
};
