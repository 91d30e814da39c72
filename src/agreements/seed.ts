import { invalid, newId, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, type Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { insertAgreement, insertEvents, selectAgencies } from './agreement.store.js';
import { TRANSITIONS, type TAgreementStatus, type TAssurance, type TCondition } from './agreements.schemas.js';

/** An agreement of the scenario with its history of status changes (the first is its drafting). */
export interface SeedAgreement {
  id: string;
  code: string;
  title: string;
  holdingAgency: string;
  receivingAgency: string;
  airliftAgency: string;
  destination: string;
  validFrom: string;
  validTo: string | null;
  perDay: number | null;
  nationalityQuotas: Record<string, number>;
  assurances: TAssurance[];
  conditions: TCondition[];
  marking: string;
  originator: string;
  history: { at: string; to: TAgreementStatus; by: string; note: string | null }[];
}

/**
 * Stores the scenario's agreements with their histories, checking each step against the lifecycle.
 * Requires `scenario:load`. @throws DomainError INVALID_INPUT (an unknown agency, a transition not allowed).
 */
export async function seedAgreements(ctx: Ctx, db: Db, seeds: readonly SeedAgreement[]): Promise<number> {
  requirePermission(ctx.principal, 'scenario:load');
  const agencies = await selectAgencies(db);
  const agency = (code: string, field: string) => {
    const a = agencies.get(code);
    if (!a) throw invalid(field, `no agency ${code}`);
    return a.id;
  };
  for (const s of seeds) {
    const markingId = await internMarking(db, parseMarking(s.marking), s.originator);
    let status: TAgreementStatus | null = null;
    const events = s.history.map((h) => {
      if (status === null ? h.to !== 'draft' : !TRANSITIONS[status].includes(h.to)) throw invalid('history', `${s.code}: ${status ?? 'new'} → ${h.to} is not allowed`);
      const e = { id: newId(Date.parse(h.at)), agreement_id: s.id, at: h.at, from_status: status, to_status: h.to, by_user: h.by, note: h.note, marking_id: markingId };
      status = h.to;
      return e;
    });
    const first = s.history[0]?.at ?? ctx.clock.now().toISOString();
    const last = s.history[s.history.length - 1]?.at ?? first;
    await insertAgreement(db, {
      id: s.id, code: s.code, title: s.title, holding_agency_id: agency(s.holdingAgency, 'holdingAgency'), receiving_agency_id: agency(s.receivingAgency, 'receivingAgency'),
      airlift_agency_id: agency(s.airliftAgency, 'airliftAgency'), destination: s.destination, valid_from: s.validFrom, valid_to: s.validTo, per_day: s.perDay,
      nationality_quotas: JSON.stringify(s.nationalityQuotas), assurances: JSON.stringify(s.assurances), conditions: JSON.stringify(s.conditions),
      status: status ?? 'draft', version: Math.max(1, events.length), marking_id: markingId, created_by: s.history[0]?.by ?? ctx.principal.username, created_at: first, updated_at: last,
    });
    await insertEvents(db, events);
  }
  if (seeds.length > 0) await ctx.audit.record(db, { action: 'agreement.seed', subjectType: 'agreement', details: { codes: seeds.map((s) => s.code) } });
  return seeds.length;
}
