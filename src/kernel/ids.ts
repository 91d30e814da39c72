import { monotonicFactory, decodeTime, type PRNG } from 'ulid';

/**
 * Identifiers. Detainees carry an internment serial number (ISN) such as `SP-IQ-000123`: prefix, the
 * two-letter code of the detaining country, a zero-padded sequence. Everything else gets a ULID: 26
 * Crockford base-32 characters, sortable by creation time.
 */

const ISN_RE = /^SP-[A-Z]{2}-\d{6,9}$/;
const ULID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** True when `s` is a well-formed ISN. */
export function isIsn(s: string): boolean {
  return ISN_RE.test(s);
}

/** Formats an ISN from a country code (two letters) and a sequence number. */
export function formatIsn(country2: string, seq: number): string {
  if (!/^[A-Z]{2}$/.test(country2)) throw new RangeError(`ISN country must be two capital letters: ${country2}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 999_999_999) throw new RangeError(`ISN sequence out of range: ${seq}`);
  return `SP-${country2}-${String(seq).padStart(6, '0')}`;
}

/** Parses an ISN into its country code and sequence. @throws RangeError when malformed. */
export function parseIsn(isn: string): { country2: string; seq: number } {
  if (!isIsn(isn)) throw new RangeError(`not an ISN: ${isn}`);
  const [, country2, seq] = isn.split('-');
  return { country2: country2!, seq: Number(seq) };
}

/** True when `s` is a well-formed ULID. */
export function isUlid(s: string): boolean {
  return ULID_RE.test(s);
}

/** A generator of ULIDs; monotonic within one millisecond. */
export type IdGenerator = (atMs?: number) => string;

/** A ULID generator on the system's cryptographic random source. */
export function newIdGenerator(): IdGenerator {
  const next = monotonicFactory();
  return (atMs?: number) => next(atMs);
}

/** A ULID generator on a caller's random source (the scenario passes a seeded one, so ids repeat). */
export function seededIdGenerator(random: () => number): IdGenerator {
  const prng: PRNG = random;
  const next = monotonicFactory(prng);
  return (atMs?: number) => next(atMs);
}

const defaultGen = newIdGenerator();

/** A new ULID, timestamped now (or at `atMs`). */
export function newId(atMs?: number): string {
  return defaultGen(atMs);
}

/** The creation time encoded in a ULID. */
export function idTime(id: string): Date {
  return new Date(decodeTime(id));
}
