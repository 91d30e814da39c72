import { parentPort } from 'node:worker_threads';
import type { TAirliftInstance } from './airlift.schemas.js';
import { computeBound } from './bound.js';
import { compileNetwork } from './network.js';

/**
 * A worker thread that solves the lower bound's LP (HiGHS) for one instance while the planner schedules on the
 * main thread. Messages: in `{ instance }` (already validated), out `{ bound }` or `{ error }`.
 */
parentPort?.on('message', (m: { instance: TAirliftInstance }) => {
  computeBound(compileNetwork(m.instance)).then(
    (bound) => parentPort?.postMessage({ bound }),
    (e: unknown) => parentPort?.postMessage({ error: e instanceof Error ? e.message : String(e) }),
  );
});
