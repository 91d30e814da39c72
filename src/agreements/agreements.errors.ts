import { defineErrors } from '../kernel/index.js';

/** Error codes of the agreements module. */
export const AgreementsErrors = defineErrors({
  AGREEMENTS_DUPLICATE_CODE: { kind: 'conflict', when: 'An agreement is created with a code that is taken.' },
  AGREEMENTS_UNKNOWN_PARTY: { kind: 'invalid', when: 'A party names no agency, or an agency of the wrong kind (holding force, receiving government, airlift command).' },
  AGREEMENTS_UNKNOWN_DESTINATION: { kind: 'invalid', when: 'The destination is not a receiving facility the caller may see.' },
  AGREEMENTS_BAD_TRANSITION: { kind: 'conflict', when: 'A status change the lifecycle does not allow (e.g. draft → signed).' },
  AGREEMENTS_NOT_SIGNABLE: { kind: 'invalid', when: 'An agreement is signed without a quota or without every required assurance.' },
  AGREEMENTS_MARKING_ABOVE_CALLER: { kind: 'invalid', when: 'An agreement is marked above what its author may see.' },
});
