import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError, invalid, invalidMany, notFound } from '../kernel/index.js';
import { EXIT, UsageError, exitCodeOf } from './exit-codes.js';
import { formatError } from './report-error.js';

describe('CLI errors', () => {
  it('maps each kind to its exit code', () => {
    expect(exitCodeOf(new UsageError('x'))).toBe(EXIT.usage);
    expect(exitCodeOf(invalid('f', 'r'))).toBe(3);
    expect(exitCodeOf(notFound('detainee', 'SP-IQ-000001'))).toBe(4);
    expect(exitCodeOf(new DomainError('forbidden', 'FORBIDDEN', 'no'))).toBe(5);
    expect(exitCodeOf(new DomainError('conflict', 'CONFLICT', 'no'))).toBe(6);
    expect(exitCodeOf(new DomainError('unauthenticated', 'UNAUTHENTICATED', 'no'))).toBe(7);
    expect(exitCodeOf(new DomainError('unavailable', 'UNAVAILABLE', 'no'))).toBe(8);
    expect(exitCodeOf(z.number().safeParse('x').error)).toBe(3);
    expect(exitCodeOf(new Error('boom'))).toBe(1);
  });

  it('prints the message and one line per field issue, without repeating a lone one', () => {
    const many = invalidMany([{ field: 'nameLatin', reason: 'bidirectional control character U+202E' }, { field: 'sex', reason: 'expected M or F' }]);
    expect(formatError(many, false)).toBe(
      'error: nameLatin: bidirectional control character U+202E; sex: expected M or F\n  nameLatin: bidirectional control character U+202E\n  sex: expected M or F\n',
    );
    expect(formatError(invalid('nameLatin', 'control character U+0007'), false)).toBe('error: nameLatin: control character U+0007\n');
    const agency = new DomainError('invalid', 'ACCESS_UNKNOWN_AGENCY', 'no agency with code NOPE', { field: 'agency', reason: 'unknown agency code' });
    expect(formatError(agency, false)).toBe('error: no agency with code NOPE\n  agency: unknown agency code\n');
  });

  it('prints one JSON object with code, message, field, reason and issues', () => {
    const parsed = JSON.parse(formatError(new UsageError('invalid arguments: --limit', [{ field: '--limit', reason: 'not a number' }]), true)) as unknown;
    expect(parsed).toEqual({
      error: { code: 'CLI_USAGE', message: 'invalid arguments: --limit', field: '--limit', reason: 'not a number', issues: [{ field: '--limit', reason: 'not a number' }] },
    });
  });
});
