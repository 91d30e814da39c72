import type { TScanRequest } from '../../../src/airlift/execution.schemas.js';

/**
 * The scanner's local queue in IndexedDB: a scan is stored here before anything is sent, so a scan made with
 * no link (or a page closed mid-sync) is never lost; it leaves the queue only once the server has answered for
 * it. The server stores each scan id once, so sending one twice is harmless.
 */

const DB = 'sallyport-scans';
const STORE = 'queue';

export type QueuedScan = TScanRequest & { id: string; queuedAt: string };

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T> | null): Promise<T | undefined> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const req = run(t.objectStore(STORE));
    let value: T | undefined;
    if (req) req.onsuccess = () => { value = req.result; };
    t.oncomplete = () => { db.close(); resolve(value); };
    t.onerror = () => { db.close(); reject(t.error ?? new Error('IndexedDB write failed')); };
  });
}

export async function enqueue(scan: QueuedScan): Promise<void> {
  await tx('readwrite', (s) => s.put(scan));
}

export async function queued(): Promise<QueuedScan[]> {
  const all = await tx<QueuedScan[]>('readonly', (s) => s.getAll() as IDBRequest<QueuedScan[]>);
  return (all ?? []).sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : a.id < b.id ? -1 : 1));
}

export async function dequeue(ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx('readwrite', (s) => {
    for (const id of ids) s.delete(id);
    return null;
  });
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID made on the scanner (time + randomness), the scan's id everywhere from now on. */
export function scanUlid(now = Date.now()): string {
  let t = now;
  let time = '';
  for (let i = 0; i < 10; i += 1) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return time + [...bytes].map((b) => CROCKFORD[b % 32]).join('');
}
