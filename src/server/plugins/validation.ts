import { invalidMany, type DomainError, type FieldIssue } from '../../kernel/index.js';

/**
 * Zod issues (from the route schemas, or thrown by a use case's own parse) turned into field issues that
 * name every field at fault by its dotted path inside the input: `nameLatin`, `aliases.0.kind`.
 */

/** The parts of a zod issue this needs; both zod's own issues and fastify's validation entries give them. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Where a request part is named when the fault is the whole part (`body`, `query`, `params`, `headers`). */
export type RequestPart = 'body' | 'querystring' | 'params' | 'headers';

const PART_NAME: Readonly<Record<RequestPart, string>> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

// Header names are case-insensitive; answer in their usual spelling (`Idempotency-Key`).
function headerName(h: string): string {
  return h.split('-').map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join('-');
}

function reasonOf(issue: IssueLike): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required';
  return issue.message;
}

/** Every field at fault in a list of zod issues; unknown keys of a strict object are each named. */
export function fieldIssues(issues: readonly IssueLike[], part: RequestPart = 'body'): FieldIssue[] {
  const out: FieldIssue[] = [];
  const name = (path: readonly PropertyKey[]) => {
    const dotted = path.map(String).join('.');
    if (!dotted) return PART_NAME[part];
    return part === 'headers' ? headerName(dotted) : dotted;
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys && issue.keys.length > 0) {
      for (const key of issue.keys) out.push({ field: name([...issue.path, key]), reason: 'unknown field' });
      continue;
    }
    out.push({ field: name(issue.path), reason: reasonOf(issue) });
  }
  return out;
}

/** A fastify validation entry (from fastify-type-provider-zod) back to the issue it came from. */
export function issueOfValidation(v: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }): IssueLike {
  const path = v.instancePath.split('/').filter((s) => s !== '');
  const keys = Array.isArray(v.params.keys) ? (v.params.keys as unknown[]).map(String) : undefined;
  return { code: v.keyword, path, message: v.message ?? 'invalid', ...(keys ? { keys } : {}) };
}

/** The INVALID_INPUT error naming every field at fault. */
export function invalidInput(issues: readonly IssueLike[], part: RequestPart = 'body'): DomainError {
  return invalidMany(fieldIssues(issues, part));
}
