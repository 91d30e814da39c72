import { z } from 'zod';
import { checkName, formatMarking, isCountryCode, isDomainError, isIsn, isUlid, parseMarking } from '../kernel/index.js';
import { ZScenarioAgreement, ZScenarioBreach, ZScenarioConflictEvent, ZScenarioIndicator } from './warning.schemas.js';
import { ZScenarioRepatriation } from './repatriation.schemas.js';
import { ZScenarioCoordinationCall } from './coordination.schemas.js';
import { ZCaseSeed, type TCaseSeed } from '../cases/index.js';

/**
 * The scenario file: NDJSON, one record per line, each a JSON object whose first field `type` says what it is.
 * Records come in this order — scenario, agencies, users, aircraft types, facilities, aircraft, detainees (with
 * ground-truth records right after the later detainee they name), households, residents — so every reference
 * points at a record earlier in the file. All data is synthetic.
 */

const ZUlid = z.string().refine(isUlid, { message: 'not a ULID' });
const ZIsn = z.string().refine(isIsn, { message: 'not an ISN' });
const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
const ZCode = z.string().regex(/^[A-Z][A-Z0-9-]{0,23}$/, { message: 'codes are capital letters, digits and hyphens' });
const ZDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'not a YYYY-MM-DD date' });
const ZCount = z.number().int().nonnegative();

// A scenario uses a handful of distinct markings on hundreds of thousands of records: check each text once.
const canonicalChecked = new Map<string, boolean>();

function isCanonicalMarking(text: string): boolean {
  const known = canonicalChecked.get(text);
  if (known !== undefined) return known;
  let ok: boolean;
  try {
    ok = formatMarking(parseMarking(text)) === text;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    ok = false;
  }
  if (canonicalChecked.size < 10_000) canonicalChecked.set(text, ok);
  return ok;
}

/** A marking in canonical text form, as `formatMarking` writes it: `C//REL TO IRQ, USA`, `S//NOFORN`, `U`. */
export const ZScenarioMarking = z.string().refine(isCanonicalMarking, { message: 'not a canonical marking' });

function nameIn(script: 'arabic' | 'latin') {
  return z.string().refine(
    (s) => {
      try {
        return checkName('name', s, script) === s;
      } catch (e) {
        if (isDomainError(e)) return false;
        throw e;
      }
    },
    { message: `not a normalized ${script}-script name` },
  );
}

/** A personal name in Arabic script, already normalized as `checkName` returns it. */
export const ZScenarioNameAr = nameIn('arabic');
/** A personal name in Latin letters, already normalized as `checkName` returns it. */
export const ZScenarioNameLatin = nameIn('latin');

/** The scale knobs of a scenario. */
export const ZScenarioKnobs = z.strictObject({
  detainees: ZCount,
  facilities: ZCount,
  aircraft: ZCount,
  campResidents: ZCount,
});
/** The scale knobs of a scenario. */
export type TScenarioKnobs = z.infer<typeof ZScenarioKnobs>;

/** The first line: format version, seed, knobs and the epoch every timestamp derives from. */
export const ZScenarioHeader = z.strictObject({
  type: z.literal('scenario'),
  version: z.literal(1),
  seed: z.string(),
  knobs: ZScenarioKnobs,
  epoch: z.iso.datetime(),
});
/** The first line of a scenario. */
export type TScenarioHeader = z.infer<typeof ZScenarioHeader>;

/** The kinds of agency taking part. */
export const AGENCY_KINDS = [
  'diplomatic', 'intelligence', 'military', 'embassy', 'law-enforcement',
  'holding-force', 'justice', 'counter-terrorism', 'humanitarian', 'child-protection',
] as const;

/** An agency: a diplomatic ministry, the military command, the holding force, an observer… */
export const ZScenarioAgency = z.strictObject({
  type: z.literal('agency'),
  id: ZUlid,
  code: ZCode,
  name: z.string().min(1),
  country: ZCountry,
  kind: z.enum(AGENCY_KINDS),
});
/** An agency record. */
export type TScenarioAgency = z.infer<typeof ZScenarioAgency>;

/** The fixed set of roles a user may hold. */
export const ROLES = [
  'viewer', 'registrar', 'planner', 'custodian', 'identity', 'prosecutor',
  'diplomat', 'humanitarian', 'child-protection', 'auditor', 'reviewer', 'admin',
] as const;
/** The need-to-know caveat groups: law-enforcement sensitive, human sources, child-protection data. */
export const GROUPS = ['LES', 'HCS', 'CHILD'] as const;

/** A demo user. No password: the loader sets passwords from the command line or the environment. */
export const ZScenarioUser = z.strictObject({
  type: z.literal('user'),
  username: z.string().regex(/^[a-z][a-z0-9-]*\.[a-z]+$/),
  displayName: z.string().min(1),
  agency: ZCode,
  clearance: z.enum(['U', 'C', 'S', 'TS']),
  roles: z.array(z.enum(ROLES)).min(1),
  groups: z.array(z.enum(GROUPS)),
});
/** A demo user record. */
export type TScenarioUser = z.infer<typeof ZScenarioUser>;

/** A landing zone of a facility: how many aircraft it takes at once, and the largest category. */
export const ZScenarioLandingZone = z.strictObject({
  name: z.string().min(1),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  slots: z.number().int().positive(),
  maxCategory: z.enum(['helicopter', 'fixed-wing']),
});
/** A landing zone. */
export type TScenarioLandingZone = z.infer<typeof ZScenarioLandingZone>;

/** A place: prison, camp, staging airfield, destination or refuel point. `population` counts its records. */
export const ZScenarioFacility = z.strictObject({
  type: z.literal('facility'),
  id: ZUlid,
  code: ZCode,
  name: z.string().min(1),
  kind: z.enum(['prison', 'camp', 'staging', 'destination', 'refuel']),
  country: ZCountry,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  capacity: ZCount,
  population: ZCount,
  guardForce: ZCount,
  guardAgency: ZCode.nullable(),
  status: z.enum(['operational', 'at-risk', 'breached', 'evacuated', 'closed']),
  collapseRisk: z.number().min(0).max(1),
  marking: ZScenarioMarking,
  originator: ZCountry,
  landingZones: z.array(ZScenarioLandingZone),
});
/** A facility record. */
export type TScenarioFacility = z.infer<typeof ZScenarioFacility>;

/** An aircraft type with its performance. */
export const ZScenarioAircraftType = z.strictObject({
  type: z.literal('aircraftType'),
  code: ZCode,
  category: z.enum(['helicopter', 'fixed-wing']),
  seats: z.number().int().positive(),
  speedKmh: z.number().positive(),
  rangeKm: z.number().positive(),
  loadMin: ZCount,
  unloadMin: ZCount,
  refuelMin: ZCount,
});
/** An aircraft type record. */
export type TScenarioAircraftType = z.infer<typeof ZScenarioAircraftType>;

/** One airframe: its type, operator, home base and availability window (ISO-8601 UTC). */
export const ZScenarioAircraft = z.strictObject({
  type: z.literal('aircraft'),
  id: ZUlid,
  tail: z.string().regex(/^[A-Z0-9-]+$/),
  aircraftType: ZCode,
  operator: ZCode,
  base: ZCode,
  availableFrom: z.iso.datetime(),
  availableTo: z.iso.datetime(),
});
/** An aircraft record. */
export type TScenarioAircraft = z.infer<typeof ZScenarioAircraft>;

/** Another name a detainee is known by; at least one script is given. */
export const ZScenarioAlias = z
  .strictObject({
    nameAr: ZScenarioNameAr.optional(),
    nameLatin: ZScenarioNameLatin.optional(),
    kind: z.enum(['alias', 'kunya', 'nom-de-guerre', 'variant']),
  })
  .refine((a) => a.nameAr !== undefined || a.nameLatin !== undefined, { message: 'an alias needs a name' });
/** An alias. */
export type TScenarioAlias = z.infer<typeof ZScenarioAlias>;

/** A detainee held by the holding force, as enrolled under one ISN (a person may be enrolled twice). */
export const ZScenarioDetainee = z.strictObject({
  type: z.literal('detainee'),
  id: ZUlid,
  isn: ZIsn,
  nameAr: ZScenarioNameAr,
  nameLatin: ZScenarioNameLatin,
  aliases: z.array(ZScenarioAlias),
  birthDate: ZDate.nullable(),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  birthPlace: z.string().min(1).nullable(),
  nationality: ZCountry,
  sex: z.literal('M'),
  riskTier: z.enum(['low', 'medium', 'high', 'critical']),
  keepApart: z.array(z.string().regex(/^KA-\d{4,}$/)),
  medical: z.array(z.string().min(1)),
  legalStatus: z.enum(['unknown', 'administrative', 'charged', 'convicted']),
  facility: ZCode,
  custodian: ZCode,
  status: z.literal('held'),
  marking: ZScenarioMarking,
  originator: ZCountry,
});
/** A detainee record. */
export type TScenarioDetainee = z.infer<typeof ZScenarioDetainee>;

/** A household in a camp; `headName` is the Latin name of its head. */
export const ZScenarioHousehold = z.strictObject({
  type: z.literal('household'),
  id: ZUlid,
  code: ZCode,
  facility: ZCode,
  nationality: ZCountry,
  headName: ZScenarioNameLatin,
  size: z.number().int().positive(),
  marking: ZScenarioMarking,
  originator: ZCountry,
});
/** A household record. */
export type TScenarioHousehold = z.infer<typeof ZScenarioHousehold>;

/** A camp resident; `relatedDetainee` is the ISN of a husband or father held in a prison, when known. */
export const ZScenarioResident = z.strictObject({
  type: z.literal('resident'),
  id: ZUlid,
  household: ZCode,
  facility: ZCode,
  nameAr: ZScenarioNameAr,
  nameLatin: ZScenarioNameLatin,
  sex: z.enum(['F', 'M']),
  birthDate: ZDate,
  nationality: ZCountry,
  relation: z.enum(['head', 'wife', 'mother', 'son', 'daughter', 'grandchild', 'other']),
  marking: ZScenarioMarking,
  originator: ZCountry,
  relatedDetainee: ZIsn.nullable(),
});
/** A resident record. */
export type TScenarioResident = z.infer<typeof ZScenarioResident>;

/**
 * Ground truth for accuracy tests, never shown to users: `duplicate-enrollment` (the person enrolled as `a` was
 * enrolled again as `b`) or `alias` (the person `a` was enrolled again as `b` under another name, or — with `b`
 * null — is also known by the name in `detail`, which no record carries).
 */
export const ZScenarioTruth = z.strictObject({
  type: z.literal('truth'),
  kind: z.enum(['duplicate-enrollment', 'alias']),
  a: ZIsn,
  b: ZIsn.nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
/** A ground-truth record. */
export type TScenarioTruth = z.infer<typeof ZScenarioTruth>;

/** Any line of a scenario file, discriminated on `type`. */
/** The users the case files act as (a prosecutor, reviewers), after every earlier record so those stay unchanged. */
export const ZScenarioCaseUsers = z.strictObject({ type: z.literal('caseUsers'), users: z.array(ZScenarioUser.omit({ type: true })) });
export type TScenarioCaseUsers = z.infer<typeof ZScenarioCaseUsers>;

/**
 * A case file of the reference scenario (see src/scenario/cases.ts), acted out by the loader through the cases
 * module's use cases. Checked with the cases module's schema, kept in its input form for those use cases.
 */
export const ZScenarioCaseFile = z.strictObject({
  type: z.literal('caseFile'),
  seed: z.record(z.string(), z.unknown()).superRefine((v, ctx) => {
    const r = ZCaseSeed.safeParse(v);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', message: i.message, path: i.path });
  }).transform((v) => v as TCaseSeed),
});
export type TScenarioCaseFile = z.infer<typeof ZScenarioCaseFile>;

export const ZScenarioRecord = z.discriminatedUnion('type', [
  ZScenarioHeader,
  ZScenarioAgency,
  ZScenarioUser,
  ZScenarioAircraftType,
  ZScenarioFacility,
  ZScenarioAircraft,
  ZScenarioDetainee,
  ZScenarioTruth,
  ZScenarioHousehold,
  ZScenarioResident,
  ZScenarioConflictEvent, ZScenarioIndicator, ZScenarioBreach, ZScenarioAgreement,
  ZScenarioRepatriation,
  ZScenarioCaseUsers,
  ZScenarioCaseFile,
  ZScenarioCoordinationCall,
]);
/** Any line of a scenario file. */
export type TScenarioRecord = z.infer<typeof ZScenarioRecord>;
/** The `type` of a scenario record. */
export type TScenarioRecordType = TScenarioRecord['type'];
