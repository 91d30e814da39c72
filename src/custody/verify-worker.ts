import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.js';
import { verifyChunk, type ChunkJob } from './verify-chunk.js';

/*
 * A worker thread of a full verification: its own connection to the store, one chunk at a time, so that reading
 * entries and hashing them run beside the main thread's folding of the chunks (see verify-pool.ts).
 */

const { databaseUrl } = workerData as { databaseUrl: string };
const port = parentPort!;
const store = await openStore(databaseUrl);
port.on('message', (msg: ChunkJob | 'close') => {
  if (msg === 'close') {
    void store.close().finally(() => port.close());
    return;
  }
  verifyChunk(store.db, msg).then(
    (result) => port.postMessage({ start: msg.start, ok: result }),
    (e: unknown) => port.postMessage({ start: msg.start, error: e instanceof Error ? e.message : String(e) }),
  );
});
port.postMessage({ ready: true });
