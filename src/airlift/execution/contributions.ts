import { can, scopeFor, type AgendaItem, type AgendaSource, type Ctx, type OutcomeFigure, type OutcomeSource } from '../../access/index.js';
import { parseMarking } from '../../kernel/index.js';
import type { TAirliftPlan } from '../airlift.schemas.js';
import { Tally, type Place } from './engine.js';
import { effectsOfOperation, openDiscrepanciesUntil } from './execution.store.js';
import { listPlanRows, planDetainees, planDocument, sortiesChanged } from './plans.store.js';
import { bannerOfIds, markingsOf } from './present.js';

/**
 * What airlift execution brings to the daily coordination agenda (sorties flown or cancelled, discrepancies
 * open in the window) and to the outcome dashboard (moved vs remaining, the expected loss of the airlift as
 * flown against moving nobody). Both read only what the caller may see, and nothing without `airlift:read`.
 */

const FLOWN = ['landed', 'closed', 'cancelled'] as const;
const CRITICAL = new Set(['missing-at-arrival', 'conflict']);

/** Sorties landed, closed or cancelled in the window, and discrepancies raised by its end and still open then. */
export const airliftAgendaSource: AgendaSource = {
  name: 'airlift.execution',
  async items(ctx, window) {
    if (!can(ctx.principal, 'airlift:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    const sorties = await sortiesChanged(ctx.db, scope, window, FLOWN);
    const open = await openDiscrepanciesUntil(ctx.db, scope, window.until);
    const mark = await markingsOf(ctx.db, [...sorties.map((s) => s.marking_id), ...open.map((d) => d.marking_id)]);
    const labels = new Map(sorties.map((s) => [s.id, s.label]));
    const items: AgendaItem[] = sorties.map((s) => ({
      section: 'sorties', title: `Sortie ${s.label} ${s.status} (${s.from_node} → ${s.to_node}, ${s.aircraft})`,
      severity: s.status === 'cancelled' ? 'warning' : 'info', at: s.status_at ?? window.until, ref: { kind: 'sortie', id: s.id }, marking: parseMarking(mark(s.marking_id)),
    }));
    for (const d of open) {
      items.push({
        section: 'reconciliation', title: `Open discrepancy: ${d.kind} — ${d.isn}${labels.has(d.sortie_id) ? ` on ${labels.get(d.sortie_id)}` : ''}`, detail: d.detail,
        severity: CRITICAL.has(d.kind) ? 'critical' : 'warning', at: d.raised_at, ref: { kind: 'sortie', id: d.sortie_id }, marking: parseMarking(mark(d.marking_id)),
      });
    }
    return items;
  },
};

/** Λ_s(t) of a site of a plan's instance, t in hours (formats/airlift.md, "Objective"). */
function hazardOf(plan: TAirliftPlan, site: string): (t: number) => number {
  const start = Date.parse(plan.instance.start);
  const node = plan.instance.nodes.find((n) => n.id === site);
  const steps = [{ from: 0, rate: node?.hazardPerHour ?? 0 }, ...(node?.hazardSchedule ?? []).map((h) => ({ from: Math.max(0, (Date.parse(h.from) - start) / 3.6e6), rate: h.perHour }))]
    .sort((a, b) => a.from - b.from);
  return (t) => steps.reduce((sum, s, i) => sum + Math.max(0, Math.min(t, steps[i + 1]?.from ?? Infinity) - s.from) * s.rate, 0);
}

/** Moved vs remaining, and the expected loss accrued by `asOf` as flown vs nobody moved, over the approved plans in scope. */
export const airliftOutcomeSource: OutcomeSource = {
  name: 'airlift.execution',
  area: 'movement',
  async figures(ctx: Ctx, asOf: string): Promise<OutcomeFigure[]> {
    if (!can(ctx.principal, 'airlift:read')) return [];
    const scope = await scopeFor(ctx.db, ctx.principal);
    const plans = (await listPlanRows(ctx.db, scope)).filter((p) => p.status === 'approved');
    const tally = new Tally();
    let flown = 0;
    let nobody = 0;
    for (const p of plans) {
      const doc = JSON.parse(await planDocument(ctx.db, p.id)) as TAirliftPlan;
      const t = Math.max(0, (Date.parse(asOf) - Date.parse(doc.instance.start)) / 3.6e6);
      const people = await planDetainees(ctx.db, scope, p.id);
      const places = new Map<string, Place>(people.map((d) => [d.isn, { kind: 'site', at: d.site }]));
      const boarded = new Map<string, number>();
      for (const s of await effectsOfOperation(ctx.db, scope, p.operation_id)) {
        if (s.scanned_at > asOf) continue;
        places.set(s.isn, { kind: s.place_kind as Place['kind'], at: s.place_at });
        if (s.kind === 'board' && !boarded.has(s.isn)) boarded.set(s.isn, (Date.parse(s.scanned_at) - Date.parse(doc.instance.start)) / 3.6e6);
      }
      for (const place of places.values()) tally.move(undefined, place);
      const weights = doc.instance.rules.lossWeight;
      const hazards = new Map<string, (t: number) => number>();
      for (const d of people) {
        if (!hazards.has(d.site)) hazards.set(d.site, hazardOf(doc, d.site));
        const h = hazards.get(d.site)!;
        const w = weights ? weights[d.tier as 'HIGH' | 'MEDIUM' | 'LOW'] : 1;
        flown += w * (1 - Math.exp(-h(Math.min(boarded.get(d.isn) ?? t, t))));
        nobody += w * (1 - Math.exp(-h(t)));
      }
    }
    const marking = parseMarking(await bannerOfIds(ctx.db, plans.map((p) => p.marking_id)));
    return [
      { key: 'airlift.moved', label: 'Detainees delivered to a destination', value: tally.byKind.destination, marking },
      { key: 'airlift.in-transit', label: 'Detainees aboard or at staging', value: tally.byKind.aircraft + tally.byKind.staging, marking },
      { key: 'airlift.remaining', label: 'Detainees still at their sites', value: tally.byKind.site, marking },
      { key: 'airlift.expected-loss-flown', label: 'Expected loss so far, as flown', value: flown, unit: 'detainees (weighted)', marking },
      { key: 'airlift.expected-loss-nobody-moved', label: 'Expected loss so far had nobody been moved', value: nobody, unit: 'detainees (weighted)', marking },
    ];
  },
};
