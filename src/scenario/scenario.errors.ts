import { defineErrors } from '../kernel/index.js';

/** Error codes of the scenario module. */
export const ScenarioErrors = defineErrors({
  SCENARIO_BAD_RECORD: { kind: 'invalid', when: 'A scenario file has a malformed or invalid record; details name the line and field, and nothing was loaded.' },
  SCENARIO_ALREADY_LOADED: { kind: 'conflict', when: 'A scenario is loaded into a store that already holds one.' },
});
