import { foldPieces, nodeHash, perfectPieces, type NodeRef } from './merkle.js';

/**
 * The right edge of a growing tree: the hashes of the perfect subtrees that make up its leaves so far (the
 * binary decomposition of its size, largest first). Appending a leaf merges equal-sized subtrees, and each
 * merge is a node that will never change again: those are what an entry row stores beside its leaf hash.
 */
export class Frontier {
  #stack: { level: number; hash: Buffer }[];
  #size: number;

  private constructor(size: number, stack: { level: number; hash: Buffer }[]) {
    this.#size = size;
    this.#stack = stack;
  }

  /** An empty tree. */
  static empty(): Frontier {
    return new Frontier(0, []);
  }

  /** The perfect subtrees whose hashes `fromHashes` needs for a tree of `size` leaves. */
  static piecesFor(size: number): NodeRef[] {
    return perfectPieces([0, size]);
  }

  /** The frontier of a tree of `size` leaves, from the hashes of `piecesFor(size)` in order. */
  static fromHashes(size: number, hashes: readonly Buffer[]): Frontier {
    const pieces = Frontier.piecesFor(size);
    if (pieces.length !== hashes.length) throw new Error('frontier: wrong number of hashes');
    return new Frontier(size, pieces.map((p, i) => ({ level: p.level, hash: hashes[i]! })));
  }

  get size(): number {
    return this.#size;
  }

  /** Appends a leaf hash; returns the hashes of the subtrees it completes, level 1 first (often none). */
  push(leaf: Buffer): Buffer[] {
    let hash = leaf;
    let level = 0;
    const completed: Buffer[] = [];
    for (let top = this.#stack.at(-1); top && top.level === level; top = this.#stack.at(-1)) {
      this.#stack.pop();
      hash = nodeHash(top.hash, hash);
      level += 1;
      completed.push(hash);
    }
    this.#stack.push({ level, hash });
    this.#size += 1;
    return completed;
  }

  /** The hashes of the perfect subtrees that make up the tree so far, largest (leftmost) first. */
  pieces(): Buffer[] {
    return this.#stack.map((s) => s.hash);
  }

  /** The root of the tree so far (the empty-tree hash when empty). */
  root(): Buffer {
    return foldPieces(this.#stack.map((s) => s.hash));
  }
}
