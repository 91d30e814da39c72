import { newId, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, type Ctx } from '../access/index.js';
import type { Db, RepatriationEngagementsTable, RepatriationStatusChangesTable } from '../store/index.js';
import { insertCountry, insertEngagements, insertStatusChanges } from './country.store.js';
import type { Condition, CountryStatus } from './repatriation.schemas.js';

/** A country of origin as a scenario states it (already validated by the scenario's schema). */
export interface SeedCountry {
  country: string;
  status: CountryStatus;
  conditions: Condition[];
  marking: string;
  originator: string;
  history: { from: CountryStatus; to: CountryStatus; at: string }[];
  engagements: { kind: string; at: string; summary: string; counterpart: string | null; reference: string | null; outcome: string | null; dueBy: string | null; marking: string }[];
}

/**
 * Loads the scenario's countries of origin on the caller's transaction, in bulk: each country's record, its
 * status history and its engagement log. Requires `scenario:load`. Audited as one event.
 */
export async function seedRepatriation(ctx: Ctx, db: Db, countries: readonly SeedCountry[]): Promise<void> {
  requirePermission(ctx.principal, 'scenario:load');
  if (countries.length === 0) return;
  const now = ctx.clock.now().toISOString();
  const markings = new Map<string, number>();
  const markingId = async (text: string, originator: string) => {
    const key = `${text}|${originator}`;
    const known = markings.get(key);
    if (known !== undefined) return known;
    const id = await internMarking(db, parseMarking(text), originator);
    markings.set(key, id);
    return id;
  };
  const changes: RepatriationStatusChangesTable[] = [];
  const engagements: RepatriationEngagementsTable[] = [];
  for (const c of countries) {
    const mid = await markingId(c.marking, c.originator);
    await insertCountry(db, { country: c.country, status: c.status, conditions: JSON.stringify(c.conditions), marking_id: mid, version: 1, updated_at: now, updated_by: 'scenario' });
    for (const h of c.history) changes.push({ id: newId(Date.parse(h.at)), country: c.country, from_status: h.from, to_status: h.to, at: h.at, by: 'scenario', note: null, marking_id: mid });
    for (const e of c.engagements) {
      engagements.push({
        id: newId(Date.parse(e.at)), country: c.country, kind: e.kind, at: e.at, summary: e.summary, body: null, counterpart: e.counterpart, reference: e.reference,
        outcome: e.outcome, due_by: e.dueBy, marking_id: await markingId(e.marking, c.originator), recorded_by: 'scenario', recorded_at: e.at,
      });
    }
  }
  await insertStatusChanges(db, changes);
  await insertEngagements(db, engagements);
  await ctx.audit.record(db, { action: 'repatriation.seed', subjectType: 'country', details: { countries: countries.length, engagements: engagements.length } });
}
