import canonicalizeModule from 'canonicalize';

/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no whitespace, numbers in
 * ECMAScript's shortest round-trip form, strings with JSON's minimal escaping. Custody entries and signed
 * payloads are hashed and signed over these bytes, so the same value always gives the same bytes.
 */

/** A value `canonicalJson` accepts: JSON data (plain objects, arrays, strings, finite numbers, booleans, null). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue | undefined };

type Serialize = (input: unknown) => string | undefined;
// canonicalize is CommonJS (`module.exports = fn`) with an ESM-style `export default` in its typings: Node hands
// ESM the function itself, TypeScript expects `{ default: fn }`, and bundlers differ. Accept either shape.
const loaded: unknown = canonicalizeModule;
const canonicalize = (typeof loaded === 'function' ? loaded : (loaded as { default: unknown }).default) as Serialize;

const LONE_SURROGATE = /\p{Cs}/u;

function fail(path: string, what: string): never {
  throw new TypeError(`canonicalJson: ${what} at ${path}`);
}

// canonicalize would silently turn these into something else (undefined → null in arrays, a Map → {}), or
// emit strings that are not valid Unicode, so the value is checked first.
function check(value: unknown, path: string, open: Set<object>): void {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) fail(path, 'a string with a lone surrogate');
      return;
    case 'number':
      if (!Number.isFinite(value)) fail(path, `the non-finite number ${String(value)}`);
      return;
    case 'boolean':
      return;
    case 'undefined':
      return fail(path, 'undefined');
    case 'object':
      break;
    case 'bigint':
    case 'function':
    case 'symbol':
      return fail(path, `a ${typeof value}`);
  }
  if (value === null) return;
  if (open.has(value)) fail(path, 'a cycle');
  open.add(value);
  if (Array.isArray(value)) {
    value.forEach((v: unknown, i) => check(v, `${path}[${i}]`, open));
  } else if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(path, 'an invalid date');
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) fail(path, 'an object that is not plain data');
    for (const [k, v] of Object.entries(value)) {
      if (LONE_SURROGATE.test(k)) fail(path, 'a key with a lone surrogate');
      // An undefined property is left out, as JSON.stringify does: `{ a: undefined }` and `{}` are one value.
      if (v !== undefined) check(v, `${path}.${k}`, open);
    }
  }
  open.delete(value);
}

/**
 * The RFC 8785 canonical JSON text of `value`. Properties whose value is `undefined` are omitted; a `Date`
 * becomes its ISO-8601 string.
 * @throws TypeError on `undefined` (at the top or in an array), NaN or ±Infinity, a bigint, symbol or function,
 *   a non-plain object (Map, Set, class instance), a cycle, or a string with a lone surrogate.
 * @example canonicalJson({ b: 1, a: [1e30, -0] }) // '{"a":[1e+30,0],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  check(value, '$', new Set());
  const text = canonicalize(value);
  if (text === undefined) return fail('$', 'a value with no JSON form');
  return text;
}

/** The UTF-8 bytes of `canonicalJson(value)`: what gets hashed and signed. @throws TypeError as `canonicalJson`. */
export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
