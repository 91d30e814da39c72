import { describe, expect, it } from 'vitest';
import { canMove } from '../repatriation/index.js';
import { SCENARIO_EPOCH } from './generate.js';
import { NATIONS } from './nationalities.js';
import { Prng } from './prng.js';
import { repatriationRecords } from './repatriation.js';
import { ZScenarioRepatriation } from './repatriation.schemas.js';

const epoch = Date.parse(SCENARIO_EPOCH);
const records = [...repatriationRecords(new Prng('t').fork('repatriation'), epoch)];

describe('the countries of origin of a scenario', () => {
  it('covers every nationality but Syria, Iraq negotiating, each record valid', () => {
    expect(records.map((r) => r.country)).toEqual(NATIONS.map((n) => n.code).filter((c) => c !== 'SYR'));
    expect(records.find((r) => r.country === 'IRQ')?.status).toBe('negotiating');
    for (const r of records) expect(ZScenarioRepatriation.safeParse(r).success, r.country).toBe(true);
  });

  it('reaches each status by allowed steps, in order, before the epoch, with the log behind it', () => {
    for (const r of records) {
      let at = '';
      let from = 'not-contacted';
      for (const h of r.history) {
        expect(h.from).toBe(from);
        expect(canMove(h.from, h.to), `${r.country} ${h.from}→${h.to}`).toBe(true);
        expect(h.at > at && h.at <= SCENARIO_EPOCH).toBe(true);
        ({ at } = h);
        from = h.to;
      }
      expect(from).toBe(r.status);
      expect(r.engagements.length).toBeGreaterThanOrEqual(r.history.length);
      if (r.status !== 'accepted' && r.status !== 'negotiating') expect(r.conditions).toEqual([]);
    }
  });

  it('is the same for the same seed', () => {
    expect([...repatriationRecords(new Prng('t').fork('repatriation'), epoch)]).toEqual(records);
  });
});
