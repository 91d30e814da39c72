import type { Ctx } from '../access/index.js';
import { selectSections } from './camp.store.js';
import { ZPopulationQuery, type TCampPopulation } from './cohorts.schemas.js';
import { MOVEMENT_KINDS } from './camps.schemas.js';
import { selectCampEvents } from './movement.store.js';
import { populationOf, replay, type MovementFact } from './movement-rules.js';
import { instantOf } from './movements.js';
import { campOf, campsView } from './policy.js';
import { countResidents } from './resident.store.js';
import type { z } from 'zod';

/** An instant for a population query: a date means the end of that day. */
function endOf(when: string | undefined, now: string): string {
  if (when !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(when)) return `${when}T23:59:59.999Z`;
  return instantOf(when, now);
}

/**
 * The population of a camp at a date, recomputed by replaying the movement events of every resident who was
 * ever in it (those the caller may see), by section when the household field is shown; and, for now or a later date, the registry's count beside
 * it — they always match, since every movement is written with the registry change it makes. Requires
 * `camps:read`. Audited.
 * @throws DomainError NOT_FOUND (camp absent or unseen).
 */
export async function campPopulation(ctx: Ctx, code: string, raw: z.input<typeof ZPopulationQuery> = {}): Promise<TCampPopulation> {
  const q = ZPopulationQuery.parse(raw);
  const view = await campsView(ctx);
  const camp = campOf(view, code);
  const at = endOf(q.at, view.now);
  const events = await selectCampEvents(ctx.db, view.scope, camp.id, at);
  const facts: MovementFact[] = events.map((e) => ({
    residentId: e.resident_id, kind: MOVEMENT_KINDS.find((k) => k === e.kind) ?? 'arrival', at: e.at, campId: e.facility_id, sectionId: e.section_id,
  }));
  const { places } = replay(facts, at);
  const pop = populationOf(places, camp.id);
  const sections = new Map((await selectSections(ctx.db, [camp.id])).map((s) => [s.id, s.code]));
  // Sections are where people live: shown only when the camp shows the caller the household field.
  const bySection = !camp.fields.has('household') ? [] : [...pop.bySection.entries()]
    .map(([id, count]) => ({ section: id === null ? null : (sections.get(id) ?? null), count }))
    .sort((a, b) => (a.section ?? '').localeCompare(b.section ?? ''));
  const registry = at >= view.now ? await countResidents(ctx.db, view.scope, { campIds: [camp.id], status: 'resident' }) : null;
  await ctx.audit.record(ctx.db, { action: 'camp.population', subjectType: 'camp', subjectId: camp.id, details: { at } });
  return { camp: camp.code, at, fromEvents: pop.total, bySection, registry, matches: registry === null ? null : registry === pop.total };
}
