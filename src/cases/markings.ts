import { parseMarking, type Marking } from '../kernel/index.js';

/** A stored marking text back to a marking (stored texts are canonical, so this never fails on them). */
export function markingFromText(text: string): Marking {
  return parseMarking(text);
}
