import { z } from 'zod';
import { defineErrors, isDomainError, type ErrorKind, type FieldIssue } from '../kernel/index.js';

/** Error codes the CLI itself raises, beside the modules' own. */
export const CliErrors = defineErrors({
  CLI_UNKNOWN_USER: { kind: 'unauthenticated', when: '`--as` (or SALLYPORT_USER) names no active stored user.' },
  CLI_STORE_UNAVAILABLE: { kind: 'unavailable', when: 'The store named by --database-url or DATABASE_URL cannot be opened.' },
});

/** The code of every usage error (bad or missing command-line arguments); never a DomainError. */
export const USAGE_CODE = 'CLI_USAGE';

/** The exit status of each outcome. Usage (2) is the CLI's own; the rest follow the DomainError kind. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalid: 3,
  'not-found': 4,
  forbidden: 5,
  conflict: 6,
  unauthenticated: 7,
  unavailable: 8,
} as const satisfies Record<ErrorKind | 'ok' | 'usage', number>;

/** What each exit status means, for `sallyport --help`. */
export const EXIT_CODE_HELP: readonly (readonly [number, string])[] = [
  [EXIT.ok, 'success'],
  [EXIT.internal, 'internal error (a bug, or the store failed unexpectedly)'],
  [EXIT.usage, 'usage: unknown command or option, missing or malformed argument'],
  [EXIT.invalid, 'invalid input: a record or file failed validation (nothing was stored)'],
  [EXIT['not-found'], 'not found (or not visible to the acting user: the two are never told apart)'],
  [EXIT.forbidden, "forbidden: the acting user's roles do not allow the action"],
  [EXIT.conflict, 'conflict: duplicate, or the record changed meanwhile'],
  [EXIT.unauthenticated, 'unauthenticated: --as names no active user'],
  [EXIT.unavailable, 'unavailable: the store or the audit trail refused the operation'],
];

/**
 * A bad command line: the CLI's own error, exit 2. `issues` name the options at fault (`--limit`) so a
 * script can tell which argument to fix.
 */
export class UsageError extends Error {
  readonly issues: FieldIssue[];
  constructor(message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'UsageError';
    this.issues = issues;
  }
}

/** The exit status for an error thrown by a command. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof UsageError) return EXIT.usage;
  if (isDomainError(e)) return EXIT[e.kind];
  // A use case validating its own input with zod: the input was invalid, whatever the edge did.
  if (e instanceof z.ZodError) return EXIT.invalid;
  return EXIT.internal;
}
