import { z } from 'zod';
import { isCountryCode } from './countries.js';
import { invalid, isDomainError } from './errors.js';

/**
 * Classification markings: a level, a releasability and need-to-know caveat groups. Text form
 * `LEVEL[//CAVEAT/CAVEAT][//REL TO AAA, BBB | //NOFORN]`, e.g. `TS//SI/HCS//REL TO GBR, USA`; a paragraph
 * carries it in parentheses as its portion mark. `canSee` is the one access rule the data layer applies.
 */

/** The classification levels, lowest first. */
export const LEVELS = ['U', 'C', 'S', 'TS'] as const;
/** A classification level: U < C < S < TS. */
export type Level = (typeof LEVELS)[number];

/** The full words of each level, as a banner shows them. */
export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  U: 'UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/** The rank of a level: U 0, C 1, S 2, TS 3. */
export function levelRank(l: Level): 0 | 1 | 2 | 3 {
  return LEVELS.indexOf(l) as 0 | 1 | 2 | 3;
}

/** True when `s` is a level abbreviation (`U`, `C`, `S`, `TS`). */
export function isLevel(s: string): s is Level {
  return (LEVELS as readonly string[]).includes(s);
}

/**
 * Who may receive a record beyond its originator's country: everyone (no dissemination control), the countries
 * of a REL TO list (ISO 3166-1 alpha-3, uppercase, sorted, unique, never empty), or no foreign country.
 */
export type Releasability = { kind: 'all' } | { kind: 'rel'; countries: string[] } | { kind: 'noforn' };

/** A record's marking. `caveats` are need-to-know groups (`SI`, `HCS`): uppercase, sorted, unique. */
export interface Marking {
  level: Level;
  rel: Releasability;
  caveats: string[];
}

/** The marking of unmarked, freely releasable data. */
export const UNCLASSIFIED: Readonly<Marking> = Object.freeze({
  level: 'U',
  rel: Object.freeze({ kind: 'all' }),
  caveats: Object.freeze([]) as unknown as string[], // frozen: a shared constant nobody may change
});

const CAVEAT_RE = /^[A-Z][A-Z0-9-]{0,31}$/;
const FULL_NAMES = new Map<string, Level>(LEVELS.map((l) => [LEVEL_NAMES[l], l]));

function uniqueSorted(xs: readonly string[]): string[] {
  return [...new Set(xs)].sort();
}

/** The same marking with its country and caveat lists uppercased, sorted and deduplicated. Does not validate. */
export function normalizeMarking(m: Marking): Marking {
  const rel: Releasability =
    m.rel.kind === 'rel' ? { kind: 'rel', countries: uniqueSorted(m.rel.countries.map((c) => c.toUpperCase())) } : { kind: m.rel.kind };
  return { level: m.level, rel, caveats: uniqueSorted(m.caveats.map((c) => c.toUpperCase())) };
}

function parseCountries(list: string, field: string): string[] {
  const codes = list.split(',').map((c) => c.trim());
  if (codes.length === 1 && codes[0] === '') throw invalid(field, 'REL TO lists no country');
  for (const c of codes) {
    if (c === '') throw invalid(field, 'empty country code in REL TO list');
    if (!isCountryCode(c)) throw invalid(field, `"${c}" is not an ISO 3166-1 alpha-3 country code`);
  }
  return uniqueSorted(codes);
}

/** True when `c` is a well-formed caveat: 1 to 32 of A–Z, 0–9, hyphen, starting with a letter; not `NOFORN`. */
export function isCaveat(c: string): boolean {
  return CAVEAT_RE.test(c) && c !== 'NOFORN';
}

function checkCaveat(c: string, field: string): void {
  if (!isCaveat(c)) {
    throw invalid(field, `bad caveat "${c}": caveats are 1 to 32 capital letters, digits or hyphens, starting with a letter`);
  }
}

/**
 * Parses a marking in banner or portion form: `(S//REL TO USA, IRQ)`, `S//REL TO USA, IRQ`, `U`, `C//NOFORN`,
 * `TS//SI/HCS//REL TO USA, GBR`, `SECRET//NOFORN`. Case and extra spaces are tolerated. Caveats and dissemination
 * controls may share a `/`-separated segment; the result is normalized.
 * @throws DomainError (invalid, on `field`) naming the fault: unknown level, bad country code, empty REL TO,
 *   REL TO with NOFORN, a repeated REL TO, or a bad caveat.
 */
export function parseMarking(text: string, field = 'marking'): Marking {
  let t = text.replace(/\s+/g, ' ').trim().toUpperCase();
  if (t.startsWith('(') !== t.endsWith(')')) throw invalid(field, 'unbalanced parentheses');
  if (t.startsWith('(')) t = t.slice(1, -1).trim();
  if (t === '') throw invalid(field, 'empty marking');
  const [head = '', ...rest] = t.split('//').map((s) => s.trim());
  const level = isLevel(head) ? head : FULL_NAMES.get(head);
  if (level === undefined) throw invalid(field, `unknown classification level "${head}" (expected U, C, S or TS)`);
  const caveats: string[] = [];
  let countries: string[] | undefined;
  let noforn = false;
  for (const segment of rest) {
    if (segment === '') throw invalid(field, 'empty segment between "//" separators');
    for (const raw of segment.split('/').map((s) => s.trim())) {
      if (raw === 'NOFORN') {
        noforn = true;
      } else if (raw === 'REL TO' || raw.startsWith('REL TO ')) {
        if (countries) throw invalid(field, 'REL TO given more than once');
        countries = parseCountries(raw.slice('REL TO'.length), field);
      } else {
        checkCaveat(raw, field);
        caveats.push(raw);
      }
    }
  }
  if (noforn && countries) throw invalid(field, 'REL TO and NOFORN cannot be combined');
  const rel: Releasability = countries ? { kind: 'rel', countries } : noforn ? { kind: 'noforn' } : { kind: 'all' };
  return { level, rel, caveats: uniqueSorted(caveats) };
}

function controls(m: Marking): string {
  const parts: string[] = [];
  if (m.caveats.length > 0) parts.push(m.caveats.join('/'));
  if (m.rel.kind === 'rel') parts.push(`REL TO ${m.rel.countries.join(', ')}`);
  if (m.rel.kind === 'noforn') parts.push('NOFORN');
  return parts.map((p) => `//${p}`).join('');
}

/** The canonical text of a marking: `S//SI/HCS//REL TO GBR, USA` (lists sorted). `parseMarking` reads it back. */
export function formatMarking(m: Marking): string {
  const n = normalizeMarking(m);
  return `${n.level}${controls(n)}`;
}

/** The portion mark of a paragraph: `(S//REL TO IRQ, USA)`. */
export function portionMark(m: Marking): string {
  return `(${formatMarking(m)})`;
}

/** The banner line of a document with this (combined) marking, in full words: `SECRET//SI//REL TO IRQ, USA`. */
export function formatBanner(m: Marking): string {
  const n = normalizeMarking(m);
  return `${LEVEL_NAMES[n.level]}${controls(n)}`;
}

/**
 * The marking of a document combining `markings`: the highest level, the intersection of the REL TO lists
 * (`all` is the identity; NOFORN, or an empty intersection, gives NOFORN) and the union of the caveats.
 * Commutative and associative; an empty list gives UNCLASSIFIED with no controls.
 */
export function bannerOf(markings: readonly Marking[]): Marking {
  let level: Level = 'U';
  let allowed: Set<string> | undefined; // undefined: no REL TO seen yet ('all')
  const caveats = new Set<string>();
  for (const m of markings) {
    if (levelRank(m.level) > levelRank(level)) level = m.level;
    for (const c of m.caveats) caveats.add(c.toUpperCase());
    if (m.rel.kind === 'noforn') allowed = new Set();
    if (m.rel.kind === 'rel') {
      const these = new Set(m.rel.countries.map((c) => c.toUpperCase()));
      allowed = allowed ? new Set([...allowed].filter((c) => these.has(c))) : these;
    }
  }
  const rel: Releasability =
    allowed === undefined ? { kind: 'all' } : allowed.size === 0 ? { kind: 'noforn' } : { kind: 'rel', countries: uniqueSorted([...allowed]) };
  return { level, rel, caveats: uniqueSorted([...caveats]) };
}

/** What `canSee` needs to know of a viewer: clearance, country (ISO alpha-3) and need-to-know groups. */
export interface Viewer {
  clearance: Level;
  country: string;
  groups: readonly string[];
}

/**
 * THE access rule for marked data: the viewer's clearance is at least the level; and the marking has no
 * dissemination control, or the viewer's country is in its REL TO list, or is the originator's country (the
 * only country NOFORN admits); and the viewer holds every caveat group. Pure; roles are checked elsewhere.
 */
export function canSee(viewer: Viewer, m: Marking, originatorCountry: string): boolean {
  if (levelRank(viewer.clearance) < levelRank(m.level)) return false;
  const home = viewer.country === originatorCountry;
  if (m.rel.kind === 'noforn' && !home) return false;
  if (m.rel.kind === 'rel' && !home && !m.rel.countries.includes(viewer.country)) return false;
  return m.caveats.every((c) => viewer.groups.includes(c));
}

/** Zod schema of a level abbreviation. */
export const ZLevel = z.enum(LEVELS);

/** Zod schema of a releasability in object form; REL TO lists are checked and normalized. */
export const ZReleasability = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({
    kind: z.literal('rel'),
    countries: z
      .array(z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' }))
      .min(1, { message: 'REL TO lists no country' })
      .transform(uniqueSorted),
  }),
  z.object({ kind: z.literal('noforn') }),
]);

/** Zod schema of a marking in object form; the output is normalized (lists sorted and unique). */
export const ZMarking = z.object({
  level: ZLevel,
  rel: ZReleasability,
  caveats: z.array(z.string().refine(isCaveat, { message: 'bad caveat' })).transform(uniqueSorted),
});

/** Zod schema of a marking in text form (`S//REL TO USA, IRQ`), parsed by `parseMarking`; faults become issues. */
export const ZMarkingText = z.string().transform((text, ctx): Marking => {
  try {
    return parseMarking(text);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    ctx.addIssue({ code: 'custom', message: e.details.reason ?? e.message, input: text });
    return z.NEVER;
  }
});

/** A marking as validated by `ZMarking`. */
export type TMarking = z.infer<typeof ZMarking>;
