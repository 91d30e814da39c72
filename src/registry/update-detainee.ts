import { conflict, KernelErrors, notFound } from '../kernel/index.js';
import { internMarking, requirePermission, scopeFor, type Ctx } from '../access/index.js';
import { inTransaction, type DetaineesTable } from '../store/index.js';
import { checkDetaineeFields, detaineeFromRow, searchKeysOf } from './detainee.js';
import { selectDetainee, updateDetaineeRow } from './detainee.store.js';
import { agencyIdOf, checkMarkingForAuthor, facilityIdOf } from './references.js';
import { ZUpdateDetaineeRequest, type TDetainee, type TUpdateDetaineeRequest } from './registry.schemas.js';

/**
 * Updates a detainee's fields. Requires `registry:write`. Optimistic concurrency: the caller names the
 * version it last read; if the record moved on since, nothing is written.
 * @throws DomainError NOT_FOUND (absent or unseen), STALE_VERSION (with the current version), INVALID_INPUT.
 */
export async function updateDetainee(ctx: Ctx, idOrIsn: string, raw: TUpdateDetaineeRequest): Promise<TDetainee> {
  requirePermission(ctx.principal, 'registry:write');
  const input = ZUpdateDetaineeRequest.parse(raw);
  return inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const current = await selectDetainee(trx, scope, idOrIsn);
    if (!current) throw notFound('detainee', idOrIsn);
    if (current.version !== input.version) {
      throw conflict(KernelErrors.STALE_VERSION, `version: detainee ${current.isn} is at version ${current.version}, not ${input.version}`, {
        field: 'version', reason: 'stale', currentVersion: current.version,
      });
    }
    const { version, ...changes } = input;
    const checked = checkDetaineeFields(changes);
    const merged = { ...detaineeFromRow(current), ...checked };
    const set: Partial<DetaineesTable> = { updated_at: ctx.clock.now().toISOString() };
    if (checked.nameAr !== undefined) set.name_ar = checked.nameAr;
    if (checked.nameLatin !== undefined) set.name_latin = checked.nameLatin;
    if (checked.aliases !== undefined) set.aliases = JSON.stringify(checked.aliases);
    if (checked.nameAr !== undefined || checked.nameLatin !== undefined || checked.aliases !== undefined) set.search_keys = searchKeysOf(merged);
    if (changes.birthDate !== undefined) set.birth_date = changes.birthDate;
    if (changes.birthYear !== undefined) set.birth_year = changes.birthYear;
    if (changes.birthPlace !== undefined) set.birth_place = changes.birthPlace;
    if (changes.nationality !== undefined) set.nationality = changes.nationality;
    if (changes.sex !== undefined) set.sex = changes.sex;
    if (changes.riskTier !== undefined) set.risk_tier = changes.riskTier;
    if (changes.keepApart !== undefined) set.keep_apart = JSON.stringify(changes.keepApart);
    if (changes.medical !== undefined) set.medical = JSON.stringify(changes.medical);
    if (changes.legalStatus !== undefined) set.legal_status = changes.legalStatus;
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.facility !== undefined) set.facility_id = changes.facility ? await facilityIdOf(trx, scope, changes.facility) : null;
    if (changes.custodian !== undefined) set.custodian_agency_id = changes.custodian ? await agencyIdOf(trx, changes.custodian) : null;
    if (changes.marking !== undefined) {
      checkMarkingForAuthor(ctx.principal, changes.marking);
      set.marking_id = await internMarking(trx, changes.marking, ctx.principal.country);
    }
    const ok = await updateDetaineeRow(trx, current.id, version, set);
    if (!ok) throw conflict(KernelErrors.STALE_VERSION, `version: detainee ${current.isn} changed meanwhile`, { field: 'version', reason: 'stale' });
    await ctx.audit.record(trx, { action: 'detainee.update', subjectType: 'detainee', subjectId: current.id, details: { fields: Object.keys(changes).sort(), fromVersion: version } });
    const after = await selectDetainee(trx, await scopeFor(trx, ctx.principal), current.id);
    if (!after) throw notFound('detainee', idOrIsn);
    return detaineeFromRow(after);
  });
}
