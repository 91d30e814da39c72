import type { Db } from '../store/index.js';
import { openCheckpoint } from './checkpoint.js';
import { LOG_ORIGIN } from './context.js';
import type { TVerifyReport } from './custody.schemas.js';
import type { Frontier } from './frontier.js';
import { allCheckpoints } from './log.store.js';
import type { VerifierKey } from './note.js';
import { consistentHeads } from './witness.store.js';

type Bad = NonNullable<TVerifyReport['firstBad']>;
type Head = { size: number; root: Buffer; label: string };

/**
 * The signed and witnessed heads a full verification checks against the recomputed tree: each checkpoint's
 * signature and text first, then, as the entries stream past each head's size, its root.
 */
export class HeadChecks {
  #heads: Head[];
  #next = 0;
  readonly badSignature: Bad | null;
  readonly checkpointsChecked: number;
  witnessChecked = 0;

  private constructor(heads: Head[], badSignature: Bad | null, checkpoints: number) {
    this.#heads = heads;
    this.badSignature = badSignature;
    this.checkpointsChecked = checkpoints;
  }

  /** Loads and checks the signatures of every checkpoint, and loads every consistent witnessed head. */
  static async load(db: Db, logKeys: readonly VerifierKey[]): Promise<HeadChecks> {
    const heads: Head[] = [];
    let bad: Bad | null = null;
    const cps = await allCheckpoints(db);
    for (const cp of cps) {
      const label = `checkpoint #${cp.id} (size ${cp.size})`;
      heads.push({ size: cp.size, root: cp.root, label });
      const opened = openCheckpoint(cp.note, logKeys);
      const fault = typeof opened === 'string' ? opened
        : opened.head.origin !== LOG_ORIGIN ? `origin ${opened.head.origin}`
        : opened.head.size !== cp.size || Buffer.compare(opened.head.root, cp.root) !== 0 ? 'the signed note does not say the stored size and root' : null;
      if (fault && !bad) bad = { index: null, what: 'checkpoint', reason: `${label}: ${fault}` };
    }
    for (const w of await consistentHeads(db)) heads.push({ size: w.size, root: w.root, label: `head of size ${w.size} witnessed by agency ${w.agencyId}` });
    heads.sort((a, b) => a.size - b.size);
    return new HeadChecks(heads, bad, cps.length);
  }

  /** Checks every head of the frontier's size against its root. */
  at(frontier: Frontier): Bad | null {
    return this.atSize(frontier.size, () => frontier.root());
  }

  /** Checks every head of `size` against the root `rootOf()` computes (called at most once); sizes must come in order. */
  atSize(size: number, rootOf: () => Buffer): Bad | null {
    let root: Buffer | undefined;
    for (; this.#next < this.#heads.length && this.#heads[this.#next]!.size <= size; this.#next += 1) {
      const h = this.#heads[this.#next]!;
      if (h.size < size) continue;
      root ??= rootOf();
      if (h.label.startsWith('head')) this.witnessChecked += 1;
      if (Buffer.compare(root, h.root) !== 0) return { index: size > 0 ? size - 1 : null, what: 'head', reason: `${h.label}: its root differs from the tree recomputed over entries 0..${size - 1}` };
    }
    return null;
  }

  /** The distinct sizes of the heads in (from, to], in order. */
  sizesIn(from: number, to: number): number[] {
    return [...new Set(this.#heads.filter((h) => h.size > from && h.size <= to).map((h) => h.size))];
  }

  /** A head signed or witnessed beyond the entries storage holds: the log was truncated. */
  beyond(size: number): Bad | null {
    const h = this.#heads.find((x) => x.size > size);
    return h ? { index: size, what: 'log', reason: `${h.label} covers ${h.size} entries, but storage holds only ${size} (truncated)` } : null;
  }
}
