import { describe, expect, it } from 'vitest';
import { caseTransitionFault } from './status.js';

describe('case status transitions', () => {
  it('moves forward, skipping steps', () => {
    expect(caseTransitionFault('open', 'referred', null)).toBeNull();
    expect(caseTransitionFault('open', 'charged', null)).toBeNull();
    expect(caseTransitionFault('charged', 'tried', null)).toBeNull();
    expect(caseTransitionFault('tried', 'closed', null)).toBeNull();
  });
  it('never goes back or stays', () => {
    expect(caseTransitionFault('charged', 'referred', null)).toMatchObject({ field: 'status' });
    expect(caseTransitionFault('tried', 'open', 'retrial')).toMatchObject({ field: 'status' });
    expect(caseTransitionFault('open', 'open', null)).toMatchObject({ field: 'status' });
  });
  it('closes from any status, with a reason before trial', () => {
    expect(caseTransitionFault('open', 'closed', null)).toMatchObject({ field: 'reason' });
    expect(caseTransitionFault('referred', 'closed', 'detainee died')).toBeNull();
  });
  it('reopens only closed → open, with a reason', () => {
    expect(caseTransitionFault('closed', 'open', null)).toMatchObject({ field: 'reason' });
    expect(caseTransitionFault('closed', 'open', 'new evidence')).toBeNull();
    expect(caseTransitionFault('closed', 'charged', 'new evidence')).toMatchObject({ field: 'status' });
  });
});
