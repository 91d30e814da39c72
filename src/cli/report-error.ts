import { z } from 'zod';
import { isDomainError, KernelErrors, type FieldIssue } from '../kernel/index.js';
import { USAGE_CODE, UsageError } from './exit-codes.js';

/** An error as the CLI reports it: the same fields whether printed for a person or as JSON. */
export interface ErrorReport {
  code: string;
  message: string;
  field: string | null;
  reason: string | null;
  issues: FieldIssue[];
}

function zodIssues(e: z.ZodError): FieldIssue[] {
  return e.issues.map((i) => ({ field: i.path.map(String).join('.'), reason: i.message }));
}

/** Describes any thrown value; internal failures keep their message, which never holds marked data. */
export function reportOf(e: unknown): ErrorReport {
  if (e instanceof UsageError) {
    const first = e.issues[0];
    return { code: USAGE_CODE, message: e.message, field: first?.field ?? null, reason: first?.reason ?? null, issues: e.issues };
  }
  if (isDomainError(e)) {
    const { field, reason } = e.details;
    // An invalid input always names its field, even when the thrower gave no issue list.
    const single = e.kind === 'invalid' && field !== undefined && reason !== undefined ? [{ field, reason }] : [];
    const issues = Array.isArray(e.details.issues) ? e.details.issues : single;
    return { code: e.code, message: e.message, field: e.details.field ?? null, reason: e.details.reason ?? null, issues };
  }
  if (e instanceof z.ZodError) {
    const issues = zodIssues(e);
    const first = issues[0];
    const message = issues.map((i) => `${i.field || 'input'}: ${i.reason}`).join('; ');
    return { code: KernelErrors.INVALID_INPUT, message, field: first?.field ?? null, reason: first?.reason ?? null, issues };
  }
  const message = e instanceof Error ? e.message : String(e);
  return { code: KernelErrors.INTERNAL, message, field: null, reason: null, issues: [] };
}

/** The text written to stderr: `error: <message>` and one indented line per field issue, or one JSON object. */
export function formatError(e: unknown, json: boolean): string {
  const r = reportOf(e);
  if (json) return `${JSON.stringify({ error: r })}\n`;
  const lines = [`error: ${r.message}`];
  // A lone issue that only repeats the message (`limit: …` under `limit: …`) is not printed twice.
  const repeats = r.issues.length === 1 && [r.issues[0]?.reason, `${r.issues[0]?.field}: ${r.issues[0]?.reason}`].includes(r.message);
  if (!repeats) lines.push(...r.issues.map((i) => `  ${i.field || 'input'}: ${i.reason}`));
  return `${lines.join('\n')}\n`;
}
