import type { Ctx } from '../access/index.js';
import type { Keyring } from './keyring.js';

/** The origin line of every Sallyport checkpoint: the log's identity. */
export const LOG_ORIGIN = 'sallyport/custody';

/** The name of the log's signing key of a generation: `sallyport/log`, then `sallyport/log/2`, … */
export function logKeyName(generation: number): string {
  return generation === 1 ? 'sallyport/log' : `sallyport/log/${generation}`;
}

/**
 * What a custody use case receives: the usual context and the keyring holding the private halves of the
 * signing keys (the composition root chooses it: a key directory, or memory in tests).
 */
export interface CustodyCtx extends Ctx {
  keyring: Keyring;
}

/** A custody context from a use-case context and a keyring. */
export function custodyCtx(ctx: Ctx, keyring: Keyring): CustodyCtx {
  return { ...ctx, keyring };
}
