/**
 * `npm run bench`: every benchmark, each printing its figures and its ratio against a baseline measured in
 * the same process (machines here are noisy; absolute times between runs mean little). Scale with env
 * knobs, e.g. BENCH_DETAINEES=100000 BENCH_RESIDENTS=200000 (the defaults); the custody log's are
 * BENCH_CUSTODY_APPENDS, BENCH_CUSTODY_BATCH, BENCH_CUSTODY_PROOF_SIZE, BENCH_CUSTODY_PROOF_SAMPLES, BENCH_CUSTODY_VERIFY.
 * BENCH_ONLY=custody runs one benchmark by name. Identity: BENCH_IDENTITY_GALLERY, BENCH_IDENTITY_HNSW, BENCH_IDENTITY_QUERIES,
 * BENCH_IDENTITY_DEDUP, BENCH_IDENTITY_ONLY (exact | hnsw | dedup | febrl). API under load: BENCH_API_SECONDS.
 * The detainee list in chromium: BENCH_WEB_DETAINEES (default 100000), BENCH_WEB_SECONDS (steady scroll, default 15).
 */
import { benchAirlift } from './airlift.bench.js';
import { benchAirliftExecution } from './airlift-execution.bench.js';
import { benchCustody } from './custody.bench.js';
import { benchCoordination } from './coordination.bench.js';
import { benchScenarioLoad } from './scenario-load.bench.js';
import { benchWarning } from './warning.bench.js';
import { benchRepatriation } from './repatriation.bench.js';
import { benchCases } from './cases.bench.js';
import { benchIdentity } from './identity.bench.js';
import { benchApi } from './api.bench.js';
import { benchWebList } from './web-list.bench.js';
import { benchConditions } from './conditions.bench.js';
import { benchAirliftReplan } from './airlift-replan.bench.js';

const benches: [string, () => Promise<void>][] = [
  ['scenario load', benchScenarioLoad],
  ['custody log', benchCustody],
  ['airlift planner', benchAirlift],
  ['coordination', benchCoordination],
  ['early warning', benchWarning],
  ['repatriation board', benchRepatriation],
  ['case files', benchCases],
  ['airlift execution', benchAirliftExecution],
  ['identity', benchIdentity],
  ['api', benchApi],
  ['web list', benchWebList],
  ['agreement conditions', benchConditions],
  ['airlift re-plan', benchAirliftReplan],
];

for (const [name, run] of benches) {
  if (process.env.BENCH_ONLY && !name.includes(process.env.BENCH_ONLY)) continue;
  process.stdout.write(`\n== ${name} ==\n`);
  await run();
}
