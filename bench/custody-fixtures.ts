import { addAgency, contextFor, internMarking, operatorPrincipal } from '../src/access/index.js';
import {
  createAgencyKey, custodyCtx, memoryKeyring, publishLogKeyAndSign, signerOf, signEvent, type Appendable, type CustodyCtx, type Signer,
} from '../src/custody/index.js';
import { newId, systemClock } from '../src/kernel/index.js';
import { bulkInsert } from '../src/registry/index.js';
import { migrateToLatest, openStore, type Store } from '../src/store/index.js';

/** What the custody benchmarks share: knobs, rates, a store with an agency, a detainee and keys, and an event. */

/** A numeric environment knob. */
export function knob(name: string, fallback: number): number {
  const v = process.env[name];
  return v ? Number(v) : fallback;
}

export function rate(n: number, ms: number): string {
  return Math.round((n / ms) * 1000).toLocaleString('en-US');
}

/** A migrated SQLite store with the HF agency (and its key), one detainee, and a log key. */
export async function custodyStore(path: string): Promise<{ store: Store; cx: CustodyCtx; hf: Signer; log: Signer; detaineeId: string }> {
  const store = await openStore(`sqlite:${path}`);
  await migrateToLatest(store);
  const cx = custodyCtx(contextFor(store.db, operatorPrincipal('USA'), systemClock, { requestId: 'bench' }), memoryKeyring());
  await addAgency(cx, { code: 'HF', name: 'Holding force', country: 'SYR', kind: 'holding-force' });
  const detaineeId = newId();
  const now = new Date().toISOString();
  await bulkInsert(cx, store.db, { table: 'detainees', rows: [{
    id: detaineeId, isn: 'SP-SY-000001', name_ar: 'محمد', name_latin: 'Muhammad', aliases: '[]', birth_date: null, birth_year: null, birth_place: null,
    nationality: 'IRQ', sex: 'M', risk_tier: 'low', keep_apart: '[]', medical: '[]', legal_status: 'unknown', facility_id: null, custodian_agency_id: null,
    status: 'held', search_keys: ' ', marking_id: await internMarking(store.db, { level: 'U', rel: { kind: 'all' }, caveats: [] }, 'USA'), version: 1,
    created_at: now, updated_at: now, created_by: null,
  }] });
  const key = await createAgencyKey(cx, { agency: 'HF' });
  const logKey = await publishLogKeyAndSign(cx, { rotate: false });
  const signer = async (name: string, id: string) => signerOf(name, (await cx.keyring.get(name, id))!);
  return { store, cx, hf: await signer(key.name, key.id), log: await signer(logKey.name, logKey.id), detaineeId };
}

/** A signed handover-sized custody event (a medical check, ~600 bytes of canonical JSON with its signature). */
export function medicalEvent(i: number, hf: Signer): Appendable['event'] {
  const unsigned = {
    type: 'medical-event' as const, id: newId(), detainee: 'SP-SY-000001', time: '2026-01-12T06:30:00.000Z',
    custodian: { agency: 'HF', key: hf.name, place: 'GHW' },
    condition: { status: 'fit-with-needs' as const, notes: 'insulin-dependent; dose given at 06:00, next due 18:00; escort informed' },
    description: `pre-transfer medical check ${i}: blood pressure and glucose recorded, fit to fly with a medic aboard`,
  };
  return { ...unsigned, signatures: [signEvent(unsigned, hf)] };
}
