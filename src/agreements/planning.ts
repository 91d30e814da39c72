import { can, scopeFor, type Ctx } from '../access/index.js';
import { selectAgreements, selectHistory } from './agreement.store.js';
import type { TPlanningConstraints } from './agreements.schemas.js';
import { presentAgreement } from './present.js';

/**
 * What signed agreements impose on an airlift plan starting at `atIso`: each signed agreement the caller may
 * see and whose validity covers that day gives a quota on its receiving facility (per day), and its
 * per-nationality quotas and conditions. Empty without `agreements:read`.
 */
export async function planningConstraints(ctx: Ctx, atIso: string): Promise<TPlanningConstraints> {
  if (!can(ctx.principal, 'agreements:read')) return { quotas: [], agreements: [] };
  const scope = await scopeFor(ctx.db, ctx.principal);
  const rows = await selectAgreements(ctx.db, scope, { status: 'signed' });
  const day = atIso.slice(0, 10);
  const history = await selectHistory(ctx.db, rows.map((r) => r.id));
  const valid = rows.map((r) => presentAgreement(r, history)).filter((a) => a.validFrom <= day && (a.validTo === null || a.validTo >= day));
  return {
    quotas: valid.flatMap((a) => {
      // A nationality-only agreement still caps the day: at most the sum of its nationality quotas.
      const sum = Object.values(a.nationalityQuotas).reduce((s, n) => s + n, 0);
      const perDay = a.perDay ?? (Object.keys(a.nationalityQuotas).length > 0 ? sum : null);
      return perDay === null ? [] : [{ destination: a.destination, perDay }];
    }),
    agreements: valid.map((a) => ({ code: a.code, destination: a.destination, perDay: a.perDay, nationalityQuotas: a.nationalityQuotas, conditions: a.conditions, validFrom: a.validFrom, validTo: a.validTo })),
  };
}
