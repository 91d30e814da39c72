import { DomainError } from '../../src/kernel/index.js';

/** The reason of the DomainError that `f` throws, or undefined when it throws none. */
export function reasonOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e.details.reason;
    throw e;
  }
  return undefined;
}
