import { canSee, DomainError, type Marking } from '../kernel/index.js';
import type { Principal, Scope } from '../access/index.js';
import type { Db } from '../store/index.js';
import { RegistryErrors } from './registry.errors.js';

/** The id of the facility with `code`, when the caller may see it. @throws REGISTRY_UNKNOWN_FACILITY. */
export async function facilityIdOf(db: Db, scope: Scope, code: string, field = 'facility'): Promise<string> {
  const f = await db.selectFrom('facilities').select('id').where('code', '=', code).where('marking_id', 'in', scope.markingIds).executeTakeFirst();
  if (!f) throw new DomainError('invalid', RegistryErrors.REGISTRY_UNKNOWN_FACILITY, `${field}: no facility with code ${code}`, { field, reason: 'unknown facility code' });
  return f.id;
}

/** The id of the agency with `code`. @throws REGISTRY_UNKNOWN_AGENCY. */
export async function agencyIdOf(db: Db, code: string, field = 'custodian'): Promise<string> {
  const a = await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirst();
  if (!a) throw new DomainError('invalid', RegistryErrors.REGISTRY_UNKNOWN_AGENCY, `${field}: no agency with code ${code}`, { field, reason: 'unknown agency code' });
  return a.id;
}

/** A caller may only mark a record so that they themself can still see it. */
export function checkMarkingForAuthor(principal: Principal, marking: Marking, field = 'marking'): void {
  if (!canSee(principal, marking, principal.country)) {
    throw new DomainError('invalid', RegistryErrors.REGISTRY_MARKING_ABOVE_CALLER, `${field}: you could not see a record with this marking`, {
      field,
      reason: 'marking exceeds your clearance, country or need-to-know groups',
    });
  }
}
