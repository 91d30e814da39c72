import { defineErrors } from '../kernel/index.js';

/** Error codes of the registry. */
export const RegistryErrors = defineErrors({
  REGISTRY_DUPLICATE_ISN: { kind: 'conflict', when: 'A detainee is registered with an ISN that a record the caller can see already has.' },
  REGISTRY_DUPLICATE_FACILITY: { kind: 'conflict', when: 'A facility is added with a code that is taken.' },
  REGISTRY_UNKNOWN_FACILITY: { kind: 'invalid', when: 'A detainee names a facility code that does not exist or that the caller cannot see.' },
  REGISTRY_UNKNOWN_AGENCY: { kind: 'invalid', when: 'A detainee names a custodian agency code that does not exist.' },
  REGISTRY_MARKING_ABOVE_CALLER: { kind: 'invalid', when: 'A record is given a marking its own author could not see.' },
  REGISTRY_IMPORT_INVALID: { kind: 'invalid', when: 'A CSV import has invalid rows; details list each row, field and reason, and nothing was stored.' },
  REGISTRY_UNKNOWN_PLACE: { kind: 'invalid', when: 'A custody change names a place that is neither a facility the caller can see nor an aircraft.' },
  REGISTRY_REVIEW_CLOSED: { kind: 'conflict', when: 'A registration review is resolved a second time.' },
});
