import { defineErrors } from '../kernel/index.js';

/** Error codes of the repatriation module. */
export const RepatriationErrors = defineErrors({
  REPATRIATION_BAD_TRANSITION: { kind: 'conflict', when: 'A country\'s status change is not one of the transitions allowed from its current status.' },
  REPATRIATION_COUNTRY_NOT_READY: { kind: 'conflict', when: 'A batch is planned or handed over for a country that has not accepted (status neither accepted nor repatriating).' },
  REPATRIATION_CONDITION_UNMET: { kind: 'conflict', when: 'A batch member does not satisfy one of the country\'s conditions (children only, women and children, …); names the member and the condition.' },
  REPATRIATION_MEMBER_UNAVAILABLE: { kind: 'conflict', when: 'A batch member is not held or present, is of another nationality, or is already in an open batch; names the member.' },
  REPATRIATION_BAD_RECEIVER: { kind: 'invalid', when: 'The receiving agency of a batch does not exist, is not of the batch\'s country, or is not of a kind that receives nationals.' },
  REPATRIATION_BATCH_STATE: { kind: 'conflict', when: 'A batch operation does not fit the batch\'s status (cancel after a handover began, a handover of a closed batch, nothing left to hand over).' },
  REPATRIATION_FIELD_WITHHELD: { kind: 'forbidden', when: 'A batch needs a camp resident\'s field (nationality, sex, birth) that the caller\'s agency agreement withholds.' },
  REPATRIATION_NOT_PARTY: { kind: 'forbidden', when: 'A batch\'s handovers are refused by someone outside the receiving agency, or withdrawn by someone outside the agency that released them.' },
});
