import { defineErrors } from '../kernel/index.js';

/** Error codes of the airlift planner. */
export const AirliftErrors = defineErrors({
  AIRLIFT_INSTANCE_INVALID: { kind: 'invalid', when: 'An instance or plan file breaks the format of formats/airlift.md; details list each field and reason.' },
  AIRLIFT_INFEASIBLE: { kind: 'invalid', when: 'No plan can move every detainee: details name the binding constraint and the detainees it strands.' },
  AIRLIFT_PLAN_INVALID: { kind: 'invalid', when: '`airlift check` found a plan that breaks at least one rule; every violation is listed.' },
  AIRLIFT_DISRUPTION_INVALID: { kind: 'invalid', when: 'A disruption given to a re-plan is malformed or names no such aircraft, site, node or destination; details name the field.' },
});
