import { defineErrors } from '../kernel/index.js';

/** Error codes of the early-warning module. */
export const WarningErrors = defineErrors({
  WARNING_IMPORT_INVALID: { kind: 'invalid', when: 'A conflict-event CSV has a malformed file, a missing column or bad rows; details list each line, column and reason, and nothing was stored.' },
  WARNING_MARKING_ABOVE_CALLER: { kind: 'invalid', when: 'A record is marked at a level or releasability its author could not see.' },
  WARNING_NOT_A_SITE: { kind: 'invalid', when: 'An indicator or breach names a facility that is not a prison or a camp.' },
  WARNING_ALERT_ACKNOWLEDGED: { kind: 'conflict', when: 'An alert is acknowledged a second time.' },
  WARNING_ALREADY_BREACHED: { kind: 'conflict', when: 'A breach is recorded for a facility that has fallen already.' },
});
