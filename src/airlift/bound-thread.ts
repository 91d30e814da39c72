import { Worker } from 'node:worker_threads';
import type { TAirliftInstance, TBound } from './airlift.schemas.js';

/**
 * Runs `computeBound` in a worker thread, so that on large instances the LP is solved while the main thread
 * schedules (these machines have two cores). Under tsx (CLI, tests, benchmarks run the TypeScript sources) the
 * worker registers tsx itself before importing its .ts entry; a build runs the .js file directly.
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.entry.endsWith('.ts')) (await import('tsx/esm/api')).register();
  await import(workerData.entry);
})().catch((e) => { console.error(e); process.exit(1); });
`;

/** The bound of `instance`, solved in a worker thread that ends once it has answered. */
export function boundInThread(instance: TAirliftInstance): Promise<TBound> {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './bound.worker.ts' : './bound.worker.js', import.meta.url).href;
  const worker = new Worker(BOOT, { eval: true, workerData: { entry } });
  return new Promise<TBound>((resolve, reject) => {
    worker.once('message', (m: { bound?: TBound; error?: string }) => {
      if (m.bound) resolve(m.bound);
      else reject(new Error(`bound worker: ${m.error ?? 'failed'}`));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`bound worker exited (${code})`)));
    worker.postMessage({ instance });
  });
}
