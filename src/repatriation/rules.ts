import { STATUS_TRANSITIONS, type Condition, type CountryStatus } from './repatriation.schemas.js';

/** The pure rules of repatriation: status transitions and the conditions a batch member must meet. */

/** True when a country may move from `from` to `to` (a status never moves to itself). */
export function canMove(from: CountryStatus, to: CountryStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** What the conditions look at in one member of a batch, as the planner may see it. */
export interface MemberFacts {
  kind: 'detainee' | 'resident';
  /** How the member is named in an error: an ISN, or a resident id. */
  label: string;
  /** `null` when unknown or withheld. */
  sex: string | null;
  /** Whole years on the batch's date; `null` when unknown or withheld. */
  age: number | null;
}

const ADULT = 18;

/**
 * Why `m` does not meet `condition` in a batch (with or without assurances), or null when it does. Unknown
 * ages and sexes never pass a condition about them: the country agreed to children, not to a guess.
 */
export function conditionFault(condition: Condition, m: MemberFacts, batch: { assurances: string | null }): string | null {
  switch (condition) {
    case 'children-only':
      if (m.age === null) return `${m.kind} ${m.label}: age unknown, and the country takes children only`;
      return m.age < ADULT ? null : `${m.kind} ${m.label} is ${m.age}, an adult, and the country takes children only`;
    case 'women-and-children':
      if (m.age !== null && m.age < ADULT) return null;
      if (m.age === null) return `${m.kind} ${m.label}: age unknown, and the country takes women and children only`;
      if (m.sex === null) return `${m.kind} ${m.label}: sex unknown, and the country takes women and children only`;
      return m.sex === 'F' ? null : `${m.kind} ${m.label} is an adult man, and the country takes women and children only`;
    case 'residents-only':
      return m.kind === 'resident' ? null : `detainee ${m.label}: the country takes camp residents only`;
    case 'detainees-only':
      return m.kind === 'detainee' ? null : `resident ${m.label}: the country takes detainees only`;
    case 'prosecution-assurances':
      return m.kind === 'resident' || batch.assurances !== null ? null : `detainee ${m.label}: the country's prosecution assurances must be cited (assurances)`;
    case 'identity-confirmed':
      return m.age !== null ? null : `${m.kind} ${m.label}: no date or year of birth is known, and the country asks for confirmed identities`;
  }
}

/** Every fault of every member against every condition, in member order: `[index, condition, reason]`. */
export function batchFaults(conditions: readonly Condition[], members: readonly MemberFacts[], batch: { assurances: string | null }): { index: number; condition: Condition; reason: string }[] {
  const out: { index: number; condition: Condition; reason: string }[] = [];
  members.forEach((m, index) => {
    for (const condition of conditions) {
      const reason = conditionFault(condition, m, batch);
      if (reason) out.push({ index, condition, reason });
    }
  });
  return out;
}

/** Whole years between a birth (date, or year taken as 1 July) and `date`; null when unknown. */
export function ageAt(birth: { date: string | null; year: number | null }, date: string): number | null {
  const ref = birth.date ?? (birth.year !== null ? `${String(birth.year).padStart(4, '0')}-07-01` : null);
  if (ref === null) return null;
  const years = Number(date.slice(0, 4)) - Number(ref.slice(0, 4));
  return date.slice(5, 10) < ref.slice(5, 10) ? years - 1 : years;
}
