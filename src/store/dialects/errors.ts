/**
 * Driver errors translated to one vocabulary, so a module maps a duplicate key to its own domain code once,
 * whatever the dialect. NOTE: better-sqlite3 reports `SQLITE_CONSTRAINT_*` codes; pg reports SQLSTATE
 * classes (23505 unique, 23503 foreign key, 23514 check, P0001 raised by our append-only triggers).
 */
export type DbErrorKind = 'unique' | 'foreign-key' | 'check' | 'not-null' | 'append-only' | 'other';

export interface DbErrorInfo {
  kind: DbErrorKind;
  /** Constraint or message text from the driver, for logs only (may name columns, never values). */
  constraint: string;
}

export function classifyDbError(e: unknown): DbErrorInfo {
  const err = e as { code?: string; constraint?: string; message?: string };
  const code = err.code ?? '';
  const message = err.message ?? '';
  const constraint = err.constraint ?? message;
  if (/append-only/.test(message)) return { kind: 'append-only', constraint };
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505') return { kind: 'unique', constraint };
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503') return { kind: 'foreign-key', constraint };
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === '23514') return { kind: 'check', constraint };
  if (code === 'SQLITE_CONSTRAINT_NOTNULL' || code === '23502') return { kind: 'not-null', constraint };
  return { kind: 'other', constraint };
}
