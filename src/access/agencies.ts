import { z } from 'zod';
import { DomainError, isCountryCode, newId } from '../kernel/index.js';
import { classifyDbError, inTransaction, type Db } from '../store/index.js';
import { AccessErrors } from './access.errors.js';
import type { Ctx } from './context.js';
import { requirePermission } from './principal.js';

/** The kinds of agency in a coordination cell. */
export const AGENCY_KINDS = [
  'diplomatic', 'intelligence', 'military', 'embassy', 'law-enforcement', 'holding-force',
  'justice', 'counter-terrorism', 'humanitarian', 'child-protection',
] as const;

export const ZCountryCode = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });

export const ZAgency = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  kind: z.enum(AGENCY_KINDS),
});
export type TAgency = z.infer<typeof ZAgency>;

export const ZAddAgencyRequest = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9-]{1,15}$/, 'uppercase letters, digits and hyphens, 2–16 characters'),
  name: z.string().trim().min(2).max(200),
  country: ZCountryCode,
  kind: z.enum(AGENCY_KINDS),
});
export type TAddAgencyRequest = z.infer<typeof ZAddAgencyRequest>;

function toAgency(r: { id: string; code: string; name: string; country: string; kind: string }): TAgency {
  return ZAgency.parse(r);
}

/** Every agency. Agencies are not marked: who takes part in the cell is known to all its members. */
export async function listAgencies(db: Db): Promise<TAgency[]> {
  const rows = await db.selectFrom('agencies').select(['id', 'code', 'name', 'country', 'kind']).orderBy('code').execute();
  return rows.map(toAgency);
}

/** The agency with `code`, or undefined. */
export async function findAgencyByCode(db: Db, code: string): Promise<TAgency | undefined> {
  const r = await db.selectFrom('agencies').select(['id', 'code', 'name', 'country', 'kind']).where('code', '=', code).executeTakeFirst();
  return r ? toAgency(r) : undefined;
}

/**
 * Adds an agency. Requires `users:manage`.
 * @throws DomainError ACCESS_DUPLICATE_AGENCY when the code is taken.
 */
export async function addAgency(ctx: Ctx, input: TAddAgencyRequest): Promise<TAgency> {
  requirePermission(ctx.principal, 'users:manage');
  const agency: TAgency = { ...input, id: newId(ctx.clock.now().getTime()) };
  try {
    await inTransaction(ctx.db, async (trx) => {
      await trx.insertInto('agencies').values({ ...agency, created_at: ctx.clock.now().toISOString() }).execute();
      await ctx.audit.record(trx, { action: 'agency.add', subjectType: 'agency', subjectId: agency.id, details: { code: agency.code } });
    });
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') {
      throw new DomainError('conflict', AccessErrors.ACCESS_DUPLICATE_AGENCY, `agency code ${input.code} is taken`, { field: 'code', reason: 'already exists' });
    }
    throw e;
  }
  return agency;
}

/** Adds many agencies on the caller's transaction (the scenario's cell). Requires `users:manage`. */
export async function bulkAddAgencies(ctx: Ctx, db: Db, agencies: TAgency[]): Promise<void> {
  requirePermission(ctx.principal, 'users:manage');
  if (agencies.length === 0) return;
  const now = ctx.clock.now().toISOString();
  await db.insertInto('agencies').values(agencies.map((a) => ({ ...ZAgency.parse(a), created_at: now }))).execute();
  await ctx.audit.record(db, { action: 'agency.bulk-add', subjectType: 'agency', details: { codes: agencies.map((a) => a.code) } });
}
