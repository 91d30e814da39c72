import { DomainError, invalid, isCountryCode, KernelErrors, newId, notFound } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import { countryExists, insertCountry, insertEngagements, insertStatusChanges, selectCountries, selectEngagements, updateCountry } from './country.store.js';
import { presentEngagement } from './present.js';
import { RepatriationErrors } from './repatriation.errors.js';
import {
  STATUS_TRANSITIONS, ZEngagementRequest, ZStatusRequest, type CountryStatus, type TCountrySummary, type TEngagement, type TEngagementRequest,
  type TStatusRequest,
} from './repatriation.schemas.js';
import { canMove } from './rules.js';
import { countrySummary } from './countries.js';

/** The engagement log and a country's status: what diplomats record. */

/** @throws DomainError INVALID_INPUT on field `country`. */
export function requireCountry(country: string): void {
  if (!isCountryCode(country)) throw invalid('country', 'not an ISO 3166-1 alpha-3 country code');
}

/** A date or instant as the stored instant (a date is the start of that day, UTC). */
function instantOf(when: string | undefined, now: string): string {
  if (when === undefined) return now;
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T00:00:00.000Z` : when).toISOString();
}

/**
 * Records a meeting, note verbale, request or answer with a country of origin, marked as given (the caller's
 * country is the originator). An engagement never changes the country's status by itself: that is a decision,
 * recorded with `setCountryStatus`. Requires `repatriation:write`. Audited.
 * @throws DomainError INVALID_INPUT (country, a field, a date in the future, a marking above the caller's clearance).
 */
export async function recordEngagement(ctx: Ctx, country: string, raw: TEngagementRequest): Promise<TEngagement> {
  requirePermission(ctx.principal, 'repatriation:write');
  requireCountry(country);
  const input = ZEngagementRequest.parse(raw);
  const now = ctx.clock.now().toISOString();
  const at = instantOf(input.at, now);
  if (at > now) throw invalid('at', 'is in the future');
  return inTransaction(ctx.db, async (trx) => {
    const markingId = await markingFor(ctx, trx, input.marking);
    const row = {
      id: newId(ctx.clock.now().getTime()), country, kind: input.kind, at, summary: input.summary, body: input.body ?? null,
      counterpart: input.counterpart ?? null, reference: input.reference ?? null, outcome: input.outcome ?? null, due_by: input.dueBy ?? null,
      marking_id: markingId, recorded_by: ctx.principal.username, recorded_at: now,
    };
    await insertEngagements(trx, [row]);
    await ctx.audit.record(trx, { action: 'repatriation.engagement.record', subjectType: 'country', subjectId: country, details: { engagement: row.id, kind: input.kind } });
    const [stored] = await selectEngagements(trx, await scopeFor(trx, ctx.principal), { id: row.id });
    return presentEngagement(stored!);
  });
}

/**
 * Interns a marking for a record the caller writes; the caller must be able to see what they mark.
 * @throws DomainError INVALID_INPUT on field `marking` when the marking is above the caller's clearance or
 *   excludes the caller's country.
 */
async function markingFor(ctx: Ctx, db: Db, marking: ReturnType<typeof ZEngagementRequest.parse>['marking']): Promise<number> {
  const id = await internMarking(db, marking, ctx.principal.country);
  if (!(await scopeFor(db, ctx.principal)).markingIds.includes(id)) throw invalid('marking', 'you could not read a record so marked (above your clearance, or not releasable to you)');
  return id;
}

/**
 * Moves a country of origin to a new status (only along STATUS_TRANSITIONS; a country without a record starts
 * at `not-contacted`, and its first record needs a marking) and optionally replaces its conditions; every change
 * is kept in the status history. Optimistic: with `version`, refused if the record changed since. Requires
 * `repatriation:write`. Audited.
 * @throws DomainError INVALID_INPUT, NOT_FOUND (a record the caller may not see), REPATRIATION_BAD_TRANSITION,
 *   STALE_VERSION.
 */
export async function setCountryStatus(ctx: Ctx, country: string, raw: TStatusRequest): Promise<TCountrySummary> {
  requirePermission(ctx.principal, 'repatriation:write');
  requireCountry(country);
  const input = ZStatusRequest.parse(raw);
  const now = ctx.clock.now().toISOString();
  await inTransaction(ctx.db, async (trx) => {
    const [current] = await selectCountries(trx, await scopeFor(trx, ctx.principal), { country });
    if (!current && (await countryExists(trx, country))) throw notFound('country', country);
    const from = (current?.status ?? 'not-contacted') as CountryStatus;
    if (!canMove(from, input.status)) {
      const allowed = STATUS_TRANSITIONS[from].join(', ');
      throw new DomainError('conflict', RepatriationErrors.REPATRIATION_BAD_TRANSITION, `status: ${country} cannot move from ${from} to ${input.status} (allowed: ${allowed})`, { field: 'status', reason: `not allowed from ${from}`, allowed: STATUS_TRANSITIONS[from] });
    }
    if (input.version !== undefined && input.version !== (current?.version ?? 0)) {
      throw new DomainError('conflict', KernelErrors.STALE_VERSION, `version: ${country} is at version ${current?.version ?? 0}, not ${input.version}`, { field: 'version', reason: 'stale', current: current?.version ?? 0 });
    }
    if (!current && !input.marking) throw invalid('marking', 'required for the first record of a country');
    const markingId = input.marking ? await markingFor(ctx, trx, input.marking) : current!.marking_id;
    const conditions = JSON.stringify(input.conditions ? [...new Set(input.conditions)] : current ? JSON.parse(current.conditions) : []);
    const set = { status: input.status, conditions, marking_id: markingId, updated_at: now, updated_by: ctx.principal.username };
    if (!current) await insertCountry(trx, { country, ...set, version: 1 });
    else if (!(await updateCountry(trx, country, current.version, set))) {
      throw new DomainError('conflict', KernelErrors.STALE_VERSION, `${country} changed meanwhile; read it again`, { field: 'version', reason: 'stale' });
    }
    await insertStatusChanges(trx, [{ id: newId(ctx.clock.now().getTime()), country, from_status: from, to_status: input.status, at: now, by: ctx.principal.username, note: input.note ?? null, marking_id: markingId }]);
    await ctx.audit.record(trx, { action: 'repatriation.country.status', subjectType: 'country', subjectId: country, details: { from, to: input.status, conditions: JSON.parse(conditions) as string[] } });
  });
  return countrySummary(ctx, country);
}
