import { defineErrors } from '../kernel/index.js';

/** Error codes of the cases module. */
export const CasesErrors = defineErrors({
  CASES_UNKNOWN_AGENCY: { kind: 'invalid', when: 'Evidence names an originating agency code that does not exist.' },
  CASES_UNKNOWN_DETAINEE: { kind: 'invalid', when: 'A case names a detainee that does not exist or the caller may not see.' },
  CASES_REF_TAKEN: { kind: 'conflict', when: 'A case is opened with a reference that is taken.' },
  CASES_MARKING_ABOVE_CALLER: { kind: 'invalid', when: 'A record would be marked so that its author could not see it.' },
  CASES_CONTENT_TOO_LARGE: { kind: 'invalid', when: 'An evidence file or body exceeds the size limit (5 MiB).' },
  CASES_CONTENT_TYPE: { kind: 'invalid', when: 'An evidence file has a content type outside the allow-list, or its bytes do not match it.' },
  CASES_CONTENT_ENCODING: { kind: 'invalid', when: 'An evidence file is not valid base64.' },
  CASES_NOT_CASE_AGENCY: { kind: 'forbidden', when: 'A case\'s status is changed by someone outside the prosecutor\'s agency.' },
  CASES_BAD_TRANSITION: { kind: 'conflict', when: 'A case\'s status change goes back, closes without a reason before trial, or reopens other than closed → open with a reason.' },
  DECLASS_ALREADY_RELEASABLE: { kind: 'conflict', when: 'A release is requested of a version the audience may already see.' },
  DECLASS_NOT_ORIGINATOR: { kind: 'forbidden', when: 'A reviewer of another agency than the item\'s originator tries to decide or confirm.' },
  DECLASS_ALREADY_DECIDED: { kind: 'conflict', when: 'A decision is made on a request that is already decided (or expired).' },
  DECLASS_AWAITING_CONFIRMATION: { kind: 'conflict', when: 'A decision is made on a request whose downgrade awaits the second reviewer.' },
  DECLASS_NOT_AWAITING: { kind: 'conflict', when: 'A confirmation is given for a request that awaits none.' },
  DECLASS_SAME_REVIEWER: { kind: 'forbidden', when: 'The reviewer who proposed a downgrade of S or TS tries to confirm it (two-person rule).' },
  DECLASS_REQUEST_EXPIRED: { kind: 'conflict', when: 'A decision is made on a request past its expiry.' },
  DECLASS_MARKING_NOT_LOWER: { kind: 'invalid', when: 'A redaction or downgrade is marked higher than (or, for a downgrade, as high as) the version it comes from.' },
  DECLASS_MARKING_NOT_RELEASABLE: { kind: 'invalid', when: 'A released version\'s marking would not admit the request\'s audience country.' },
  DECLASS_NO_SIGNING_KEY: { kind: 'conflict', when: 'The originating agency has no signing key in the keyring to sign the decision.' },
});
