import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStored, readStoredJson, StoredDataError } from './stored.js';

describe('readStored', () => {
  const ZTags = z.array(z.string());

  it('returns the parsed value when it matches', () => {
    expect(readStoredJson(ZTags, '["a","b"]', 'tags')).toEqual(['a', 'b']);
    expect(readStored(z.enum(['x', 'y']), 'y', 'status')).toBe('y');
  });

  it('throws a StoredDataError, not a zod error, naming what was read and where it fails', () => {
    const e = (() => { try { readStoredJson(ZTags, '["a",3]', 'detainee D1 tags'); } catch (err) { return err; } })();
    expect(e).toBeInstanceOf(StoredDataError);
    expect((e as Error).message).toMatch(/^stored detainee D1 tags does not read back at 1: /);
    expect(() => readStoredJson(ZTags, '{', 'detainee D1 tags')).toThrow(new StoredDataError('stored detainee D1 tags is not JSON'));
    expect(() => readStored(z.enum(['x']), 'z', 'status')).toThrow(StoredDataError);
  });
});
