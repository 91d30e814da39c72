import { canSee, DomainError, defineErrors, type Marking } from '../kernel/index.js';
import type { Principal } from '../access/index.js';

/** Error codes of the coordination module. */
export const CoordinationErrors = defineErrors({
  COORDINATION_UNKNOWN_AGENCY: { kind: 'invalid', when: 'A call, attendance or action names an agency code that does not exist.' },
  COORDINATION_MARKING_ABOVE_CALLER: { kind: 'invalid', when: 'A call, decision or action is given a marking its author could not see.' },
  COORDINATION_ACTION_CLOSED: { kind: 'conflict', when: 'An action that is done or cancelled is changed again (both are final).' },
  COORDINATION_STALE_ACTION: { kind: 'conflict', when: 'An action is updated at a version other than its current one (it changed since it was read).' },
});

/** @throws DomainError COORDINATION_UNKNOWN_AGENCY naming the field and the code. */
export function unknownAgency(field: string, code: string): DomainError {
  return new DomainError('invalid', CoordinationErrors.COORDINATION_UNKNOWN_AGENCY, `${field}: no agency ${code}`, { field, reason: `unknown agency ${code}` });
}

/**
 * A record's author must be able to see it: a marking beyond their clearance, country or groups is refused
 * (it would be a record nobody who wrote it could read back).
 * @throws DomainError COORDINATION_MARKING_ABOVE_CALLER.
 */
export function checkMarkingForAuthor(principal: Principal, marking: Marking, field = 'marking'): void {
  if (!canSee(principal, marking, principal.country)) {
    throw new DomainError('invalid', CoordinationErrors.COORDINATION_MARKING_ABOVE_CALLER, `${field}: you could not see a record with this marking`, {
      field,
      reason: 'marking exceeds your clearance, country or need-to-know groups',
    });
  }
}
