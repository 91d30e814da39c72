/**
 * `npm run bench`: every benchmark, each printing its figures and its ratio against a baseline measured in
 * the same process (machines here are noisy; absolute times between runs mean little). Scale with env
 * knobs, e.g. BENCH_DETAINEES=100000 BENCH_RESIDENTS=200000 (the defaults).
 */
import { benchScenarioLoad } from './scenario-load.bench.js';

const benches: [string, () => Promise<void>][] = [['scenario load', benchScenarioLoad]];

for (const [name, run] of benches) {
  process.stdout.write(`\n== ${name} ==\n`);
  await run();
}
