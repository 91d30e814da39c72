import { DomainError, newId, parseMarking, type FieldIssue } from '../kernel/index.js';
import { bulkAddAgencies, bulkAddUsers, internMarking, requirePermission, withDb, type Ctx } from '../access/index.js';
import { custodyCtx, memoryKeyring, recordIntakes, type Intake, type Keyring } from '../custody/index.js';
import { seedCampRecords } from '../camps/index.js';
import { seedRepatriation, type SeedCountry } from '../repatriation/index.js';
import { seedCases, type CaseSeed } from '../cases/index.js';
import { bulkInsert, searchKeysOf, type BulkRows } from '../registry/index.js';
import { analyzeAll, inTransaction, type Db } from '../store/index.js';
import { ZScenarioRecord, type TScenarioRecord } from './scenario.schemas.js';
import { ScenarioErrors } from './scenario.errors.js';
import { collectWarning, loadWarning, warningBag } from './warning-load.js';
import { IdentitySeeder } from './identity.js';
import { seedCoordination, type SeedCall } from '../coordination/index.js';

/** How far a load has got. `bytes` counts the lines read so far, for a progress bar over the file size. */
export interface LoadProgress {
  records: number;
  bytes: number;
}

export interface LoadOptions {
  /** The password every demo user gets; from the CLI or an environment variable, never from code. */
  demoPassword: string;
  /**
   * Where the agencies' and the log's private signing keys go (each detainee's intake is a signed custody
   * event). The CLI and `npm start` pass the deployment's key directory; without one (tests, benchmarks) the
   * keys live in memory and are gone after the load, so those agencies must rotate their keys to sign again.
   */
  keyring?: Keyring;
  onProgress?: (p: LoadProgress) => void;
}

// Records buffered per table before a multi-row insert.
const BATCH = 2000;

type Rec<T extends TScenarioRecord['type']> = Extract<TScenarioRecord, { type: T }>;

/** Resolves codes to ids and interns markings while loading; lives as long as one load's transaction. */
class Loader {
  readonly agencies = new Map<string, string>();
  readonly facilities = new Map<string, string>();
  readonly households = new Map<string, string>();
  readonly isns = new Map<string, string>();
  readonly markings = new Map<string, number>();
  readonly buffers = new Map<BulkRows['table'], BulkRows['rows']>();
  users: Omit<Rec<'user'>, 'type'>[] = [];
  truth: { kind: string; a: string; b: string | null; detail: string }[] = [];
  intakes: Intake[] = [];
  repatriation: SeedCountry[] = [];
  caseFiles: CaseSeed[] = [];
  run: Rec<'scenario'> | undefined;
  readonly warning = warningBag();
  identity = new IdentitySeeder('');
  coordination: SeedCall[] = [];
  constructor(readonly ctx: Ctx, readonly db: Db) {}

  async marking(text: string, originator: string, field: string): Promise<number> {
    const key = `${text}\u0000${originator}`;
    const known = this.markings.get(key);
    if (known !== undefined) return known;
    const id = await internMarking(this.db, parseMarking(text, field), originator);
    this.markings.set(key, id);
    return id;
  }

  ref(map: Map<string, string>, code: string | null | undefined, field: string): string | null {
    if (code === null || code === undefined) return null;
    const id = map.get(code);
    if (!id) throw new DomainError('invalid', ScenarioErrors.SCENARIO_BAD_RECORD, `${field}: unknown reference ${code}`, { field, reason: `unknown reference ${code}` });
    return id;
  }

  async push<T extends BulkRows['table']>(table: T, row: Extract<BulkRows, { table: T }>['rows'][number]): Promise<void> {
    const buf = (this.buffers.get(table) ?? []) as unknown[];
    buf.push(row);
    this.buffers.set(table, buf as BulkRows['rows']);
    if (buf.length >= BATCH) await this.flush(table);
  }

  async flush(table: BulkRows['table']): Promise<void> {
    const rows = this.buffers.get(table);
    if (!rows || rows.length === 0) return;
    this.buffers.set(table, []);
    await bulkInsert(this.ctx, this.db, { table, rows } as BulkRows);
  }

  async flushAll(): Promise<void> {
    // Parents before children, so foreign keys hold at every statement.
    for (const t of ['aircraft_types', 'facilities', 'landing_zones', 'aircraft', 'detainees', 'households', 'residents'] as const) await this.flush(t);
  }
}

async function apply(l: Loader, r: TScenarioRecord, now: string): Promise<void> {
  switch (r.type) {
    case 'scenario':
      l.run = r;
      l.identity = new IdentitySeeder(r.seed);
      return;
    case 'agency':
      l.agencies.set(r.code, r.id);
      await bulkAddAgencies(l.ctx, l.db, [{ id: r.id, code: r.code, name: r.name, country: r.country, kind: r.kind }]);
      return;
    case 'user': {
      const { type: _type, ...user } = r;
      l.users.push(user);
      return;
    }
    case 'aircraftType':
      return l.push('aircraft_types', { code: r.code, category: r.category, seats: r.seats, speed_kmh: r.speedKmh, range_km: r.rangeKm, load_min: r.loadMin, unload_min: r.unloadMin, refuel_min: r.refuelMin });
    case 'facility': {
      l.facilities.set(r.code, r.id);
      await l.push('facilities', {
        id: r.id, code: r.code, name: r.name, kind: r.kind, country: r.country, lat: r.lat, lon: r.lon, capacity: r.capacity,
        population: r.population, guard_force: r.guardForce, guard_agency_id: l.ref(l.agencies, r.guardAgency, 'guardAgency'),
        status: r.status, collapse_risk: r.collapseRisk, marking_id: await l.marking(r.marking, r.originator, 'marking'), version: 1, created_at: now, updated_at: now,
      });
      for (const z of r.landingZones) {
        await l.push('landing_zones', { id: newId(), facility_id: r.id, name: z.name, lat: z.lat, lon: z.lon, slots: z.slots, max_category: z.maxCategory });
      }
      return;
    }
    case 'aircraft':
      await l.flush('aircraft_types');
      await l.flush('facilities');
      return l.push('aircraft', {
        id: r.id, tail: r.tail, type_code: r.aircraftType, operator_agency_id: l.ref(l.agencies, r.operator, 'operator')!,
        base_facility_id: l.ref(l.facilities, r.base, 'base'), available_from: r.availableFrom, available_to: r.availableTo,
      });
    case 'detainee':
      await l.flush('facilities');
      l.isns.set(r.isn, r.id);
      l.intakes.push({ detaineeId: r.id, isn: r.isn, facility: r.facility, custodian: r.custodian, riskTier: r.riskTier, medical: r.medical, keepApart: r.keepApart });
      l.identity.add(r, await l.marking(r.marking, r.originator, 'marking'));
      return l.push('detainees', {
        id: r.id, isn: r.isn, name_ar: r.nameAr, name_latin: r.nameLatin, aliases: JSON.stringify(r.aliases), birth_date: r.birthDate,
        birth_year: r.birthYear ?? (r.birthDate ? Number(r.birthDate.slice(0, 4)) : null), birth_place: r.birthPlace, nationality: r.nationality,
        sex: r.sex, risk_tier: r.riskTier, keep_apart: JSON.stringify(r.keepApart), medical: JSON.stringify(r.medical), legal_status: r.legalStatus,
        facility_id: l.ref(l.facilities, r.facility, 'facility'), custodian_agency_id: l.ref(l.agencies, r.custodian, 'custodian'), status: r.status,
        search_keys: searchKeysOf(r), marking_id: await l.marking(r.marking, r.originator, 'marking'), version: 1, created_at: now, updated_at: now, created_by: null,
      });
    case 'truth':
      l.truth.push({ kind: r.kind, a: r.a, b: r.b, detail: JSON.stringify(r.detail) });
      if (r.b !== null) l.identity.same(r.a, r.b);
      return;
    case 'household':
      await l.flush('detainees');
      l.households.set(r.code, r.id);
      return l.push('households', {
        id: r.id, code: r.code, facility_id: l.ref(l.facilities, r.facility, 'facility')!, nationality: r.nationality, head_name: r.headName,
        size: r.size, marking_id: await l.marking(r.marking, r.originator, 'marking'), created_at: now,
      });
    case 'resident':
      await l.flush('households');
      return l.push('residents', {
        id: r.id, household_id: l.ref(l.households, r.household, 'household')!, facility_id: l.ref(l.facilities, r.facility, 'facility')!,
        name_ar: r.nameAr, name_latin: r.nameLatin, sex: r.sex, birth_date: r.birthDate, nationality: r.nationality, relation: r.relation,
        related_detainee_id: l.ref(l.isns, r.relatedDetainee, 'relatedDetainee'), status: 'resident',
        search_keys: searchKeysOf({ nameAr: r.nameAr, nameLatin: r.nameLatin, aliases: [] }), marking_id: await l.marking(r.marking, r.originator, 'marking'), created_at: now,
      });
    case 'conflictEvent': case 'indicator': case 'breach': case 'agreement':
      return collectWarning(l.warning, r);
    case 'repatriation': {
      const { type: _type, ...country } = r;
      l.repatriation.push(country);
      return;
    }
    case 'caseUsers':
      l.users.push(...r.users);
      return;
    case 'caseFile':
      l.caseFiles.push(r.seed);
      return;
    case 'coordinationCall': {
      const { type: _type, ...call } = r;
      l.coordination.push(call);
      return;
    }
  }
}

function badLine(line: number, issues: FieldIssue[]): DomainError {
  const first = issues[0] ?? { field: '', reason: 'invalid record' };
  return new DomainError('invalid', ScenarioErrors.SCENARIO_BAD_RECORD, `line ${line}: ${first.field || 'record'}: ${first.reason}; nothing loaded`, {
    field: `line ${line}: ${first.field}`, reason: first.reason, line, issues,
  });
}

/**
 * Loads a scenario (NDJSON from `generateScenario`) into an empty store, all or nothing, in one
 * transaction: agencies, demo users (with `demoPassword`), fleet, facilities, detainees, camps, the
 * generator's ground truth, and each detainee's intake as a signed custody event (keys for the agencies and
 * the log are created in `keyring` when missing). Requires `scenario:load` (the local operator).
 * @throws DomainError SCENARIO_BAD_RECORD naming the line and field; SCENARIO_ALREADY_LOADED.
 * @example
 *   await loadScenario(ctx, readLines('reference.ndjson'), { demoPassword: process.env.SALLYPORT_DEMO_PASSWORD!, keyring: fileKeyring('data/keys') });
 */
export async function loadScenario(ctx: Ctx, lines: AsyncIterable<string>, opts: LoadOptions): Promise<{ records: number; users: string[] }> {
  requirePermission(ctx.principal, 'scenario:load');
  const result = await inTransaction(ctx.db, async (trx) => {
    const already = await trx.selectFrom('scenario_runs').select('seed').executeTakeFirst();
    if (already) throw new DomainError('conflict', ScenarioErrors.SCENARIO_ALREADY_LOADED, `a scenario (seed ${already.seed}) is already loaded in this store`, { field: 'store', reason: 'not empty' });
    const l = new Loader(ctx, trx);
    const now = ctx.clock.now().toISOString();
    let n = 0;
    let bytes = 0;
    for await (const line of lines) {
      bytes += Buffer.byteLength(line) + 1;
      if (line.trim() === '') continue;
      n += 1;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        throw badLine(n, [{ field: '', reason: `malformed JSON: ${(e as Error).message}` }]);
      }
      const parsed = ZScenarioRecord.safeParse(json);
      if (!parsed.success) throw badLine(n, parsed.error.issues.map((i) => ({ field: i.path.join('.'), reason: i.message })));
      try {
        await apply(l, parsed.data, now);
      } catch (e) {
        if (e instanceof DomainError && e.kind === 'invalid') throw badLine(n, [{ field: e.details.field ?? '', reason: e.details.reason ?? e.message }]);
        throw e;
      }
      if (n % BATCH === 0) opts.onProgress?.({ records: n, bytes });
    }
    await l.flushAll();
    if (!l.run) throw badLine(1, [{ field: 'type', reason: 'the first record must be the scenario header' }]);
    await bulkAddUsers(ctx, trx, l.users, opts.demoPassword);
    for (let i = 0; i < l.truth.length; i += 500) await trx.insertInto('scenario_truth').values(l.truth.slice(i, i + 500)).execute();
    await recordIntakes(custodyCtx(withDb(ctx, trx), opts.keyring ?? memoryKeyring()), trx, { time: l.run.epoch, intakes: l.intakes });
    await seedCampRecords(withDb(ctx, trx), trx, { epoch: l.run.epoch });
    await loadWarning(withDb(ctx, trx), trx, l.warning);
    await seedRepatriation(withDb(ctx, trx), trx, l.repatriation);
    await seedCases(withDb(ctx, trx), trx, l.caseFiles, opts.keyring ?? memoryKeyring());
    await l.identity.load(ctx, trx, { epoch: l.run.epoch, agencyCode: 'LE-ID', now });
    await seedCoordination(withDb(ctx, trx), trx, l.coordination);
    await trx.insertInto('scenario_runs').values({ id: newId(), seed: l.run.seed, knobs: JSON.stringify(l.run.knobs), loaded_at: now, records: n }).execute();
    await ctx.audit.record(trx, { action: 'scenario.load', subjectType: 'scenario', details: { seed: l.run.seed, records: n } });
    opts.onProgress?.({ records: n, bytes });
    return { records: n, users: l.users.map((u) => u.username) };
  });
  // The store grew from empty: without fresh statistics its query plans scan and sort whole tables.
  if (!ctx.db.isTransaction) await analyzeAll(ctx.db);
  return result;
}
