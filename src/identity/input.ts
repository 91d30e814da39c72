import type { z } from 'zod';
import { invalidMany } from '../kernel/index.js';

/**
 * Validates a use case's input with its schema. @throws DomainError INVALID_INPUT naming every field at fault
 * (`templates.0.vector.3: expected number, received NaN`).
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  throw invalidMany(r.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })));
}
