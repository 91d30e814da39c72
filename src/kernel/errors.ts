/**
 * The one error type every module throws. A code says what went wrong in domain terms; the server maps
 * codes to HTTP statuses and the CLI to exit codes, so no module ever speaks HTTP.
 */

/** The kind of a domain error: decides the HTTP status and the CLI exit code. */
export type ErrorKind = 'invalid' | 'not-found' | 'forbidden' | 'conflict' | 'unauthenticated' | 'unavailable' | 'internal';

/** One problem with one field of an input. `field` is a dotted path (`names.0.latin`), or `''` for the whole input. */
export interface FieldIssue {
  field: string;
  reason: string;
}

export interface DomainErrorDetails {
  /** The first (or only) field at fault. */
  field?: string;
  /** Why the field is at fault. */
  reason?: string;
  /** Every field at fault, when there are several. */
  issues?: FieldIssue[];
  /** Anything else a caller may act on (a current version, a retry time). Never data the caller may not see. */
  [key: string]: unknown;
}

/**
 * A typed domain error. `code` is namespaced SCREAMING_SNAKE (`REGISTRY_DUPLICATE_ISN`); every code is
 * listed in the error catalogue (see `errorCatalogue`).
 */
export class DomainError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly details: DomainErrorDetails;

  constructor(kind: ErrorKind, code: string, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.name = 'DomainError';
    this.kind = kind;
    this.code = code;
    this.details = details;
  }
}

/** Documentation of one error code: its kind and when it is thrown. */
export interface ErrorCodeInfo {
  kind: ErrorKind;
  /** When the error is thrown, in a sentence. */
  when: string;
}

const catalogue = new Map<string, ErrorCodeInfo>();

/**
 * Registers a module's error codes. Each module calls it once from its `*.errors.ts` with every code it
 * throws; a test walks the catalogue to check every code is unique, documented and mapped.
 * @throws Error when a code is registered twice with a different meaning.
 */
export function defineErrors<const T extends Record<string, ErrorCodeInfo>>(codes: T): { [K in keyof T]: K } {
  const names = {} as { [K in keyof T]: K };
  for (const [code, info] of Object.entries(codes)) {
    const known = catalogue.get(code);
    if (known && (known.kind !== info.kind || known.when !== info.when)) {
      throw new Error(`error code ${code} defined twice`);
    }
    catalogue.set(code, info);
    (names as Record<string, string>)[code] = code;
  }
  return names;
}

/** Every error code registered so far, with its kind and documentation. */
export function errorCatalogue(): ReadonlyMap<string, ErrorCodeInfo> {
  return catalogue;
}

export const KernelErrors = defineErrors({
  INVALID_INPUT: { kind: 'invalid', when: 'An input fails validation; details name the field and the reason.' },
  NOT_FOUND: { kind: 'not-found', when: 'A record does not exist or the caller may not see it (the two are never told apart).' },
  FORBIDDEN: { kind: 'forbidden', when: 'The caller may see the record but their role does not allow the action.' },
  CONFLICT: { kind: 'conflict', when: 'A write collides with the current state of a record.' },
  STALE_VERSION: { kind: 'conflict', when: 'An update names a version of a record that is no longer current.' },
  UNAUTHENTICATED: { kind: 'unauthenticated', when: 'The request carries no valid session or token.' },
  UNAVAILABLE: { kind: 'unavailable', when: 'The service is starting, stopping or its store refuses writes.' },
  INTERNAL: { kind: 'internal', when: 'An unexpected failure; the operation was not applied.' },
});

/** An input is invalid. */
export function invalid(field: string, reason: string, code: string = KernelErrors.INVALID_INPUT): DomainError {
  return new DomainError('invalid', code, `${field || 'input'}: ${reason}`, { field, reason, issues: [{ field, reason }] });
}

/** Several fields of one input are invalid. */
export function invalidMany(issues: FieldIssue[], code: string = KernelErrors.INVALID_INPUT): DomainError {
  const first = issues[0] ?? { field: '', reason: 'invalid input' };
  const message = issues.map((i) => `${i.field || 'input'}: ${i.reason}`).join('; ');
  return new DomainError('invalid', code, message, { field: first.field, reason: first.reason, issues });
}

/** A record is absent or unseen: the message names only what the caller asked for. */
export function notFound(what: string, id: string, code: string = KernelErrors.NOT_FOUND): DomainError {
  return new DomainError('not-found', code, `${what} ${id} not found`, { field: 'id', reason: 'not found' });
}

export function forbidden(action: string, code: string = KernelErrors.FORBIDDEN): DomainError {
  return new DomainError('forbidden', code, `not allowed: ${action}`, { reason: `role does not allow ${action}` });
}

export function conflict(code: string, message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError('conflict', code, message, details);
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
