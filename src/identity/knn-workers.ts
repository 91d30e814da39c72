import { Worker } from 'node:worker_threads';

/**
 * Exact k-nearest-neighbour search of every gallery row against the whole gallery, split over worker threads.
 * The vectors are shared (SharedArrayBuffer), each worker takes a slice of rows and reports progress; the
 * result is each row's k best other rows. The worker body is plain JavaScript (evaluated, not loaded from a
 * file) so that it runs the same under tsx, vitest and the built package.
 */

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { vectors, dim, start, end, k } = workerData;
const v = new Float32Array(vectors);
const n = v.length / dim;
const outI = new Int32Array((end - start) * k).fill(-1);
const outS = new Float32Array((end - start) * k).fill(-Infinity);
for (let i = start; i < end; i++) {
  const o = (i - start) * k;
  const bi = i * dim;
  let worst = -Infinity;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const bj = j * dim;
    let s = 0;
    for (let d = 0; d < dim; d++) s += v[bi + d] * v[bj + d];
    if (s <= worst) continue;
    let at = k - 1;
    while (at > 0 && outS[o + at - 1] < s) { outS[o + at] = outS[o + at - 1]; outI[o + at] = outI[o + at - 1]; at--; }
    outS[o + at] = s; outI[o + at] = j;
    worst = outS[o + k - 1];
  }
  if ((i - start) % 64 === 63) parentPort.postMessage({ progress: 64 });
}
parentPort.postMessage({ done: true, outI, outS }, [outI.buffer, outS.buffer]);
`;

export interface KnnResult {
  /** Row i's neighbours at [i*k, (i+1)*k), -1 where fewer. */
  index: Int32Array;
  similarity: Float32Array;
}

/**
 * Every row's `k` nearest other rows by inner product, exact, in `threads` workers.
 * @example const { index } = await knnAll(g.vectors, 128, 5, { threads: 2, onProgress: (n) => bar.increment(n) })
 */
export async function knnAll(vectors: Float32Array, dim: number, k: number, opts: { threads?: number; onProgress?: (rows: number) => void } = {}): Promise<KnnResult> {
  const n = Math.floor(vectors.length / dim);
  const shared = new SharedArrayBuffer(n * dim * 4);
  new Float32Array(shared).set(vectors.subarray(0, n * dim));
  const threads = Math.max(1, Math.min(opts.threads ?? 2, n));
  const index = new Int32Array(n * k);
  const similarity = new Float32Array(n * k);
  const per = Math.ceil(n / threads);
  await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const start = t * per;
      const end = Math.min(n, start + per);
      if (start >= end) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { vectors: shared, dim, start, end, k } });
        let reported = 0;
        w.on('message', (m: { progress?: number; done?: boolean; outI?: Int32Array; outS?: Float32Array }) => {
          if (m.progress) {
            reported += m.progress;
            opts.onProgress?.(m.progress);
          }
          if (m.done && m.outI && m.outS) {
            index.set(m.outI, start * k);
            similarity.set(m.outS, start * k);
            opts.onProgress?.(end - start - reported);
            void w.terminate().then(() => resolve());
          }
        });
        w.on('error', reject);
      });
    }),
  );
  return { index, similarity };
}
