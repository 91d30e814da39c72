import { can, type Principal } from '../access/index.js';
import { CAMP_FIELDS, type CampField } from './camps.schemas.js';

/**
 * Field-level access to camp records. A caller sees a field of a camp's records when both hold:
 * - their roles allow it: `camps:read` gives the personal fields, `camps:children` adds child-protection data
 *   (vulnerabilities, guardianship, programmes);
 * - their agency's data-sharing agreement for that camp, in force now, lists it. The camp's controlling
 *   authority holds its records in full until it hands over (it needs no agreement); an authority that takes
 *   over sees what the agreement recorded with the handover allows, and the previous one keeps only what its
 *   own closing agreement allows. An agency with neither control nor agreement sees no personal field.
 * Markings decide which records a caller sees at all; this decides which of their fields.
 */

/** Child-protection data: only with `camps:children`. */
export const PROTECTION_FIELDS: readonly CampField[] = ['vulnerabilities', 'guardianship', 'programmes'];

/** One row of a camp's control history: `agencyId` controls the camp from `fromAt`. */
export interface ControlEntry {
  agencyId: string;
  fromAt: string;
}

/** One data-sharing agreement: `agencyId` may see `fields` of the camp's records from `fromAt`. */
export interface AgreementEntry {
  agencyId: string;
  fields: readonly CampField[];
  fromAt: string;
}

/** What the policy needs to know of a camp. Entries in any order. */
export interface CampPolicyInput {
  control: readonly ControlEntry[];
  agreements: readonly AgreementEntry[];
}

/** The latest entry in force at `at` (ties go to the entry listed last). */
function inForce<T extends { fromAt: string }>(entries: readonly T[], at: string): T | undefined {
  let best: T | undefined;
  for (const e of entries) if (e.fromAt <= at && (!best || e.fromAt >= best.fromAt)) best = e;
  return best;
}

/** The agency controlling the camp at `at`, if any. */
export function authorityAt(control: readonly ControlEntry[], at: string): string | undefined {
  return inForce(control, at)?.agencyId;
}

/** The fields an agency's agreement (or control) gives it over a camp's records at `at`, before roles. */
export function agreedFields(agencyId: string | null, camp: CampPolicyInput, at: string): Set<CampField> {
  if (agencyId === null) return new Set();
  const agreement = inForce(camp.agreements.filter((a) => a.agencyId === agencyId), at);
  if (agreement) return new Set(agreement.fields);
  return authorityAt(camp.control, at) === agencyId ? new Set(CAMP_FIELDS) : new Set();
}

/** The fields the principal's roles allow, whatever the camp. */
export function roleFields(principal: Principal): Set<CampField> {
  if (!can(principal, 'camps:read')) return new Set();
  const children = can(principal, 'camps:children');
  return new Set(CAMP_FIELDS.filter((f) => children || !PROTECTION_FIELDS.includes(f)));
}

/** The fields of a camp's records the principal sees at `at`: agreement (or control) ∩ roles. */
export function visibleFields(principal: Principal, camp: CampPolicyInput, at: string): Set<CampField> {
  const byRole = roleFields(principal);
  return new Set([...agreedFields(principal.agencyId, camp, at)].filter((f) => byRole.has(f)));
}

/** The fields withheld from a caller, in the vocabulary's order (what the UI says it may not show). */
export function withheldOf(visible: ReadonlySet<CampField>): CampField[] {
  return CAMP_FIELDS.filter((f) => !visible.has(f));
}
