import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import type { FieldIssue } from '../kernel/index.js';
import { UsageError } from './exit-codes.js';

function flagOf(path: readonly PropertyKey[], flags: Readonly<Record<string, string>>): string {
  const head = String(path[0] ?? '');
  if (head === '') return 'arguments';
  return flags[head] ?? `--${head.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Drops options the user did not give, so a strict schema sees only what was typed. */
export function given<T extends Record<string, unknown>>(opts: T): Partial<T> {
  return Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Validates command-line options with a module's own zod schema (the same one its HTTP route uses).
 * `flags` names the option of a schema field when it is not the field in kebab case (`username` → `--user`).
 * @throws UsageError naming each option at fault by its flag (`--limit`), so the exit status is 2.
 */
export function parseArgs<S extends z.ZodType>(schema: S, raw: unknown, flags: Readonly<Record<string, string>> = {}): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues: FieldIssue[] = r.error.issues.map((i) => ({ field: flagOf(i.path, flags), reason: i.message }));
  throw new UsageError(`invalid arguments: ${issues.map((i) => i.field).join(', ')}`, issues);
}

/** Options that repeat (`--role a --role b`) collect into a list. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Reads a text file named on the command line.
 * @throws UsageError when it does not exist or is not a readable file.
 */
export async function readArgFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`${path}: cannot read file (${code})`, [{ field: 'FILE', reason: `cannot read ${path} (${code})` }]);
  }
}
