import { parseMarking, portionMark } from '../../../src/kernel/markings.js';

function textOf(marking: string): string {
  try {
    return portionMark(parseMarking(marking));
  } catch {
    return `(${marking})`;
  }
}

/** A paragraph's portion mark, e.g. `(C//REL TO IRQ, USA)`, set before the portion it marks. */
export function PortionMark({ marking }: { marking: string }) {
  return (
    <span className="portion-mark" title="Portion marking">
      {textOf(marking)}
    </span>
  );
}
