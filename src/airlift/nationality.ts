import { z } from 'zod';
import type { TAirliftDetainee, TAirliftInstance } from './airlift.schemas.js';

/**
 * Extension rule `x-1` (docs/airlift.md, Extensions): a detainee's nationality (`x-nationality` on the
 * detainee) and the per-nationality daily quotas of signed agreements (`x-nationalityQuotas` on the instance).
 * Detainees of nationality N arriving at destination D on one UTC calendar day ≤ every `perDay` listed for
 * (D, N). A nationality no entry names for D is not limited there by this rule. Browser-safe.
 */

/** One per-nationality quota: at most `perDay` detainees of `nationality` arriving at `destination` per UTC day. */
export const ZNationalityQuota = z.strictObject({
  destination: z.string().min(1),
  nationality: z.string().min(1),
  perDay: z.number().int().min(0),
  /** The agreement that sets it, when known. */
  agreement: z.string().optional(),
});
export type TNationalityQuota = z.infer<typeof ZNationalityQuota>;

/** The instance's per-nationality quotas; an absent or malformed `x-nationalityQuotas` gives none (the checker reports a malformed one). */
export function nationalityQuotasOf(instance: TAirliftInstance): TNationalityQuota[] {
  const raw = instance['x-nationalityQuotas'];
  if (raw === undefined) return [];
  const parsed = z.array(ZNationalityQuota).safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** A detainee's nationality (`x-nationality`), or undefined when absent. */
export function nationalityOf(d: TAirliftDetainee): string | undefined {
  const n = d['x-nationality'];
  return typeof n === 'string' && n.length > 0 ? n : undefined;
}

/** The tightest per-nationality quota per destination: destination → nationality → perDay. */
export function nationalityCaps(quotas: readonly TNationalityQuota[]): Map<string, Map<string, number>> {
  const caps = new Map<string, Map<string, number>>();
  for (const q of quotas) {
    let byNat = caps.get(q.destination);
    if (!byNat) caps.set(q.destination, (byNat = new Map<string, number>()));
    byNat.set(q.nationality, Math.min(q.perDay, byNat.get(q.nationality) ?? Infinity));
  }
  return caps;
}
