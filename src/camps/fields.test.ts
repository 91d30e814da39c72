import { describe, expect, it } from 'vitest';
import type { Principal } from '../access/index.js';
import { CAMP_FIELDS } from './camps.schemas.js';
import { agreedFields, authorityAt, visibleFields, withheldOf } from './fields.js';

const user = (agencyId: string | null, roles: Principal['roles']): Principal => ({
  userId: 'u', username: 'u', agencyId, agencyCode: 'X', country: 'SYR', clearance: 'S', roles, groups: ['CHILD'],
});

// HF controls the camp; on 1 March the new authority NA takes over under an agreement that shares names and
// ages but not family links to detainees; HF keeps only movements. CPA has its own agreement throughout.
const camp = {
  control: [{ agencyId: 'HF', fromAt: '2025-10-27T00:00:00.000Z' }, { agencyId: 'NA', fromAt: '2026-03-01T00:00:00.000Z' }],
  agreements: [
    { agencyId: 'NA', fields: ['names', 'birth', 'sex'] as const, fromAt: '2026-03-01T00:00:00.000Z' },
    { agencyId: 'HF', fields: ['movements'] as const, fromAt: '2026-03-01T00:00:00.000Z' },
    { agencyId: 'CPA', fields: [...CAMP_FIELDS], fromAt: '2025-10-27T00:00:00.000Z' },
  ],
};
const before = '2026-02-28T23:59:59.999Z';
const after = '2026-03-01T00:00:00.000Z';

describe('field policy across a control handover', () => {
  it('gives the controlling authority every field until it hands over, then its closing agreement', () => {
    expect([...agreedFields('HF', camp, before)].sort()).toEqual([...CAMP_FIELDS].sort());
    expect([...agreedFields('HF', camp, after)]).toEqual(['movements']);
    expect(authorityAt(camp.control, before)).toBe('HF');
    expect(authorityAt(camp.control, after)).toBe('NA');
  });

  it('gives the new authority nothing before the handover and its agreement after', () => {
    expect(agreedFields('NA', camp, before).size).toBe(0);
    expect([...agreedFields('NA', camp, after)].sort()).toEqual(['birth', 'names', 'sex']);
  });

  it('gives an agency with neither control nor agreement, or no agency, nothing', () => {
    expect(agreedFields('DIPLO', camp, after).size).toBe(0);
    expect(agreedFields(null, camp, after).size).toBe(0);
  });

  it('intersects with roles: child-protection data needs camps:children', () => {
    const viewer = visibleFields(user('CPA', ['viewer']), camp, after);
    const cpa = visibleFields(user('CPA', ['child-protection']), camp, after);
    expect(viewer.has('guardianship')).toBe(false);
    expect(viewer.has('detaineeLinks')).toBe(true);
    expect(cpa.has('guardianship')).toBe(true);
    expect(withheldOf(viewer)).toEqual(['vulnerabilities', 'guardianship', 'programmes']);
    expect(visibleFields(user('CPA', ['auditor']), camp, after).size).toBe(0);
  });
});
