import { afterEach, describe, expect, it, vi } from 'vitest';
import { isIsn, isUlid } from '../kernel/index.js';
import { DEFAULT_KNOBS, SCENARIO_EPOCH, generateScenario, resolveKnobs, type GenerateOptions } from './generate.js';
import { ZScenarioRecord, type TScenarioDetainee, type TScenarioRecord, type TScenarioRecordType } from './scenario.schemas.js';
import { serializeRecord } from './serialize.js';

const SMALL: GenerateOptions = { seed: 'small', detainees: 900, facilities: 7, aircraft: 12, campResidents: 1500 };

function lines(opts: GenerateOptions): string[] {
  return [...generateScenario(opts)].map(serializeRecord);
}

function records(opts: GenerateOptions): TScenarioRecord[] {
  return [...generateScenario(opts)];
}

function ofType<T extends TScenarioRecordType>(rs: readonly TScenarioRecord[], t: T): Extract<TScenarioRecord, { type: T }>[] {
  return rs.filter((r): r is Extract<TScenarioRecord, { type: T }> => r.type === t);
}

const small = records(SMALL);

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same bytes for the same seed, whatever the wall clock says', () => {
    const first = lines(SMALL);
    vi.useFakeTimers({ now: new Date('2031-05-17T12:34:56Z') });
    const second = lines(SMALL);
    expect(second).toEqual(first);
  });

  it('gives different data for different seeds', () => {
    const a = lines({ ...SMALL, seed: 'alpha' });
    const b = lines({ ...SMALL, seed: 'beta' });
    expect(a.length).toBeGreaterThan(0);
    const differing = a.filter((line, i) => line !== b[i]).length;
    expect(differing).toBeGreaterThan(a.length / 2);
  });

  it('accepts the knobs one by one or as an object', () => {
    const { seed, ...knobs } = SMALL;
    expect(lines({ seed, knobs })).toEqual(lines(SMALL));
  });
});

describe('records', () => {
  it('every line parses with ZScenarioRecord and serializes back to the same bytes', () => {
    for (const line of small.map(serializeRecord)) {
      const parsed = ZScenarioRecord.safeParse(JSON.parse(line));
      expect(parsed.success ? 'ok' : `${line}\n${JSON.stringify(parsed.error.issues)}`).toBe('ok');
      if (parsed.success) expect(serializeRecord(parsed.data)).toBe(line);
    }
  });

  it('serializes keys in schema order whatever order a record was built in', () => {
    const d = ofType(small, 'detainee').find((x) => x.aliases.length > 0) as TScenarioDetainee;
    const shuffled = Object.fromEntries(Object.entries({ ...d, aliases: d.aliases.map((a) => Object.fromEntries(Object.entries(a).reverse())) }).reverse());
    const line = serializeRecord(shuffled as unknown as TScenarioRecord);
    expect(line).toBe(serializeRecord(d));
    expect(line.startsWith('{"type":"detainee","id":')).toBe(true);
    expect(Object.keys(JSON.parse(line) as object)).toEqual(Object.keys(d));
  });

  it('comes in file order, the header first', () => {
    const rank: Record<TScenarioRecordType, number> = {
      scenario: 0, agency: 1, user: 2, aircraftType: 3, facility: 4, aircraft: 5, detainee: 6, truth: 6, household: 7, resident: 8,
      conflictEvent: 9, indicator: 10, breach: 11, agreement: 12, repatriation: 13, caseUsers: 14, caseFile: 15,
      coordinationCall: 16,
    };
    expect(small[0]).toEqual({ type: 'scenario', version: 1, seed: 'small', knobs: resolveKnobs(SMALL), epoch: SCENARIO_EPOCH });
    for (let i = 1; i < small.length; i++) expect(rank[small[i]!.type]).toBeGreaterThanOrEqual(rank[small[i - 1]!.type]);
    expect(ofType(small, 'scenario')).toHaveLength(1);
  });

  it('matches the knobs', () => {
    expect(ofType(small, 'detainee')).toHaveLength(900);
    expect(ofType(small, 'aircraft')).toHaveLength(12);
    expect(ofType(small, 'resident')).toHaveLength(1500);
    const facilities = ofType(small, 'facility');
    expect(facilities.filter((f) => f.kind === 'prison')).toHaveLength(7);
    expect(facilities.filter((f) => f.kind === 'camp').map((f) => f.code)).toEqual(['HOL', 'ROJ']);
    expect(facilities.filter((f) => f.kind === 'destination').map((f) => [f.country, f.lat, f.lon])).toEqual([['IRQ', 33.26, 44.23]]);
    expect(facilities.some((f) => f.kind === 'staging')).toBe(true);
  });

  it("gives each facility a population equal to the people assigned to it", () => {
    const count = new Map<string, number>();
    for (const r of small) if (r.type === 'detainee' || r.type === 'resident') count.set(r.facility, (count.get(r.facility) ?? 0) + 1);
    for (const f of ofType(small, 'facility')) expect(f.population, f.code).toBe(count.get(f.code) ?? 0);
    const hol = ofType(small, 'facility').find((f) => f.code === 'HOL');
    expect(hol?.population).toBe(1400); // 35,000 : 2,500 of 1,500
  });

  it('makes household sizes add up to their residents, heads first', () => {
    const members = new Map<string, TScenarioRecord[]>();
    for (const r of ofType(small, 'resident')) members.set(r.household, [...(members.get(r.household) ?? []), r]);
    for (const h of ofType(small, 'household')) {
      const m = ofType(members.get(h.code) ?? [], 'resident');
      expect(m).toHaveLength(h.size);
      expect(m[0]?.relation).toBe('head');
      expect(m[0]?.nameLatin).toBe(h.headName);
      expect(m.every((r) => r.facility === h.facility && r.nationality === h.nationality)).toBe(true);
    }
  });
});

describe('references', () => {
  it('point only at records earlier in the stream', () => {
    const agencies = new Set<string>();
    const types = new Set<string>();
    const facilities = new Set<string>();
    const isns = new Set<string>();
    const households = new Set<string>();
    const check = (set: Set<string>, v: string | null, what: string): void => {
      if (v !== null) expect(set.has(v), `${what} ${v}`).toBe(true);
    };
    for (const r of small) {
      switch (r.type) {
        case 'agency': agencies.add(r.code); break;
        case 'user': check(agencies, r.agency, 'user agency'); break;
        case 'aircraftType': types.add(r.code); break;
        case 'facility': check(agencies, r.guardAgency, 'guard agency'); facilities.add(r.code); break;
        case 'aircraft': check(types, r.aircraftType, 'type'); check(agencies, r.operator, 'operator'); check(facilities, r.base, 'base'); break;
        case 'detainee': check(facilities, r.facility, 'facility'); check(agencies, r.custodian, 'custodian'); isns.add(r.isn); break;
        case 'truth': check(isns, r.a, 'truth a'); check(isns, r.b, 'truth b'); break;
        case 'household': check(facilities, r.facility, 'camp'); households.add(r.code); break;
        case 'resident': check(households, r.household, 'household'); check(facilities, r.facility, 'camp'); check(isns, r.relatedDetainee, 'related'); break;
        case 'caseUsers': for (const u of r.users) check(agencies, u.agency, 'case user agency'); break;
        case 'caseFile': for (const e of r.seed.evidence) check(agencies, e.request.agency, 'evidence agency'); break;
        case 'scenario': break;
        case 'conflictEvent': break;
        case 'repatriation': break;
        case 'indicator': case 'breach': check(facilities, r.facility, 'site'); break;
        case 'agreement': check(agencies, r.holdingAgency, 'holding'); check(agencies, r.receivingAgency, 'receiving'); check(facilities, r.destination, 'destination'); break;
        case 'coordinationCall': for (const c of [...r.agencies, ...r.attendance.map((x) => x.agency), ...r.actions.map((x) => x.owner)]) check(agencies, c, 'call agency'); break;
      }
    }
  });

  it('gives unique ids, ISNs, codes and usernames', () => {
    const ids = small.flatMap((r) => ('id' in r ? [r.id] : []));
    expect(ids.every(isUlid)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const isns = ofType(small, 'detainee').map((d) => d.isn);
    expect(isns.every(isIsn)).toBe(true);
    expect(new Set(isns).size).toBe(isns.length);
    for (const t of ['agency', 'facility', 'household', 'aircraftType'] as const) {
      const codes = ofType(small, t).map((r) => r.code);
      expect(new Set(codes).size, t).toBe(codes.length);
    }
    const users = ofType(small, 'user').map((u) => u.username);
    expect(new Set(users).size).toBe(users.length);
  });
});

describe('people', () => {
  const detainees = ofType(small, 'detainee');
  const byIsn = new Map(detainees.map((d) => [d.isn, d]));

  it('points truth records at existing, distinct detainees of the same nationality', () => {
    const truths = ofType(small, 'truth');
    expect(truths.filter((t) => t.kind === 'duplicate-enrollment')).toHaveLength(18); // 2 % of 900
    expect(truths.filter((t) => t.kind === 'alias' && t.b !== null).length).toBeGreaterThanOrEqual(4); // 0.5 %, rounded
    for (const t of truths) {
      const a = byIsn.get(t.a) as TScenarioDetainee;
      expect(a).toBeDefined();
      if (t.b === null) {
        expect(t.kind).toBe('alias');
        expect(typeof t.detail.nameLatin).toBe('string');
        continue;
      }
      const b = byIsn.get(t.b) as TScenarioDetainee;
      expect(b.isn).not.toBe(a.isn);
      expect(b.nationality).toBe(a.nationality);
      expect(Math.abs((b.birthYear ?? 0) - (a.birthYear ?? 0))).toBeLessThanOrEqual(2);
      if (t.kind === 'duplicate-enrollment') {
        expect(t.detail.nameLatinB).toBe(b.nameLatin);
        expect(t.detail.sameFacility).toBe(a.facility === b.facility);
      }
    }
  });

  it('writes each truth record right after the later detainee it names', () => {
    small.forEach((r, i) => {
      if (r.type !== 'truth') return;
      const prev = small.slice(0, i).reverse().find((x) => x.type === 'detainee');
      expect(prev?.type === 'detainee' ? prev.isn : '').toBe(r.b ?? r.a);
    });
  });

  it('forms keep-apart groups of 2 to 6 for about 5 % of detainees', () => {
    const sizes = new Map<string, number>();
    for (const d of detainees) for (const g of d.keepApart) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    expect([...sizes.values()].every((n) => n >= 2 && n <= 6)).toBe(true);
    const share = detainees.filter((d) => d.keepApart.length > 0).length / detainees.length;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.09);
  });

  it('gives every detainee a plausible adult birth and an Arabic and a Latin name', () => {
    for (const d of detainees) {
      const year = d.birthDate ? Number(d.birthDate.slice(0, 4)) : d.birthYear;
      expect(year).not.toBeNull();
      expect(year).toBeLessThanOrEqual(2007);
      expect(year).toBeGreaterThanOrEqual(1950);
      if (d.birthDate) expect(d.birthYear).toBe(Number(d.birthDate.slice(0, 4)));
      expect(d.nameAr).toMatch(/\p{sc=Arabic}/u);
      expect(d.nameLatin).toMatch(/^[A-Za-z]/);
    }
  });

  it('links about a tenth of households to a detainee', () => {
    const households = ofType(small, 'household');
    const linked = new Set(ofType(small, 'resident').filter((r) => r.relatedDetainee !== null).map((r) => r.household));
    expect(linked.size / households.length).toBeGreaterThan(0.04);
    expect(linked.size / households.length).toBeLessThan(0.18);
  });

  it("marks children's records with the CHILD caveat and adults' without", () => {
    const epoch = Date.parse(SCENARIO_EPOCH);
    for (const r of ofType(small, 'resident')) {
      const birth = Date.parse(`${r.birthDate}T00:00:00Z`);
      const adultFrom = new Date(birth);
      adultFrom.setUTCFullYear(adultFrom.getUTCFullYear() + 18);
      expect(r.marking.includes('//CHILD//'), `${r.birthDate} ${r.marking}`).toBe(adultFrom.getTime() > epoch);
    }
  });
});

describe('users', () => {
  it('has one demo user per agency and clearance, the auditor and the reviewer, and no passwords', () => {
    const users = ofType(small, 'user');
    const agencies = ofType(small, 'agency');
    expect(users).toHaveLength(agencies.length * 4 + 2);
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['jtf.s', 'irq-moj.ts', 'hf.u', 'audit.ts', 'review.ts']));
    expect(users.every((u) => !('password' in u))).toBe(true);
    const lead = users.find((u) => u.username === 'le-id.s');
    expect(lead?.roles).toEqual(['viewer', 'identity', 'registrar']);
    expect(lead?.groups).toEqual(['LES']);
    expect(users.find((u) => u.username === 'intel.c')?.groups).toEqual(['LES']);
    expect(users.find((u) => u.username === 'intel.ts')?.groups).toEqual(['LES', 'HCS']);
    expect(users.find((u) => u.username === 'review.ts')?.groups).toEqual(['LES', 'HCS', 'CHILD']);
  });
});

describe('knobs', () => {
  it('refuses knobs out of range', () => {
    expect(() => resolveKnobs({ seed: 's', detainees: -1 })).toThrow(RangeError);
    expect(() => resolveKnobs({ seed: 's', aircraft: 2.5 })).toThrow(RangeError);
    expect(() => resolveKnobs({ seed: 's', facilities: 0 })).toThrow(RangeError);
    expect(resolveKnobs({ seed: 's', facilities: 0, detainees: 0 })).toMatchObject({ facilities: 0, detainees: 0 });
    expect(resolveKnobs({ seed: 's' })).toEqual(DEFAULT_KNOBS);
  });

  it('adds synthetic prisons in north-east Syria beyond the reference seven, and takes fewer when asked', () => {
    const rs = records({ seed: 'wide', detainees: 400, facilities: 20, aircraft: 3, campResidents: 0 });
    const prisons = ofType(rs, 'facility').filter((f) => f.kind === 'prison');
    expect(prisons).toHaveLength(20);
    for (const p of prisons) {
      expect(p.lat).toBeGreaterThan(34.5);
      expect(p.lat).toBeLessThan(37.4);
      expect(p.lon).toBeGreaterThan(37.5);
      expect(p.lon).toBeLessThan(42.5);
    }
    expect(ofType(rs, 'household')).toHaveLength(0);
    const few = ofType(records({ seed: 'few', detainees: 50, facilities: 2, aircraft: 0, campResidents: 10 }), 'facility');
    expect(few.filter((f) => f.kind === 'prison').map((f) => f.code)).toEqual(['GHW', 'PAN']);
  });

  it('handles the smallest scenarios', () => {
    const rs = records({ seed: 'tiny', detainees: 1, facilities: 1, aircraft: 1, campResidents: 1 });
    expect(ofType(rs, 'detainee')).toHaveLength(1);
    expect(ofType(rs, 'resident')).toHaveLength(1);
    expect(ofType(rs, 'truth').filter((t) => t.b !== null)).toHaveLength(0);
  });
});

describe('the reference scenario', () => {
  it('models the reference operation', () => {
    let detainees = 0;
    let residents = 0;
    let aircraft = 0;
    const nationality = new Map<string, number>();
    for (const line of lines({ seed: 'reference' })) {
      const r = ZScenarioRecord.parse(JSON.parse(line));
      if (r.type === 'detainee') {
        detainees++;
        nationality.set(r.nationality, (nationality.get(r.nationality) ?? 0) + 1);
      }
      if (r.type === 'resident') residents++;
      if (r.type === 'aircraft') aircraft++;
    }
    expect({ detainees, residents, aircraft }).toEqual({ detainees: 6000, residents: 37_500, aircraft: 40 });
    const share = (c: string): number => (nationality.get(c) ?? 0) / detainees;
    expect(share('IRQ') + share('SYR')).toBeGreaterThan(0.5);
    expect(share('IRQ')).toBeCloseTo(0.4, 1);
    expect(share('SYR')).toBeCloseTo(0.35, 1);
    expect(nationality.size).toBeGreaterThanOrEqual(50);
  });
});
