import { defineErrors } from '../kernel/index.js';

/** Error codes of the access module. */
export const AccessErrors = defineErrors({
  ACCESS_BAD_CREDENTIALS: { kind: 'unauthenticated', when: 'A login names an unknown user or a wrong password (the two are not told apart).' },
  ACCESS_ACCOUNT_LOCKED: { kind: 'unauthenticated', when: 'A login is refused because of repeated failures; details say until when.' },
  ACCESS_SESSION_EXPIRED: { kind: 'unauthenticated', when: 'A session was idle too long, or a token passed its expiry, or was revoked.' },
  ACCESS_DUPLICATE_USERNAME: { kind: 'conflict', when: 'A user is added with a username that is taken.' },
  ACCESS_UNKNOWN_AGENCY: { kind: 'invalid', when: 'A user or record names an agency that does not exist.' },
  ACCESS_DUPLICATE_AGENCY: { kind: 'conflict', when: 'An agency is added with a code that is taken.' },
  ACCESS_AUDIT_WRITE_FAILED: { kind: 'unavailable', when: 'The audit row for an operation could not be written, so the operation was not applied.' },
});
