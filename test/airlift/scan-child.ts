// A scanner process for the kill test: records scans on a SQLite store as fast as it can and prints
// `ack <id>` after each one commits. Its parent kills it with SIGKILL at random moments.
import { recordScan, wristbandCode } from '../../src/airlift/index.js';
import { contextFor, type Principal } from '../../src/access/index.js';
import { fileKeyring } from '../../src/custody/index.js';
import { newId, systemClock } from '../../src/kernel/index.js';
import { openStore } from '../../src/store/index.js';
import { Prng } from '../../src/scenario/index.js';

const [url, keyDir, sortie, people, seed, max] = process.argv.slice(2) as [string, string, string, string, string, string];
const principal = JSON.parse(process.env.SCAN_PRINCIPAL ?? '{}') as Principal;
const store = await openStore(url);
const cx = { ...contextFor(store.db, principal, systemClock, { requestId: 'kill-test' }), keyring: fileKeyring(keyDir) };
const rng = new Prng(seed);
for (let k = 0; k < Number(max); k += 1) {
  const n = rng.int(1, Number(people));
  const id = newId();
  const r = await recordScan(cx, {
    id, sortie, kind: rng.next() < 0.6 ? 'board' : 'arrive', code: wristbandCode(`SP-SY-${String(n).padStart(6, '0')}`),
    scannedAt: new Date().toISOString(), device: `child-${seed}`, source: 'api',
  });
  process.stdout.write(`ack ${id} ${r.seq}\n`);
}
await store.close();
