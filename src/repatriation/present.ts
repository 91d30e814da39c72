import type { Ctx } from '../access/index.js';
import { residentsById } from '../camps/index.js';
import { custodySubjects } from '../registry/index.js';
import type { BatchRow, MemberRow } from './batch.store.js';
import type { EngagementRow } from './country.store.js';
import { ZBatch, ZEngagement, type TBatch, type TBatchMember, type TEngagement } from './repatriation.schemas.js';
import { ageAt } from './rules.js';

/** Rows → the module's answers: engagements and batches with the members the viewer may see. */

export function presentEngagement(r: EngagementRow): TEngagement {
  return ZEngagement.parse({
    id: r.id, country: r.country, kind: r.kind, at: r.at, summary: r.summary, body: r.body, counterpart: r.counterpart, reference: r.reference,
    outcome: r.outcome, dueBy: r.due_by, recordedBy: r.recorded_by, marking: r.marking_text,
  });
}

/**
 * Batches with their members as the viewer may see them: a detainee or resident outside the viewer's scope is
 * left out and only counted in `hidden`; a resident's name, sex and age show only where their camp's agreement
 * shows them to the viewer.
 */
export async function presentBatches(ctx: Ctx, rows: readonly BatchRow[], members: readonly MemberRow[]): Promise<TBatch[]> {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const detainees = await custodySubjects(ctx, members.flatMap((m) => (m.detainee_id ? [m.detainee_id] : [])));
  const residents = await residentsById(ctx, members.flatMap((m) => (m.resident_id ? [m.resident_id] : [])));
  return rows.map((b) => {
    const shown: TBatchMember[] = [];
    let hidden = 0;
    for (const m of members.filter((x) => x.batch_id === b.id)) {
      const base = { state: m.state as TBatchMember['state'], handover: m.handover_id, outcome: m.outcome as TBatchMember['outcome'], outcomeReason: m.outcome_reason };
      const d = m.detainee_id ? detainees.get(m.detainee_id) : undefined;
      const r = m.resident_id ? residents.get(m.resident_id) : undefined;
      if (d) {
        shown.push({ ...base, kind: 'detainee', id: d.id, isn: d.isn, name: d.nameLatin, sex: d.sex, age: ageAt({ date: d.birthDate, year: d.birthYear }, today), marking: d.marking });
      } else if (r) {
        shown.push({ ...base, kind: 'resident', id: r.id, isn: null, name: r.nameLatin ?? null, sex: r.sex ?? null, age: r.age ?? null, marking: r.marking });
      } else hidden += 1;
    }
    return ZBatch.parse({
      id: b.id, country: b.country, receivingAgency: b.receiving_code, place: b.place, at: b.at, status: b.status, assurances: b.assurances, note: b.note,
      members: shown, hidden, createdAt: b.created_at, createdBy: b.created_by, closedAt: b.closed_at, version: b.version, marking: b.marking_text,
    });
  });
}
