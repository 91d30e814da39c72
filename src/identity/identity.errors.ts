import { defineErrors } from '../kernel/index.js';

/** Error codes of the identity module. */
export const IdentityErrors = defineErrors({
  IDENTITY_QUALITY_BELOW_FLOOR: { kind: 'invalid', when: 'A captured template scores below the quality floor of its modality; details name the template and ask for a re-capture.' },
  IDENTITY_TEMPLATE_INVALID: { kind: 'invalid', when: 'A template has the wrong length, a NaN or infinite value, is all zeros, or repeats a modality.' },
  IDENTITY_DUPLICATE_ENROLLMENT: { kind: 'conflict', when: 'An enrollment id is already taken (a retried capture with another body, or two records in one import).' },
  IDENTITY_ALREADY_DECIDED: { kind: 'conflict', when: 'A decision is recorded on a pair that is no longer pending, or an undo names a pair with nothing to undo.' },
  IDENTITY_AN2_MALFORMED: { kind: 'invalid', when: 'An ANSI/NIST-ITL file is truncated, corrupt or breaks the profile; details name the record and field, and nothing is stored.' },
  IDENTITY_INDEX_UNAVAILABLE: { kind: 'unavailable', when: 'The vector index file cannot be read or written.' },
});
