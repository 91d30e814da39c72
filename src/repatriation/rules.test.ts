import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_STATUSES, CONDITIONS } from './repatriation.schemas.js';
import { ageAt, batchFaults, canMove, conditionFault, type MemberFacts } from './rules.js';

const child: MemberFacts = { kind: 'resident', label: 'R1', sex: 'M', age: 9 };
const woman: MemberFacts = { kind: 'resident', label: 'R2', sex: 'F', age: 31 };
const man: MemberFacts = { kind: 'detainee', label: 'SP-FR-000001', sex: 'M', age: 34 };
const unknown: MemberFacts = { kind: 'resident', label: 'R3', sex: null, age: null };

describe('status transitions', () => {
  it('follows the negotiation: contact, accept, repatriate, complete', () => {
    expect(canMove('not-contacted', 'contacted')).toBe(true);
    expect(canMove('contacted', 'accepted')).toBe(true);
    expect(canMove('accepted', 'repatriating')).toBe(true);
    expect(canMove('repatriating', 'completed')).toBe(true);
  });
  it('refuses skipping ahead and standing still', () => {
    expect(canMove('not-contacted', 'accepted')).toBe(false);
    expect(canMove('declined', 'repatriating')).toBe(false);
    fc.assert(fc.property(fc.constantFrom(...COUNTRY_STATUSES), (s) => !canMove(s, s)));
  });
  it('lets every status reach completed by some path', () => {
    for (const from of COUNTRY_STATUSES) {
      const seen = new Set([from]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const a of [...seen]) for (const b of COUNTRY_STATUSES) if (canMove(a, b) && !seen.has(b)) { seen.add(b); grew = true; }
      }
      expect(seen.has('completed') || from === 'completed').toBe(true);
    }
  });
});

describe('conditions', () => {
  it('children only refuses an adult and an unknown age, naming them', () => {
    expect(conditionFault('children-only', child, { assurances: null })).toBeNull();
    expect(conditionFault('children-only', woman, { assurances: null })).toMatch(/resident R2 is 31, an adult/);
    expect(conditionFault('children-only', unknown, { assurances: null })).toMatch(/R3: age unknown/);
  });
  it('women and children refuses an adult man', () => {
    expect(conditionFault('women-and-children', woman, { assurances: null })).toBeNull();
    expect(conditionFault('women-and-children', child, { assurances: null })).toBeNull();
    expect(conditionFault('women-and-children', man, { assurances: null })).toMatch(/SP-FR-000001 is an adult man/);
  });
  it('prosecution assurances are needed for detainees only', () => {
    expect(conditionFault('prosecution-assurances', man, { assurances: null })).toMatch(/assurances/);
    expect(conditionFault('prosecution-assurances', man, { assurances: 'NV 2026/14' })).toBeNull();
    expect(conditionFault('prosecution-assurances', woman, { assurances: null })).toBeNull();
  });
  it('no condition passes a member of unknown age and sex but the kind rules', () => {
    const faults = batchFaults(CONDITIONS, [unknown], { assurances: null });
    expect(faults.map((f) => f.condition).sort()).toEqual(['children-only', 'detainees-only', 'identity-confirmed', 'women-and-children']);
  });
  it('no conditions, no faults', () => {
    fc.assert(fc.property(fc.array(fc.record({ kind: fc.constantFrom('detainee' as const, 'resident' as const), label: fc.string(), sex: fc.constantFrom('F', 'M', null), age: fc.option(fc.nat(90)) })), (ms) => batchFaults([], ms, { assurances: null }).length === 0));
  });
});

describe('ageAt', () => {
  it('counts whole years, a birth year as 1 July', () => {
    expect(ageAt({ date: '2008-03-01', year: null }, '2026-02-28')).toBe(17);
    expect(ageAt({ date: '2008-03-01', year: null }, '2026-03-01')).toBe(18);
    expect(ageAt({ date: null, year: 2008 }, '2026-06-30')).toBe(17);
    expect(ageAt({ date: null, year: 2008 }, '2026-07-01')).toBe(18);
    expect(ageAt({ date: null, year: null }, '2026-07-01')).toBeNull();
  });
});
