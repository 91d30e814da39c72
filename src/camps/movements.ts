import { conflict, DomainError, invalid, newId } from '../kernel/index.js';
import type { Ctx } from '../access/index.js';
import type { Db } from '../store/index.js';
import { CampsErrors } from './camps.errors.js';
import { lastMovementAt, type NewMovement } from './movement.store.js';
import { nextPlace, type MovementFact, type Place } from './movement-rules.js';
import type { CampAccess } from './policy.js';
import type { ResidentRow } from './resident.store.js';

/** What the movement use cases share: instants, order checks, the registry place, and the event row. */

/** An input date or instant as the stored ISO-8601 instant (a date is the start of that day, UTC). */
export function instantOf(when: string | undefined, now: string): string {
  if (when === undefined) return now;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T00:00:00.000Z` : when).toISOString();
}

/** Where the registry has a resident now. */
export function placeOf(r: Pick<ResidentRow, 'status' | 'facility_id' | 'section_id'>): Place {
  if (r.status === 'resident') return { present: true, campId: r.facility_id, sectionId: r.section_id };
  const status = r.status === 'released' || r.status === 'repatriated' || r.status === 'deceased' || r.status === 'unaccounted' ? r.status : 'new';
  return { present: false, status };
}

/**
 * Refuses a movement dated in the future or before a resident's latest movement: events are recorded in the
 * order they happened, so replaying them gives the registry back.
 * @throws DomainError CAMPS_MOVEMENT_OUT_OF_ORDER on field `at`.
 */
export async function checkOrder(db: Db, residentIds: readonly string[], at: string, now: string): Promise<void> {
  if (at > now) throw invalid('at', 'is in the future', CampsErrors.CAMPS_MOVEMENT_OUT_OF_ORDER);
  const last = await lastMovementAt(db, residentIds);
  for (const [id, when] of last) {
    if (at < when) throw invalid('at', `is before the last movement of resident ${id} (${when})`, CampsErrors.CAMPS_MOVEMENT_OUT_OF_ORDER);
  }
}

/**
 * The place a movement takes a resident to.
 * @throws DomainError CAMPS_MOVEMENT_INVALID naming the resident and why.
 */
export function placeAfter(r: ResidentRow, m: Pick<MovementFact, 'kind' | 'campId' | 'sectionId'>, field = 'resident'): Place {
  const next = nextPlace(placeOf(r), m);
  if (!next.ok) {
    throw conflict(CampsErrors.CAMPS_MOVEMENT_INVALID, `${field}: resident ${r.id} ${next.reason}`, { field, reason: next.reason });
  }
  return next.place;
}

/** The fields of a movement row beyond the resident, kind, camp and instant. */
export type MovementExtras = Partial<Pick<NewMovement, 'section_id' | 'from_facility_id' | 'from_section_id' | 'released_to' | 'destination' | 'destination_country' | 'agreement_ref' | 'guardian_resident_id' | 'batch_id' | 'note'>>;

/** A movement row, recorded by the acting principal, attributed to the camp's authority at `at`. */
export function movementRow(ctx: Ctx, r: Pick<ResidentRow, 'id' | 'marking_id'>, m: { kind: NewMovement['kind']; at: string; camp: CampAccess; authorityId: string | null }, extras: MovementExtras = {}): NewMovement {
  return {
    id: newId(ctx.clock.now().getTime()),
    resident_id: r.id,
    kind: m.kind,
    at: m.at,
    facility_id: m.camp.id,
    section_id: null,
    from_facility_id: null,
    from_section_id: null,
    authority_agency_id: m.authorityId,
    released_to: null,
    destination: null,
    destination_country: null,
    agreement_ref: null,
    guardian_resident_id: null,
    batch_id: null,
    note: null,
    ...extras,
    recorded_by: ctx.principal.username,
    recorded_at: ctx.clock.now().toISOString(),
    marking_id: r.marking_id,
  };
}

/** @throws DomainError CAMPS_UNKNOWN_SECTION when the camp has no section with `code`. */
export function sectionIdOf(sections: readonly { id: string; facility_id: string; code: string }[], camp: CampAccess, code: string, field = 'section'): string {
  const s = sections.find((x) => x.facility_id === camp.id && x.code === code);
  if (!s) throw new DomainError('invalid', CampsErrors.CAMPS_UNKNOWN_SECTION, `${field}: camp ${camp.code} has no section ${code}`, { field, reason: 'unknown section' });
  return s.id;
}
