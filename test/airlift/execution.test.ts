import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  airliftAgendaSource, airliftOutcomeSource, listDiscrepancies, listPlans, reconcile, recordScan, releaseManifest, resolveDiscrepancy, setSortieStatus, showSortie, syncScans, wristbandCode,
} from '../../src/airlift/index.js';
import { detaineeTimeline } from '../../src/custody/index.js';
import { DIALECTS } from '../support/stores.js';
import { principal } from '../support/world.js';
import { isnOf } from '../custody/world.js';
import { openExecWorld, scanId, type ExecWorld } from './execution-world.js';

describe.each(DIALECTS)('airlift execution (%s)', (dialect) => {
  let w: ExecWorld;
  beforeAll(async () => {
    w = await openExecWorld(dialect, { planned: 5, extra: 1, noforn: [6] });
  }, 120_000);
  afterAll(async () => {
    await w.close();
  });

  const at = '2026-01-10T09:00:00Z';
  const jtf = () => ({ ...w.cx(w.planner) });

  it('flies a sortie: release, boarding scans, a duplicate, an unmanifested person, a missing arrival, resolutions, close', async () => {
    expect(w.sorties.length).toBeGreaterThanOrEqual(1);
    const s = w.sorties[0]!;
    expect(s.manifested).toBe(5);
    const released = await releaseManifest(w.cx(w.hf), s.id);
    expect(released.proposed.map((p) => p.isn)).toEqual([1, 2, 3, 4, 5].map(isnOf));

    await expect(setSortieStatus(w.ctx(w.planner), s.id, { status: 'landed' })).rejects.toMatchObject({ code: 'AIRLIFT_SORTIE_TRANSITION' });
    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'boarding' });
    const first = { id: scanId(), sortie: s.id, kind: 'board' as const, code: wristbandCode(isnOf(1)), scannedAt: at, device: 'scanner-a' };
    const r1 = await recordScan(jtf(), first);
    expect(r1).toMatchObject({ applied: true, discrepancy: null, replayed: false });
    expect(r1.custody).toMatch(/handover HF → JTF/);
    // The same scan synced again is stored once; its id reused for another scan is refused.
    expect(await recordScan(jtf(), first)).toMatchObject({ seq: r1.seq, replayed: true });
    await expect(recordScan(jtf(), { ...first, code: wristbandCode(isnOf(2)) })).rejects.toMatchObject({ code: 'AIRLIFT_SCAN_REUSED' });
    await expect(recordScan(jtf(), { ...first, id: scanId(), code: 'SP-SY-000001-0' })).rejects.toMatchObject({ code: 'AIRLIFT_SCAN_INVALID' });

    const sync = await syncScans(jtf(), [2, 3, 4, 5, 1, 6].map((n) => ({ id: scanId(), sortie: s.id, kind: 'board' as const, code: wristbandCode(isnOf(n)), scannedAt: at, device: 'scanner-b' })));
    const kinds = sync.results.map((r) => ('discrepancy' in r ? r.discrepancy : r.code));
    expect(kinds).toEqual([null, null, null, null, 'duplicate', 'unmanifested']);
    // The unmanifested person is held by HF with no handover onto the aircraft: the custody side is a discrepancy too.
    expect(sync.results[5]).toMatchObject({ applied: true, custody: expect.stringMatching(/not signed/) as unknown });

    const mid = await reconcile(w.ctx(w.planner), w.planId);
    expect(mid).toMatchObject({ total: 6, balanced: true, byKind: { site: 0, aircraft: 6, staging: 0, destination: 0 } });

    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'airborne' });
    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'landed' });
    for (const n of [1, 2, 3, 6]) await recordScan(jtf(), { id: scanId(), sortie: s.id, kind: 'arrive', code: wristbandCode(isnOf(n)), scannedAt: at, device: 'gate' });
    const tl = await detaineeTimeline(w.ctx(w.planner), isnOf(1));
    expect(tl.entries.map((e) => e.event.type)).toEqual(['intake', 'handover', 'arrival-at-gate']);
    expect(tl).toMatchObject({ custodian: { agency: 'JTF', place: 'BIAP' }, chain: { ok: true } });

    // Closing finds 4 and 5 still aboard: missing at arrival, stored, and the sortie stays landed.
    const blocked = await setSortieStatus(w.ctx(w.planner), s.id, { status: 'closed' });
    expect(blocked.sortie.status).toBe('landed');
    expect(blocked.blockers.join(' ')).toMatch(/2 still recorded aboard/);
    const open = await listDiscrepancies(w.ctx(w.planner), { sortie: s.id, status: 'open' });
    expect(open.map((d) => `${d.kind}:${d.isn}`).sort()).toEqual([
      `custody:${isnOf(6)}`, `custody:${isnOf(6)}`, `duplicate:${isnOf(1)}`, `missing-at-arrival:${isnOf(4)}`, `missing-at-arrival:${isnOf(5)}`, `unmanifested:${isnOf(6)}`,
    ]);
    const after = await reconcile(w.ctx(w.planner), w.planId);
    expect(after).toMatchObject({ total: 6, balanced: true, byKind: { aircraft: 2, destination: 4 }, openDiscrepancies: 6 });

    const missing = open.find((d) => d.kind === 'missing-at-arrival')!;
    await expect(resolveDiscrepancy(w.ctx(w.planner), missing.id, { action: 'accept', note: 'seen at the gate' })).rejects.toMatchObject({ code: 'AIRLIFT_RESOLUTION_INVALID' });
    for (const d of open) {
      const input = d.kind === 'missing-at-arrival' ? { action: 'place' as const, place: 'BIAP', note: 'found in the holding area at BIAP' } : { action: 'accept' as const, note: 'checked by the loadmaster' };
      const done = await resolveDiscrepancy(w.ctx(w.planner), d.id, input);
      expect(done).toMatchObject({ status: 'resolved', resolution: { action: input.action, by: 'planner.jtf' } });
    }
    await expect(resolveDiscrepancy(w.ctx(w.planner), missing.id, { action: 'place', place: 'BIAP', note: 'again' })).rejects.toMatchObject({ code: 'AIRLIFT_DISCREPANCY_RESOLVED' });
    const closed = await setSortieStatus(w.ctx(w.planner), s.id, { status: 'closed' });
    expect(closed).toMatchObject({ sortie: { status: 'closed' }, blockers: [] });

    const detail = await showSortie(w.ctx(w.planner), s.id);
    expect(detail.manifest.map((m) => m.isn)).toContain(isnOf(6));
    expect(detail.manifest.find((m) => m.isn === isnOf(6))?.amended).toBe(true);
    // The person added was SECRET//NOFORN: the sortie's banner rose to cover them.
    expect(s.marking).toBe('U');
    expect(detail.marking).toBe('S//NOFORN');
    // Every alert about the NOFORN person carries their banner, even those raised while the sortie was U.
    expect(detail.discrepancies.filter((d) => d.isn === isnOf(6)).map((d) => d.marking)).toEqual(['S//NOFORN', 'S//NOFORN', 'S//NOFORN']);
    expect(await reconcile(w.ctx(w.planner), w.planId)).toMatchObject({ total: 6, balanced: true, byKind: { destination: 6 }, openDiscrepancies: 0 });
  });
});

describe.each(DIALECTS)('airlift execution: scope and contributions (%s)', (dialect) => {
  let w: ExecWorld;
  beforeAll(async () => {
    w = await openExecWorld(dialect, { planned: 4, noforn: [2] });
  }, 120_000);
  afterAll(async () => {
    await w.close();
  });

  it('hides a plan, its sorties, board, agenda and figures from whoever may not see everyone on them', async () => {
    const s = w.sorties[0]!;
    expect(s.marking).toBe('S//NOFORN');
    const ally = principal({ country: 'GBR', clearance: 'TS', roles: ['planner', 'custodian'], groups: [], agencyCode: 'UKJ', username: 'ally' });
    expect(await listPlans(w.ctx(ally))).toEqual([]);
    await expect(showSortie(w.ctx(ally), s.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reconcile(w.ctx(ally), w.planId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(recordScan({ ...w.ctx(ally) }, { id: scanId(), sortie: s.id, kind: 'board', code: wristbandCode(isnOf(1)), scannedAt: '2026-01-10T09:00:00Z' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The planner flies the sortie without custody (no keyring): scans, a close blocked by a missing person.
    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'boarding' });
    for (const n of [1, 2, 3, 4]) await recordScan(w.ctx(w.planner), { id: scanId(), sortie: s.id, kind: 'board', code: wristbandCode(isnOf(n)), scannedAt: '2026-01-10T09:00:00Z' });
    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'airborne', at: '2026-01-10T09:30:00Z' });
    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'landed', at: '2026-01-10T11:00:00Z' });
    for (const n of [1, 2, 3]) await recordScan(w.ctx(w.planner), { id: scanId(), sortie: s.id, kind: 'arrive', code: wristbandCode(isnOf(n)), scannedAt: '2026-01-10T11:05:00Z' });
    await setSortieStatus(w.ctx(w.planner), s.id, { status: 'closed' });

    const window = { since: '2026-01-10T00:00:00Z', until: '2026-01-11T00:00:00Z' };
    const items = await airliftAgendaSource.items(w.ctx(w.planner), window);
    expect(items.map((i) => `${i.section}:${i.severity}`).sort()).toEqual(['reconciliation:critical', 'sorties:info']);
    expect(items.every((i) => i.marking.level === 'S')).toBe(true);
    expect(await airliftAgendaSource.items(w.ctx(ally), window)).toEqual([]);

    const figures = new Map((await airliftOutcomeSource.figures(w.ctx(w.planner), '2026-01-10T12:00:00Z')).map((f) => [f.key, f.value]));
    expect(figures.get('airlift.moved')).toBe(3);
    expect(figures.get('airlift.in-transit')).toBe(1);
    expect(figures.get('airlift.remaining')).toBe(0);
    expect(figures.get('airlift.expected-loss-flown')!).toBeLessThan(figures.get('airlift.expected-loss-nobody-moved')!);
    const allyFigures = await airliftOutcomeSource.figures(w.ctx(ally), '2026-01-10T12:00:00Z');
    expect(allyFigures.find((f) => f.key === 'airlift.moved')?.value).toBe(0);
  });
});

describe.each(DIALECTS)('airlift execution: two scanners disagree, voids, cancellation (%s)', (dialect) => {
  let w: ExecWorld;
  beforeAll(async () => {
    w = await openExecWorld(dialect, { planned: 90 });
  }, 240_000);
  afterAll(async () => {
    await w.close();
  });

  it('holds the conflicting scan for a person, applies it when accepted, puts people back on a void or a cancellation', async () => {
    expect(w.sorties.length).toBeGreaterThanOrEqual(2);
    const [a, b] = w.sorties as [typeof w.sorties[0], typeof w.sorties[0]];
    const ctx = w.ctx(w.planner);
    const onA = (await showSortie(ctx, a.id)).manifest.map((m) => m.isn);
    const x = onA[0]!;
    const y = onA[1]!;
    const scan = (sortie: string, isn: string, device: string) => ({ id: scanId(), sortie, kind: 'board' as const, code: wristbandCode(isn), scannedAt: '2026-01-10T09:00:00Z', device });
    // Scanner 1 (online) boards x onto B; scanner 2's earlier scan of x onto A arrives later, from its queue.
    expect(await recordScan(ctx, scan(b.id, x, 'scanner-1'))).toMatchObject({ applied: true, discrepancy: 'wrong-sortie' });
    expect(await recordScan(ctx, scan(a.id, x, 'scanner-2'))).toMatchObject({ applied: false, discrepancy: 'conflict' });
    const place = async (isn: string) => (await showSortie(ctx, a.id)).manifest.find((m) => m.isn === isn)!.place;
    expect(await place(x)).toBe(`aircraft:${b.id}`);
    expect(await reconcile(ctx, w.planId)).toMatchObject({ total: 90, balanced: true, byKind: { aircraft: 1, site: 89 } });

    const open = await listDiscrepancies(ctx, { plan: w.planId, status: 'open' });
    const conflict = open.find((d) => d.kind === 'conflict')!;
    const wrong = open.find((d) => d.kind === 'wrong-sortie')!;
    await resolveDiscrepancy(ctx, conflict.id, { action: 'accept', note: 'x is on the aircraft of sortie A (checked)' });
    expect(await place(x)).toBe(`aircraft:${a.id}`);
    await resolveDiscrepancy(ctx, wrong.id, { action: 'void', note: 'scanner 1 misassigned the sortie' });
    expect(await place(x)).toBe(`aircraft:${a.id}`);

    // y is scanned onto B by mistake; voiding that scan puts y back at the site.
    const r = await recordScan(ctx, scan(b.id, y, 'scanner-1'));
    expect(r.discrepancy).toBe('wrong-sortie');
    const d = (await listDiscrepancies(ctx, { plan: w.planId, status: 'open' })).find((e) => e.scan === r.id)!;
    await resolveDiscrepancy(ctx, d.id, { action: 'void', note: 'wrong band scanned' });
    expect(await place(y)).toBe('site:PRISON-A');

    // Cancelling a boarding sortie returns everyone aboard to where they boarded.
    await setSortieStatus(ctx, a.id, { status: 'boarding' });
    await recordScan(ctx, scan(a.id, y, 'scanner-1'));
    expect(await reconcile(ctx, w.planId)).toMatchObject({ byKind: { aircraft: 2 } });
    await setSortieStatus(ctx, a.id, { status: 'cancelled' });
    expect(await reconcile(ctx, w.planId)).toMatchObject({ total: 90, balanced: true, byKind: { aircraft: 0, site: 90 } });
  });
});
