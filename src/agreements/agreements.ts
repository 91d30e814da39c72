import { DomainError, KernelErrors, bannerOf, canSee, conflict, formatMarking, levelRank, newId, notFound, parseMarking } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction, type Db } from '../store/index.js';
import {
  codeTaken, destinationInScope, insertAgreement, insertEvents, selectAgencies, selectAgreement, selectAgreements, selectHistory, updateStatus,
  type AgreementRow,
} from './agreement.store.js';
import { AgreementsErrors } from './agreements.errors.js';
import {
  REQUIRED_ASSURANCES, TRANSITIONS, ZAgreementInput, ZAgreementListQuery, ZTransitionRequest,
  type TAgreement, type TAgreementInput, type TAgreementListQuery, type TAgreementStatus, type TTransitionRequest,
} from './agreements.schemas.js';
import { presentAgreement } from './present.js';

/** Creating agreements, reading them, and moving them through their lifecycle. */

/** The agency kinds each party may be. */
const PARTY_KINDS = {
  holdingAgency: ['holding-force'],
  receivingAgency: ['justice', 'counter-terrorism'],
  airliftAgency: ['military'],
} as const;

async function authorMarking(ctx: Ctx, db: Db, text: string): Promise<number> {
  const m = parseMarking(text, 'marking');
  const p = ctx.principal;
  if (levelRank(m.level) > levelRank(p.clearance) || !canSee({ clearance: p.clearance, country: p.country, groups: p.groups }, m, p.country)) {
    throw new DomainError('invalid', AgreementsErrors.AGREEMENTS_MARKING_ABOVE_CALLER, `marking: ${text} is above what you may see`, { field: 'marking', reason: 'marking above the author\'s clearance, country or groups' });
  }
  return internMarking(db, m, p.country);
}

async function present(db: Db, rows: AgreementRow[]): Promise<TAgreement[]> {
  const history = await selectHistory(db, rows.map((r) => r.id));
  return rows.map((r) => presentAgreement(r, history));
}

/**
 * Records a new agreement as a draft: the three parties (holding force, receiving government, airlift command),
 * the receiving facility, dates, quotas per day and per nationality, assurances and conditions. Requires
 * `agreements:write`. Audited.
 * @throws DomainError AGREEMENTS_DUPLICATE_CODE, AGREEMENTS_UNKNOWN_PARTY, AGREEMENTS_UNKNOWN_DESTINATION, AGREEMENTS_MARKING_ABOVE_CALLER.
 */
export async function createAgreement(ctx: Ctx, raw: TAgreementInput): Promise<TAgreement> {
  requirePermission(ctx.principal, 'agreements:write');
  const input = ZAgreementInput.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const agencies = await selectAgencies(trx);
    const ids = {} as Record<keyof typeof PARTY_KINDS, string>;
    for (const field of Object.keys(PARTY_KINDS) as (keyof typeof PARTY_KINDS)[]) {
      const a = agencies.get(input[field]);
      const kinds: readonly string[] = PARTY_KINDS[field];
      if (!a || !kinds.includes(a.kind)) {
        throw new DomainError('invalid', AgreementsErrors.AGREEMENTS_UNKNOWN_PARTY, `${field}: ${a ? `${input[field]} is not a ${kinds.join(' or ')} agency` : `no agency ${input[field]}`}`, { field, reason: a ? `must be of kind ${kinds.join(' or ')}` : 'unknown agency code' });
      }
      ids[field] = a.id;
    }
    if (!(await destinationInScope(trx, scope, input.destination))) {
      throw new DomainError('invalid', AgreementsErrors.AGREEMENTS_UNKNOWN_DESTINATION, `destination: no receiving facility ${input.destination}`, { field: 'destination', reason: 'not a receiving facility you may see' });
    }
    if (await codeTaken(trx, input.code)) throw conflict(AgreementsErrors.AGREEMENTS_DUPLICATE_CODE, `code: ${input.code} is taken`, { field: 'code', reason: 'taken' });
    const markingId = await authorMarking(ctx, trx, input.marking);
    const now = ctx.clock.now().toISOString();
    const id = newId(ctx.clock.now().getTime());
    await insertAgreement(trx, {
      id, code: input.code, title: input.title, holding_agency_id: ids.holdingAgency, receiving_agency_id: ids.receivingAgency, airlift_agency_id: ids.airliftAgency,
      destination: input.destination, valid_from: input.validFrom, valid_to: input.validTo ?? null, per_day: input.perDay ?? null,
      nationality_quotas: JSON.stringify(input.nationalityQuotas), assurances: JSON.stringify(input.assurances), conditions: JSON.stringify(input.conditions),
      status: 'draft', version: 1, marking_id: markingId, created_by: ctx.principal.username, created_at: now, updated_at: now,
    });
    await insertEvents(trx, [{ id: newId(ctx.clock.now().getTime()), agreement_id: id, at: now, from_status: null, to_status: 'draft', by_user: ctx.principal.username, note: null, marking_id: markingId }]);
    await ctx.audit.record(trx, { action: 'agreement.create', subjectType: 'agreement', subjectId: id, details: { code: input.code } });
    const [out] = await present(trx, [(await selectAgreement(trx, scope, id))!]);
    return out!;
  });
}

/** Agreements the caller may see, by code. Requires `agreements:read`. Audited. */
export async function listAgreements(ctx: Ctx, raw: TAgreementListQuery = {}): Promise<{ items: TAgreement[]; marking: string }> {
  requirePermission(ctx.principal, 'agreements:read');
  const q = ZAgreementListQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  const items = await present(ctx.db, await selectAgreements(ctx.db, scope, q));
  await ctx.audit.record(ctx.db, { action: 'agreement.list', subjectType: 'agreement', details: { ids: items.map((a) => a.id) } });
  return { items, marking: formatMarking(bannerOf(items.map((a) => parseMarking(a.marking)))) };
}

/** One agreement by id or code, with its history. Requires `agreements:read`. @throws DomainError NOT_FOUND. */
export async function showAgreement(ctx: Ctx, idOrCode: string): Promise<TAgreement> {
  requirePermission(ctx.principal, 'agreements:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const row = await selectAgreement(ctx.db, scope, idOrCode);
  if (!row) throw notFound('agreement', idOrCode);
  await ctx.audit.record(ctx.db, { action: 'agreement.read', subjectType: 'agreement', subjectId: row.id });
  return (await present(ctx.db, [row]))[0]!;
}

/** Why an agreement may not be signed, or null. */
export function unsignable(a: Pick<TAgreement, 'perDay' | 'nationalityQuotas' | 'assurances'>): string | null {
  if (a.perDay === null && Object.keys(a.nationalityQuotas).length === 0) return 'no quota (per day or per nationality)';
  const given = new Set(a.assurances.map((x) => x.kind));
  const missing = REQUIRED_ASSURANCES.filter((k) => !given.has(k));
  return missing.length > 0 ? `missing assurances: ${missing.join(', ')}` : null;
}

/**
 * Moves an agreement to another status along the lifecycle (`TRANSITIONS`): draft → negotiating → signed →
 * suspended → signed or negotiating; negotiating → draft. Signing needs a quota and every required assurance.
 * Recorded in the agreement's history. Requires `agreements:write`. Audited.
 * @throws DomainError NOT_FOUND, AGREEMENTS_BAD_TRANSITION, AGREEMENTS_NOT_SIGNABLE, STALE_VERSION.
 */
export async function changeAgreementStatus(ctx: Ctx, idOrCode: string, raw: TTransitionRequest): Promise<TAgreement> {
  requirePermission(ctx.principal, 'agreements:write');
  const input = ZTransitionRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const row = await selectAgreement(trx, scope, idOrCode);
    if (!row) throw notFound('agreement', idOrCode);
    const [current] = await present(trx, [row]);
    const from = current!.status;
    if (input.version !== undefined && input.version !== row.version) {
      throw conflict(KernelErrors.STALE_VERSION, `version: agreement ${row.code} is at version ${row.version}`, { field: 'version', reason: 'stale', current: row.version });
    }
    const allowed: readonly TAgreementStatus[] = TRANSITIONS[from];
    if (!allowed.includes(input.to)) {
      throw conflict(AgreementsErrors.AGREEMENTS_BAD_TRANSITION, `to: ${from} → ${input.to} is not allowed (from ${from}: ${allowed.join(', ')})`, { field: 'to', reason: `not allowed from ${from}` });
    }
    const why = input.to === 'signed' ? unsignable(current!) : null;
    if (why) throw new DomainError('invalid', AgreementsErrors.AGREEMENTS_NOT_SIGNABLE, `cannot sign ${row.code}: ${why}`, { field: 'to', reason: why });
    const at = ctx.clock.now().toISOString();
    if (!(await updateStatus(trx, row.id, { status: input.to, version: row.version, at }))) {
      throw conflict(KernelErrors.STALE_VERSION, `agreement ${row.code} was changed meanwhile`, { field: 'version', reason: 'stale' });
    }
    await insertEvents(trx, [{ id: newId(ctx.clock.now().getTime()), agreement_id: row.id, at, from_status: from, to_status: input.to, by_user: ctx.principal.username, note: input.note ?? null, marking_id: row.marking_id }]);
    await ctx.audit.record(trx, { action: 'agreement.status', subjectType: 'agreement', subjectId: row.id, details: { from, to: input.to } });
    return (await present(trx, [(await selectAgreement(trx, scope, row.id))!]))[0]!;
  });
}
