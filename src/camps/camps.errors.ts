import { DomainError, defineErrors } from '../kernel/index.js';
import type { CampField } from './camps.schemas.js';

/** Error codes of the camps module. */
export const CampsErrors = defineErrors({
  CAMPS_FIELD_WITHHELD: { kind: 'forbidden', when: 'A query filters on, or a write needs, a field the data-sharing agreement of the caller\'s agency (or their roles) withholds.' },
  CAMPS_MOVEMENT_INVALID: { kind: 'conflict', when: 'A movement does not follow from where the resident is (a release of someone not in the camp, an arrival of someone present).' },
  CAMPS_MOVEMENT_OUT_OF_ORDER: { kind: 'invalid', when: 'A movement is dated before the resident\'s last movement, or in the future.' },
  CAMPS_CHILD_WITHOUT_GUARDIAN: { kind: 'conflict', when: 'A release includes a child whose guardian is not released with them (and it is not a reunification).' },
  CAMPS_UNKNOWN_SECTION: { kind: 'invalid', when: 'A movement or import names a section the camp does not have.' },
  CAMPS_UNKNOWN_AGENCY: { kind: 'invalid', when: 'A handover or agreement names an agency code that does not exist.' },
  CAMPS_NOT_AUTHORITY: { kind: 'forbidden', when: 'A handover or agreement is recorded by someone whose agency does not control the camp (and who is not an admin).' },
  CAMPS_HANDOVER_INVALID: { kind: 'conflict', when: 'A handover is dated before the camp\'s last change of control, or hands the camp to its current authority.' },
  CAMPS_IMPORT_INVALID: { kind: 'invalid', when: 'A resident CSV import has invalid rows; details list each row, column and reason, and nothing was stored.' },
  CAMPS_PROGRAMME_EXISTS: { kind: 'conflict', when: 'A programme is created with a code that is taken.' },
  CAMPS_NOT_ELIGIBLE: { kind: 'conflict', when: 'A resident assigned to a programme is not present in its camp or outside its age range.' },
  CAMPS_GUARDIANSHIP_ENDED: { kind: 'conflict', when: 'A guardianship is ended a second time.' },
  CAMPS_REVIEW_DECIDED: { kind: 'conflict', when: 'A duplicate-resident review is decided a second time.' },
  CAMPS_OWN_REVIEW: { kind: 'forbidden', when: 'The importer of a held row tries to decide its review (a second person decides).' },
});

/** A field the caller may not see was needed; names the field only. */
export function fieldWithheld(field: CampField, camp: string): DomainError {
  return new DomainError('forbidden', CampsErrors.CAMPS_FIELD_WITHHELD, `${field}: withheld from you for camp ${camp}`, {
    field,
    reason: 'withheld by your agency\'s data-sharing agreement or your roles',
  });
}
