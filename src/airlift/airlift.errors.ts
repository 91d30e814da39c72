import { defineErrors } from '../kernel/index.js';

/** Error codes of the airlift planner. */
export const AirliftErrors = defineErrors({
  AIRLIFT_INSTANCE_INVALID: { kind: 'invalid', when: 'An instance or plan file breaks the format of formats/airlift.md; details list each field and reason.' },
  AIRLIFT_INFEASIBLE: { kind: 'invalid', when: 'No plan can move every detainee: details name the binding constraint and the detainees it strands.' },
  AIRLIFT_PLAN_INVALID: { kind: 'invalid', when: '`airlift check` found a plan that breaks at least one rule; every violation is listed.' },
  AIRLIFT_DISRUPTION_INVALID: { kind: 'invalid', when: 'A disruption given to a re-plan is malformed or names no such aircraft, site, node or destination; details name the field.' },
});

/** Error codes of airlift execution: stored plans, sorties, scans and discrepancies. */
export const AirliftExecutionErrors = defineErrors({
  AIRLIFT_UNKNOWN_DETAINEE: { kind: 'invalid', when: 'A plan saved for execution names detainees that are not registered ISNs the caller may see; the first ids are listed.' },
  AIRLIFT_PLAN_NOT_DRAFT: { kind: 'conflict', when: 'A plan is approved that is not a draft (already approved or superseded).' },
  AIRLIFT_SORTIE_TRANSITION: { kind: 'conflict', when: 'A sortie is moved to a status that does not follow its current one (e.g. planned → landed).' },
  AIRLIFT_SORTIE_UNRESOLVED: { kind: 'conflict', when: 'A sortie is closed while someone is still recorded aboard or a discrepancy is open; details list them.' },
  AIRLIFT_SCAN_INVALID: { kind: 'invalid', when: 'A scan\'s code is not a wristband (or its check character does not match), or its node is not one where the scan can happen.' },
  AIRLIFT_SCAN_REUSED: { kind: 'conflict', when: 'A scan id already stored is sent again with different content (another sortie, kind or code).' },
  AIRLIFT_DISCREPANCY_RESOLVED: { kind: 'conflict', when: 'A discrepancy is resolved that is already resolved.' },
  AIRLIFT_RESOLUTION_INVALID: { kind: 'invalid', when: 'A resolution does not fit its discrepancy (a missing person must be placed; `place` needs a place the plan knows).' },
  AIRLIFT_PLAN_OVERLAP: { kind: 'conflict', when: 'A plan is approved over detainees that another approved, still running plan outside its parent chain covers; details name that plan (if the caller may see it) and the overlapping detainees the caller may see.' },
});
