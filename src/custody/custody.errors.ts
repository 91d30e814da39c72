import { defineErrors } from '../kernel/index.js';

/** Error codes of the custody module. */
export const CustodyErrors = defineErrors({
  CUSTODY_KEY_EXISTS: { kind: 'conflict', when: 'A signing key is created for an agency (or the log) that already has one; rotate it instead.' },
  CUSTODY_NO_KEY: { kind: 'conflict', when: 'An agency (or the log) must sign but has no signing key yet; create one with `custody keys create`.' },
  CUSTODY_KEY_UNAVAILABLE: { kind: 'unavailable', when: 'The private half of a published key is missing from the keyring or does not match it; restore the key directory or rotate the key.' },
  CUSTODY_UNKNOWN_AGENCY: { kind: 'invalid', when: 'A custody operation names an agency code that does not exist.' },
  CUSTODY_UNKNOWN_PLACE: { kind: 'invalid', when: 'A custody event names a place that is neither a facility the caller can see nor an aircraft.' },
  CUSTODY_NOT_YOUR_AGENCY: { kind: 'forbidden', when: 'A user acts for an agency that is not theirs (creates a handover it does not hold, or signs one addressed to another agency).' },
  CUSTODY_NOT_IN_CUSTODY: { kind: 'conflict', when: 'The event does not follow the detainee\'s chain of custody (wrong custodian or place, or no custody at all); details give the reason.' },
  CUSTODY_HANDOVER_PENDING: { kind: 'conflict', when: 'A handover is created for a detainee that already has a pending one.' },
  CUSTODY_HANDOVER_CLOSED: { kind: 'conflict', when: 'A handover is signed or cancelled after it was completed or cancelled.' },
  CUSTODY_SIGNATURE_INVALID: { kind: 'invalid', when: 'A signature on a custody event does not verify against the named agency key.' },
  CUSTODY_NO_CHECKPOINT: { kind: 'not-found', when: 'No signed checkpoint covers the requested tree size yet.' },
  CUSTODY_BAD_SIZE: { kind: 'invalid', when: 'A proof is asked for tree sizes or an index the log cannot answer (beyond its size, or in the wrong order).' },
  CUSTODY_BAD_CHECKPOINT: { kind: 'invalid', when: 'A checkpoint given to witness is malformed, for another log, or not signed by a log key.' },
  CUSTODY_BUNDLE_REJECTED: { kind: 'invalid', when: 'The offline checker rejects a detainee bundle; details list every problem found.' },
  CUSTODY_VERIFY_FAILED: { kind: 'conflict', when: 'A full verification found stored entries, nodes, signatures or heads that do not agree; details name the first bad entry.' },
  CUSTODY_LOG_CORRUPT: { kind: 'internal', when: 'Storage does not hold what the log needs to answer (a missing entry or node); run `custody verify`.' },
});
