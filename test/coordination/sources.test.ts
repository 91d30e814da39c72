import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campsAgendaSource, campsOutcomeSource, importResidents, listResidents, releaseResidents } from '../../src/camps/index.js';
import { buildAgenda, outcomeDashboard } from '../../src/coordination/index.js';
import { createHandover, placeHistories, signHandover } from '../../src/custody/index.js';
import { registryAgendaSource, registryOutcomeSource } from '../../src/registry/index.js';
import { csvOf, motherWithTwo, openCampWorld, type CampWorld } from '../camps/camp-world.js';
import { AIRCRAFT, isnOf, openCustodyWorld, type CustodyWorld } from '../custody/world.js';
import { DIALECTS } from '../support/stores.js';

const figure = (figs: { key: string; value: number }[], key: string) => figs.find((f) => f.key === key)?.value;

describe.each(DIALECTS)('the registry\'s and the camps\' agenda and outcome sources (%s)', (dialect) => {
  let cw: CustodyWorld;
  let camps: CampWorld;
  beforeAll(async () => {
    cw = await openCustodyWorld(dialect, { detainees: 3 });
    camps = await openCampWorld(dialect);
  });
  afterAll(async () => {
    await cw.close();
    await camps.close();
  });

  it('counts held, moved and remaining per site from the registry and the custody log', async () => {
    // The log's place history counts at the end of each day: the handover comes the day after the intakes.
    cw.clock.advance(86_400_000);
    const h = await createHandover(cw.cx(cw.hf), { detainee: isnOf(1), to: { agency: 'JTF', place: AIRCRAFT }, condition: { status: 'fit' } });
    await signHandover(cw.cx(cw.jtf), h.id);
    const jtf = cw.cx(cw.jtf);
    const withLog = await registryOutcomeSource({ history: placeHistories }).figures(jtf, jtf.clock.now().toISOString());
    expect(figure(withLog, 'movement.held.PRISON-A')).toBe(3);
    expect(figure(withLog, 'movement.moved.PRISON-A')).toBe(1);
    expect(figure(withLog, 'movement.remaining.PRISON-A')).toBe(2);
    expect(figure(withLog, 'movement.moved')).toBe(1);
    // Without the custody log, what only the log knows is absent rather than guessed.
    const registryOnly = await registryOutcomeSource().figures(jtf, jtf.clock.now().toISOString());
    expect(figure(registryOnly, 'movement.remaining.PRISON-A')).toBe(2);
    expect(figure(registryOnly, 'movement.moved.PRISON-A')).toBeUndefined();
    // The dashboard lists the same, from sources.ts.
    const o = await outcomeDashboard(jtf);
    expect(figure(o.areas.flatMap((a) => a.figures), 'movement.moved.PRISON-A')).toBe(1);
  });

  it('puts the detainee\'s new status on the agenda', async () => {
    const jtf = cw.cx(cw.jtf);
    const now = jtf.clock.now().getTime();
    const items = await registryAgendaSource.items(jtf, { since: new Date(now - 3_600_000).toISOString(), until: new Date(now).toISOString() });
    expect(items.map((i) => i.title)).toContain('1 detainee record now in-transit');
  });

  it('reports releases per camp, counting only the residents each reader may see', async () => {
    const cpa = camps.as('CPA', ['child-protection']);
    await importResidents(camps.as('HF', ['registrar', 'custodian', 'child-protection']), csvOf(motherWithTwo('HOL-T0001', camps.detaineeIsn)));
    camps.clock.advance(3_600_000);
    const ids = (await listResidents(cpa, { household: 'HOL-T0001' })).items.map((r) => r.id);
    await releaseResidents(cpa, 'HOL', { residents: ids, releasedTo: 'Sponsor', destination: 'Mosul', destinationCountry: 'IRQ' });
    const now = camps.clock.now().getTime();
    const window = { since: new Date(now - 60_000).toISOString(), until: new Date(now).toISOString() };
    const forCpa = await campsAgendaSource.items(cpa, window);
    expect(forCpa.map((i) => [i.title, i.marking.caveats])).toEqual([['HOL: 3 releases', ['CHILD']]]);
    // Holding-force staff without the CHILD group see the mother's release only.
    const hf = camps.as('HF', ['registrar', 'custodian'], { groups: [] });
    expect((await campsAgendaSource.items(hf, window)).map((i) => i.title)).toEqual(['HOL: 1 release']);
    const figs = await campsOutcomeSource.figures(cpa, new Date(now).toISOString());
    expect(figure(figs, 'camps.releases.HOL')).toBe(3);
    expect(figure(figs, 'camps.population.HOL')).toBe(0);
    expect(figs.find((f) => f.key === 'camps.population.HOL')?.series?.map((p) => p.value)).toEqual([3, 0]);
    const agenda = await buildAgenda(cpa, { date: new Date(now).toISOString().slice(0, 10) });
    expect(agenda.items.map((i) => i.title)).toContain('HOL: 3 releases');
    expect(agenda.banner).toMatch(/^CONFIDENTIAL\/\/CHILD/);
  });
});
