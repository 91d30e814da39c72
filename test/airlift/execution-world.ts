import { approvePlan, planInstance, planSorties, savePlan, type TAirliftInstance, type TSortie } from '../../src/airlift/index.js';
import { contextFor, internMarking, type Ctx, type Principal } from '../../src/access/index.js';
import { newId, parseMarking } from '../../src/kernel/index.js';
import type { DialectName } from '../../src/store/index.js';
import type { TestStore } from '../support/stores.js';
import { principal } from '../support/world.js';
import { isnOf, openCustodyWorld, type CustodyWorld } from '../custody/world.js';

/**
 * An airlift operation on the custody world: the plan moves detainees 1..planned from PRISON-A to BIAP on
 * the world's C-17 (JTF); HF holds them at the prison; detainees after `planned` are registered but not in the
 * plan (unmanifested if scanned). The planner of JTF saves and approves the plan.
 */
export interface ExecWorld extends CustodyWorld {
  planner: Principal;
  planId: string;
  sorties: TSortie[];
  ctx(p: Principal): Ctx;
}

export function instanceFor(planned: number): TAirliftInstance {
  return {
    format: 'sallyport.airlift.instance/1', name: 'exec-world', start: '2026-01-10T08:00:00Z',
    nodes: [
      { id: 'PRISON-A', kind: 'origin', name: 'Prison A', lat: 36.5, lon: 40.75, landingSlots: 1, hazardPerHour: 0.01 },
      { id: 'STAGE-1', kind: 'staging', name: 'Staging', lat: 36.2, lon: 43.1, refuel: true, holdingCapacity: 500, maxHoldHours: 24 },
      { id: 'BIAP', kind: 'destination', name: 'BIAP', lat: 33.26, lon: 44.23, refuel: true, intakePerHour: 500 },
    ],
    aircraftTypes: [{ id: 'C-17', seats: 100, speedKmh: 800, rangeKm: 4000, loadMinutes: 30, unloadMinutes: 30, refuelMinutes: 45, canLandAt: ['origin', 'staging', 'destination'] }],
    aircraft: [{ id: 'C17-01', type: 'C-17', base: 'BIAP', availableFrom: '2026-01-10T08:00:00Z', availableUntil: '2026-01-20T08:00:00Z', maxFlightHoursPerDay: 12 }],
    rules: { escortPerDetainee: { HIGH: 0.5, MEDIUM: 0.25, LOW: 0.2 }, maxHighRiskPerLeg: 10, medicSeats: 1 },
    detainees: Array.from({ length: planned }, (_, i) => ({ id: isnOf(i + 1), site: 'PRISON-A', tier: 'MEDIUM' as const, keepApart: [], medical: false })),
    quotas: [],
  };
}

export async function openExecWorld(dialect: DialectName, opts: { planned: number; extra?: number; store?: TestStore; keyring?: CustodyWorld['keyring']; noforn?: number[] }): Promise<ExecWorld> {
  const w = await openCustodyWorld(dialect, { detainees: opts.planned + (opts.extra ?? 0), ...(opts.store ? { store: opts.store } : {}), ...(opts.keyring ? { keyring: opts.keyring } : {}) });
  const planner = principal({ country: 'USA', agencyId: w.jtf.agencyId, agencyCode: 'JTF', username: 'planner.jtf', clearance: 'S', roles: ['planner', 'custodian'], groups: [] });
  const ctx = (p: Principal) => contextFor(w.store.db, p, w.clock, { requestId: 'test' });
  if (opts.noforn && opts.noforn.length > 0) {
    // Some detainees' records are SECRET//NOFORN (originated by the USA): only US users cleared S see them.
    const id = await internMarking(w.store.db, parseMarking('S//NOFORN'), 'USA');
    await w.store.db.updateTable('detainees').set({ marking_id: id }).where('isn', 'in', opts.noforn.map(isnOf)).execute();
  }
  const plan = await planInstance(instanceFor(opts.planned));
  const saved = await savePlan(ctx(planner), { plan });
  await approvePlan(ctx(planner), saved.id);
  const sorties = await planSorties(ctx(planner), saved.id);
  return { ...w, planner, planId: saved.id, sorties, ctx };
}

/** A scanner's new scan id. */
export function scanId(): string {
  return newId();
}
