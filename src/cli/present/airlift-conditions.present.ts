import { describeConditions, type TAirliftInstance, type TConditionByHand } from '../../airlift/index.js';

/** One condition to check by hand, as a line. */
export function byHandLine(c: TConditionByHand): string {
  const where = [c.destination, c.agreement !== undefined ? `agreement ${c.agreement}` : undefined].filter(Boolean).join(', ');
  return `  ${where ? `${where}: ` : ''}${c.kind}: ${c.text}${c.reason ? ` (${c.reason})` : ''}`;
}

/**
 * The agreement conditions a plan keeps (extension rules x-2 … x-5) and those a person must check by hand,
 * as lines for the terminal; none when the instance has no condition.
 */
export function conditionLines(instance: TAirliftInstance): string[] {
  const { rules, byHand } = describeConditions(instance);
  const lines: string[] = [];
  if (rules.length > 0) {
    lines.push(`agreement conditions kept (${rules.length}):`);
    for (const r of rules) lines.push(`  rule ${r.rule} ${r.kind} at ${r.destination}${r.agreement !== undefined ? ` (agreement ${r.agreement})` : ''}: ${r.summary}`);
  }
  if (byHand.length > 0) {
    lines.push(`conditions to check by hand (${byHand.length}):`);
    lines.push(...byHand.map(byHandLine));
  }
  return lines;
}
