import type { z } from 'zod';

/**
 * A stored value that does not read back under its schema: corrupt or foreign data in the store, a server
 * fault (HTTP 500), never the caller's input (400). The message names what was read and the first problem;
 * the HTTP edge logs it and answers with a generic internal error.
 */
export class StoredDataError extends Error {
  override readonly name = 'StoredDataError';
}

/**
 * Parses `value`, read from the store as `what` (e.g. "detainee D1 keep_apart"), with `schema`.
 * @throws StoredDataError when it does not match: a zod error here must not look like bad input.
 */
export function readStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const at = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  throw new StoredDataError(`stored ${what} does not read back${at}: ${first?.message ?? 'invalid'}`);
}

/** {@link readStored} for a JSON text column; text that is not JSON is a StoredDataError too. */
export function readStoredJson<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredDataError(`stored ${what} is not JSON`);
  }
  return readStored(schema, value, what);
}
