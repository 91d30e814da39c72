import { notFound } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import { FAMILY_RELATIONS, GUARDIAN_KINDS, MOVEMENT_KINDS, type TCampResidentDetail, type TMovement } from './camps.schemas.js';
import { selectDetaineeRefs, selectFamilyLinks, selectGuardianships } from './links.store.js';
import { selectMovementsOf, type MovementRow } from './movement.store.js';
import { campsView, type CampsView } from './policy.js';
import { presentResident } from './present.js';
import { selectAssignments } from './programme.store.js';
import { selectResidents } from './resident.store.js';
import { z } from 'zod';

const ZRelation = z.enum(FAMILY_RELATIONS);
const ZGuardianKind = z.enum(GUARDIAN_KINDS);
const ZKind = z.enum(MOVEMENT_KINDS);

/** A stored movement as the resident page shows it. */
export function presentMovement(m: MovementRow): TMovement {
  return {
    id: m.id, kind: ZKind.parse(m.kind), at: m.at, camp: m.camp_code, section: m.section_code, fromCamp: m.from_camp_code,
    fromSection: m.from_section_code, authority: m.authority_code, releasedTo: m.released_to, destination: m.destination,
    destinationCountry: m.destination_country, agreement: m.agreement_ref, guardian: m.guardian_resident_id, batch: m.batch_id,
    note: m.note, recordedBy: m.recorded_by, recordedAt: m.recorded_at,
  };
}

/** Names of the residents among `ids` the caller may see, when their camp shows names (null otherwise). */
async function visibleNames(ctx: Ctx, view: CampsView, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await selectResidents(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), ids });
  return new Map(rows.map((r) => [r.id, view.byId.get(r.facility_id)?.fields.has('names') ? r.name_latin : null]));
}

/**
 * One camp resident with everything the caller may see: guardians, family links (to residents, to detainees the
 * caller may see in the registry, to relatives abroad), movements and programmes — each only when the camp's
 * data-sharing agreement and the caller's roles allow it. Requires `camps:read`. Audited.
 * @throws DomainError NOT_FOUND when the resident is absent or unseen.
 */
export async function showResident(ctx: Ctx, id: string): Promise<TCampResidentDetail> {
  const view = await campsView(ctx);
  const [row] = await selectResidents(ctx.db, view.scope, { campIds: view.camps.map((c) => c.id), ids: [id] });
  const camp = row ? view.byId.get(row.facility_id) : undefined;
  if (!row || !camp) throw notFound('resident', id);
  const f = camp.fields;
  const out: TCampResidentDetail = presentResident(row, f, camp.withheld, view.now.slice(0, 10));
  const links = f.has('familyLinks') || f.has('detaineeLinks') || f.has('relativesAbroad') ? await selectFamilyLinks(ctx.db, view.scope, [id]) : [];
  const guardians = f.has('guardianship') ? await selectGuardianships(ctx.db, view.scope, [id]) : [];
  const others = [...links.map((l) => (l.resident_id === id ? l.related_resident_id : l.resident_id)), ...guardians.map((g) => g.guardian_resident_id)];
  const names = await visibleNames(ctx, view, others.filter((x): x is string => x !== null && x !== id));
  if (f.has('guardianship')) {
    out.guardians = guardians.flatMap((g) => {
      if (g.guardian_resident_id !== null && !names.has(g.guardian_resident_id)) return [];
      const name = g.guardian_resident_id !== null ? (names.get(g.guardian_resident_id) ?? null) : g.guardian_name;
      return [{ id: g.id, guardian: { residentId: g.guardian_resident_id, name }, kind: ZGuardianKind.parse(g.kind), since: g.since, until: g.until }];
    });
  }
  if (f.has('familyLinks')) {
    out.familyLinks = links.flatMap((l) => {
      const other = l.resident_id === id ? l.related_resident_id : l.resident_id;
      if (l.kind !== 'resident' || other === null || !names.has(other)) return [];
      return [{ id: l.id, relation: ZRelation.parse(l.relation), residentId: other, name: names.get(other) ?? null }];
    });
  }
  if (f.has('detaineeLinks')) {
    const mine = links.filter((l) => l.kind === 'detainee' && l.resident_id === id && l.detainee_id !== null);
    const refs = new Map((await selectDetaineeRefs(ctx.db, view.scope, mine.map((l) => l.detainee_id!))).map((d) => [d.id, d]));
    out.detaineeLinks = mine.flatMap((l) => {
      const d = refs.get(l.detainee_id!);
      return d ? [{ id: l.id, relation: ZRelation.parse(l.relation), detaineeId: d.id, isn: d.isn, name: d.name_latin }] : [];
    });
  }
  if (f.has('relativesAbroad')) {
    out.relativesAbroad = links
      .filter((l) => l.kind === 'abroad' && l.resident_id === id)
      .map((l) => ({ id: l.id, relation: ZRelation.parse(l.relation), name: l.relative_name ?? '', country: l.relative_country }));
  }
  if (f.has('movements')) out.movements = (await selectMovementsOf(ctx.db, view.scope, [id])).map(presentMovement);
  if (f.has('programmes')) {
    out.programmes = (await selectAssignments(ctx.db, view.scope, [id])).map((a) => ({ code: a.code, name: a.name, kind: a.kind, status: a.status, sessions: a.sessions, attended: a.attended }));
  }
  await ctx.audit.record(ctx.db, { action: 'camp-resident.read', subjectType: 'camp-resident', subjectId: id, details: { withheld: camp.withheld } });
  return out;
}
