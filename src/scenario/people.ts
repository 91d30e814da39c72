import type { Prng } from './prng.js';

/** Helpers shared by the detainee and camp generators: dates of birth and keep-apart groups. */

const DAY_MS = 86_400_000;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * `YYYY-MM-DD` of an instant (UTC), for years 1000–9999. Integer arithmetic (Hinnant's civil-from-days) rather
 * than `Date#toISOString`, which costs a tenth of the whole generator's time at a million dates.
 */
export function isoDate(ms: number): string {
  const z = Math.floor(ms / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

// The last birthday before the epoch of someone `age` years old, and the days in that year of age; cached,
// since Date arithmetic per person costs a tenth of the generator's time.
let cachedEpoch = Number.NaN;
const cachedBirthdays: [number, number][] = [];
function birthdays(epochMs: number, age: number): [number, number] {
  if (epochMs !== cachedEpoch) {
    cachedEpoch = epochMs;
    cachedBirthdays.length = 0;
  }
  let hit = cachedBirthdays[age];
  if (!hit) {
    const epoch = new Date(epochMs);
    const last = Date.UTC(epoch.getUTCFullYear() - age, epoch.getUTCMonth(), epoch.getUTCDate());
    const prev = Date.UTC(epoch.getUTCFullYear() - age - 1, epoch.getUTCMonth(), epoch.getUTCDate());
    hit = [last, Math.round((last - prev) / DAY_MS)];
    cachedBirthdays[age] = hit;
  }
  return hit;
}

/**
 * A date of birth for someone `age` whole years old at `epochMs`: a uniformly drawn day within that year of age,
 * so the person is exactly `age` on the epoch.
 */
export function birthForAge(rng: Prng, epochMs: number, age: number): { ms: number; date: string; year: number } {
  const [lastBirthday, days] = birthdays(epochMs, age);
  const ms = lastBirthday - rng.int(0, days - 1) * DAY_MS;
  const date = isoDate(ms);
  return { ms, date, year: Number(date.slice(0, 4)) };
}

/** A date `days` after (or before, when negative) a `YYYY-MM-DD` date. */
export function shiftDate(date: string, days: number): string {
  return isoDate(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS);
}

interface Group {
  id: string;
  size: number;
  target: number;
}

/**
 * Forms keep-apart groups (co-defendants, rival factions) of 2 to 6 detainees while the detainees stream past:
 * a detainee sometimes opens a group, and later ones join open groups until each reaches its size. About
 * `share` of all detainees end up in a group. No group is ever left with a single member: when the stream is
 * about to end, the remaining detainees complete the groups that still need a second member.
 */
export class KeepApartGroups {
  readonly #open: Group[] = [];
  readonly #startChance: number;
  #next = 1;

  /** Groups for about `share` of the detainees. */
  constructor(share = 0.05) {
    this.#startChance = share / 4; // a group averages four members; some close early when the stream ends
  }

  #deficit(): number {
    return this.#open.reduce((s, g) => s + Math.max(0, 2 - g.size), 0);
  }

  /** The groups of the next detainee, given how many more detainees follow this one. */
  assign(rng: Prng, remainingAfter: number): string[] {
    const deficit = this.#deficit();
    const mustJoin = deficit > 0 && remainingAfter < deficit;
    if (this.#open.length > 0 && (mustJoin || rng.chance(0.25))) {
      const candidates = mustJoin ? this.#open.filter((g) => g.size < 2) : this.#open;
      const g = rng.pick(candidates);
      g.size++;
      if (g.size >= g.target || remainingAfter === 0) this.#open.splice(this.#open.indexOf(g), 1);
      return [g.id];
    }
    if (remainingAfter > deficit && rng.chance(this.#startChance)) {
      const id = `KA-${String(this.#next++).padStart(4, '0')}`;
      this.#open.push({ id, size: 1, target: rng.int(2, 6) });
      return [id];
    }
    return [];
  }
}
