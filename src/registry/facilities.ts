import { bannerOf, conflict, formatMarking, KernelErrors, newId, notFound, parseMarking, DomainError } from '../kernel/index.js';
import { internMarking, markingTexts, requirePermission, scopeFor, type Ctx, type Scope } from '../access/index.js';
import { classifyDbError, inTransaction, type Db, type FacilitiesTable } from '../store/index.js';
import { heldByFacility, residentsByCamp } from './detainee.store.js';
import { agencyIdOf, checkMarkingForAuthor } from './references.js';
import { RegistryErrors } from './registry.errors.js';
import {
  ZFacilityInput, ZFacilityListQuery, ZLandingZone, ZUpdateFacilityRequest,
  type TFacility, type TFacilityInput, type TUpdateFacilityRequest,
} from './registry.schemas.js';
import { z } from 'zod';

const ZZones = z.array(ZLandingZone);

async function presentAll(db: Db, scope: Scope, rows: (FacilitiesTable & { marking_text: string; guard_code: string | null })[]): Promise<TFacility[]> {
  if (rows.length === 0) return [];
  const zones = await db.selectFrom('landing_zones').selectAll().where('facility_id', 'in', rows.map((r) => r.id)).orderBy('name').execute();
  const held = await heldByFacility(db, scope);
  const campCounts = await residentsByCamp(db, rows.filter((r) => r.kind === 'camp').map((r) => r.id));
  const texts = await markingTexts(db, [...held.values()].flatMap((h) => h.markingIds));
  const bannerText = (ids: number[]) => formatMarking(bannerOf(ids.map((id) => parseMarking(texts.get(id) ?? 'U'))));
  return rows.map((r) => ({
    id: r.id, code: r.code, name: r.name, kind: r.kind as TFacility['kind'], country: r.country, lat: r.lat, lon: r.lon,
    // A camp's population is its residents now (releases, deaths and repatriations leave it); like the
    // stored figure of a prison, it is the site's headcount, not a list of the people in it.
    capacity: r.capacity, population: r.kind === 'camp' ? (campCounts.get(r.id) ?? 0) : r.population, guardForce: r.guard_force, guardAgency: r.guard_code,
    status: r.status as TFacility['status'], collapseRisk: r.collapse_risk, marking: r.marking_text, version: r.version,
    landingZones: ZZones.parse(zones.filter((z) => z.facility_id === r.id).map((z) => ({ name: z.name, lat: z.lat, lon: z.lon, slots: z.slots, maxCategory: z.max_category }))),
    detaineesHeld: held.get(r.id)?.held ?? 0,
    heldMarking: bannerText(held.get(r.id)?.markingIds ?? []),
  }));
}

function scopedFacilities(db: Db, scope: Scope) {
  return db
    .selectFrom('facilities as f')
    .innerJoin('markings as m', 'm.id', 'f.marking_id')
    .leftJoin('agencies as a', 'a.id', 'f.guard_agency_id')
    .selectAll('f')
    .select(['m.text as marking_text', 'a.code as guard_code'])
    .where('f.marking_id', 'in', scope.markingIds);
}

/** Facilities the caller may see (prisons, camps, airfields, the destination). Requires `registry:read`. */
export async function listFacilities(ctx: Ctx, raw: z.input<typeof ZFacilityListQuery> = {}): Promise<TFacility[]> {
  requirePermission(ctx.principal, 'registry:read');
  const q = ZFacilityListQuery.parse(raw);
  const scope = await scopeFor(ctx.db, ctx.principal);
  let query = scopedFacilities(ctx.db, scope).orderBy('f.code');
  if (q.kind) query = query.where('f.kind', '=', q.kind);
  if (q.status) query = query.where('f.status', '=', q.status);
  const out = await presentAll(ctx.db, scope, await query.execute());
  await ctx.audit.record(ctx.db, { action: 'facility.list', subjectType: 'facility', details: { ids: out.map((f) => f.id) } });
  return out;
}

/** One facility by id or code. @throws DomainError NOT_FOUND (absent or unseen). */
export async function showFacility(ctx: Ctx, idOrCode: string): Promise<TFacility> {
  requirePermission(ctx.principal, 'registry:read');
  const scope = await scopeFor(ctx.db, ctx.principal);
  const row = await scopedFacilities(ctx.db, scope).where((eb) => eb.or([eb('f.id', '=', idOrCode), eb('f.code', '=', idOrCode)])).executeTakeFirst();
  if (!row) throw notFound('facility', idOrCode);
  const [f] = await presentAll(ctx.db, scope, [row]);
  await ctx.audit.record(ctx.db, { action: 'facility.read', subjectType: 'facility', subjectId: row.id });
  return f!;
}

/**
 * Adds a facility with its landing zones. Requires `registry:write`.
 * @throws DomainError REGISTRY_DUPLICATE_FACILITY, REGISTRY_UNKNOWN_AGENCY, REGISTRY_MARKING_ABOVE_CALLER.
 */
export async function addFacility(ctx: Ctx, raw: TFacilityInput): Promise<TFacility> {
  requirePermission(ctx.principal, 'registry:write');
  const input = ZFacilityInput.parse(raw);
  checkMarkingForAuthor(ctx.principal, input.marking);
  const now = ctx.clock.now().toISOString();
  const id = newId(ctx.clock.now().getTime());
  try {
    await inTransaction(ctx.db, async (trx) => {
      await trx.insertInto('facilities').values({
        id, code: input.code, name: input.name, kind: input.kind, country: input.country, lat: input.lat, lon: input.lon,
        capacity: input.capacity, population: input.population, guard_force: input.guardForce,
        guard_agency_id: input.guardAgency ? await agencyIdOf(trx, input.guardAgency, 'guardAgency') : null,
        status: input.status, collapse_risk: input.collapseRisk, marking_id: await internMarking(trx, input.marking, ctx.principal.country),
        version: 1, created_at: now, updated_at: now,
      }).execute();
      if (input.landingZones.length > 0) {
        await trx.insertInto('landing_zones').values(input.landingZones.map((z) => ({ id: newId(), facility_id: id, name: z.name, lat: z.lat, lon: z.lon, slots: z.slots, max_category: z.maxCategory }))).execute();
      }
      await ctx.audit.record(trx, { action: 'facility.add', subjectType: 'facility', subjectId: id, details: { code: input.code } });
    });
  } catch (e) {
    if (classifyDbError(e).kind === 'unique') throw new DomainError('conflict', RegistryErrors.REGISTRY_DUPLICATE_FACILITY, `code: facility ${input.code} exists`, { field: 'code', reason: 'already exists' });
    throw e;
  }
  return showFacility(ctx, id);
}

/**
 * Updates a facility (status, population, risk, …) at the version the caller last read. Requires
 * `registry:write`. @throws DomainError NOT_FOUND, STALE_VERSION.
 */
export async function updateFacility(ctx: Ctx, idOrCode: string, raw: TUpdateFacilityRequest): Promise<TFacility> {
  requirePermission(ctx.principal, 'registry:write');
  const input = ZUpdateFacilityRequest.parse(raw);
  await inTransaction(ctx.db, async (trx) => {
    const scope = await scopeFor(trx, ctx.principal);
    const cur = await scopedFacilities(trx, scope).where((eb) => eb.or([eb('f.id', '=', idOrCode), eb('f.code', '=', idOrCode)])).executeTakeFirst();
    if (!cur) throw notFound('facility', idOrCode);
    if (cur.version !== input.version) throw conflict(KernelErrors.STALE_VERSION, `version: facility ${cur.code} is at version ${cur.version}`, { field: 'version', reason: 'stale', currentVersion: cur.version });
    const set: Partial<FacilitiesTable> = { updated_at: ctx.clock.now().toISOString(), version: cur.version + 1 };
    const { version, landingZones, marking, guardAgency, guardForce, collapseRisk, ...plain } = input;
    Object.assign(set, plain);
    if (guardForce !== undefined) set.guard_force = guardForce;
    if (collapseRisk !== undefined) set.collapse_risk = collapseRisk;
    if (guardAgency !== undefined) set.guard_agency_id = guardAgency ? await agencyIdOf(trx, guardAgency, 'guardAgency') : null;
    if (marking) {
      checkMarkingForAuthor(ctx.principal, marking);
      set.marking_id = await internMarking(trx, marking, ctx.principal.country);
    }
    const r = await trx.updateTable('facilities').set(set).where('id', '=', cur.id).where('version', '=', version).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict(KernelErrors.STALE_VERSION, `version: facility ${cur.code} changed meanwhile`, { field: 'version', reason: 'stale' });
    if (landingZones) {
      await trx.deleteFrom('landing_zones').where('facility_id', '=', cur.id).execute();
      if (landingZones.length > 0) await trx.insertInto('landing_zones').values(landingZones.map((z) => ({ id: newId(), facility_id: cur.id, name: z.name, lat: z.lat, lon: z.lon, slots: z.slots, max_category: z.maxCategory }))).execute();
    }
    await ctx.audit.record(trx, { action: 'facility.update', subjectType: 'facility', subjectId: cur.id, details: { fields: Object.keys(input).filter((k) => k !== 'version').sort() } });
  });
  return showFacility(ctx, idOrCode);
}
