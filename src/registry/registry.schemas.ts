import { z } from 'zod';
import { isIsn, isCountryCode, LEVELS, ZMarkingText } from '../kernel/index.js';

/** Where a facility is in its life. */
export const FACILITY_KINDS = ['prison', 'camp', 'staging', 'destination', 'refuel'] as const;
export const FACILITY_STATUSES = ['operational', 'at-risk', 'breached', 'evacuated', 'closed'] as const;
/** A detainee's custody state. */
export const DETAINEE_STATUSES = ['held', 'in-transit', 'transferred', 'repatriated', 'released', 'deceased', 'missing'] as const;
export const RISK_TIERS = ['low', 'medium', 'high', 'critical'] as const;
export const LEGAL_STATUSES = ['unknown', 'administrative', 'charged', 'convicted', 'acquitted'] as const;
export const ALIAS_KINDS = ['alias', 'kunya', 'nom-de-guerre', 'variant'] as const;

export const ZIsn = z.string().refine(isIsn, { message: 'not an ISN (expected SP-CC-000123)' });
export const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
export const ZIsoDate = z.iso.date({ message: 'expected a date YYYY-MM-DD' });
const ZCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'uppercase letters, digits and hyphens');

/** A name as entered; the use case checks the script and rejects control characters (kernel `checkName`). */
const ZNameText = z.string().max(200);

export const ZAlias = z.strictObject({
  nameAr: ZNameText.optional(),
  nameLatin: ZNameText.optional(),
  kind: z.enum(ALIAS_KINDS).default('alias'),
});
export type TAlias = z.infer<typeof ZAlias>;

const ZTag = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/, 'letters, digits and hyphens');

/**
 * The fields of a detainee record as a caller writes them, without defaults: an update (below) must leave
 * every field it omits as it is (zod 4 applies a default even inside `.partial()`).
 */
const DETAINEE_FIELDS = {
  isn: ZIsn,
  nameAr: ZNameText,
  nameLatin: ZNameText,
  aliases: z.array(ZAlias).max(50),
  birthDate: ZIsoDate.nullish(),
  birthYear: z.number().int().min(1900).max(2100).nullish(),
  birthPlace: z.string().trim().max(200).nullish(),
  nationality: ZCountry,
  sex: z.enum(['M', 'F']),
  riskTier: z.enum(RISK_TIERS),
  keepApart: z.array(ZTag).max(20),
  medical: z.array(ZTag).max(20),
  legalStatus: z.enum(LEGAL_STATUSES),
  facility: ZCode.nullish().describe('facility code'),
  custodian: ZCode.nullish().describe('custodian agency code'),
  status: z.enum(DETAINEE_STATUSES),
  marking: ZMarkingText,
};

/** Registration of one detainee. The marking is the portion mark text, e.g. `C//REL TO IRQ, USA`. */
export const ZRegisterDetaineeRequest = z.strictObject({
  ...DETAINEE_FIELDS,
  aliases: DETAINEE_FIELDS.aliases.default([]),
  keepApart: DETAINEE_FIELDS.keepApart.default([]),
  medical: DETAINEE_FIELDS.medical.default([]),
  legalStatus: DETAINEE_FIELDS.legalStatus.default('unknown'),
  status: DETAINEE_FIELDS.status.default('held'),
});
export type TRegisterDetaineeRequest = z.input<typeof ZRegisterDetaineeRequest>;
export type TRegisterDetainee = z.output<typeof ZRegisterDetaineeRequest>;

/** An update: any subset of the registration's fields, and the version the caller last saw. */
export const ZUpdateDetaineeRequest = z.strictObject(DETAINEE_FIELDS).omit({ isn: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type TUpdateDetaineeRequest = z.input<typeof ZUpdateDetaineeRequest>;

/** A detainee as shown to a user who may see it. */
export const ZDetainee = z.object({
  id: z.string(),
  isn: z.string(),
  nameAr: z.string(),
  nameLatin: z.string(),
  aliases: z.array(ZAlias),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  birthPlace: z.string().nullable(),
  nationality: z.string(),
  sex: z.enum(['M', 'F']),
  riskTier: z.enum(RISK_TIERS),
  keepApart: z.array(z.string()),
  medical: z.array(z.string()),
  legalStatus: z.enum(LEGAL_STATUSES),
  facility: z.string().nullable().describe('facility code, null when none or not visible to the caller'),
  custodian: z.string().nullable().describe('custodian agency code'),
  status: z.enum(DETAINEE_STATUSES),
  marking: z.string().describe('portion marking, e.g. C//REL TO IRQ, USA'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TDetainee = z.infer<typeof ZDetainee>;

export const ZDetaineeListQuery = z.strictObject({
  facility: ZCode.optional(),
  nationality: ZCountry.optional(),
  riskTier: z.enum(RISK_TIERS).optional(),
  status: z.enum(DETAINEE_STATUSES).optional(),
  search: z.string().trim().min(1).max(200).optional().describe('name in Arabic script or any transliteration, or an ISN'),
  cursor: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).max(100_000_000).optional().describe('rows to skip (jump to any row of the list); not with cursor'),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type TDetaineeListQuery = z.input<typeof ZDetaineeListQuery>;

export const ZDetaineePage = z.object({
  items: z.array(ZDetainee),
  nextCursor: z.string().nullable(),
  total: z.number().describe('records matching the filter that the caller may see'),
  marking: z.string().describe('banner of every record counted in total (U when none): a page showing the total carries it'),
});
export type TDetaineePage = z.infer<typeof ZDetaineePage>;

/** The answer to a registration: created, or held for a reviewer (an ISN collision the caller cannot see). */
export const ZRegisterDetaineeResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), detainee: ZDetainee }),
  z.object({ status: z.literal('pending-review'), reviewId: z.string() }),
]);
export type TRegisterDetaineeResult = z.infer<typeof ZRegisterDetaineeResult>;

export const ZLandingZone = z.object({
  name: z.string().trim().min(1).max(100),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  slots: z.number().int().min(1).max(100),
  maxCategory: z.enum(['helicopter', 'fixed-wing']),
});

/** A facility's fields as a caller writes them, without defaults (see DETAINEE_FIELDS for why). */
const FACILITY_FIELDS = {
  code: ZCode,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(FACILITY_KINDS),
  country: ZCountry,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  capacity: z.number().int().min(0),
  population: z.number().int().min(0),
  guardForce: z.number().int().min(0),
  guardAgency: ZCode.nullish(),
  status: z.enum(FACILITY_STATUSES),
  collapseRisk: z.number().min(0).max(1),
  landingZones: z.array(ZLandingZone).max(50),
  marking: ZMarkingText,
};

export const ZFacilityInput = z.strictObject({
  ...FACILITY_FIELDS,
  guardForce: FACILITY_FIELDS.guardForce.default(0),
  status: FACILITY_FIELDS.status.default('operational'),
  collapseRisk: FACILITY_FIELDS.collapseRisk.default(0),
  landingZones: FACILITY_FIELDS.landingZones.default([]),
});
export type TFacilityInput = z.input<typeof ZFacilityInput>;

export const ZUpdateFacilityRequest = z.strictObject(FACILITY_FIELDS).omit({ code: true }).partial().extend({ version: z.number().int().min(1) }).strict();
export type TUpdateFacilityRequest = z.input<typeof ZUpdateFacilityRequest>;

export const ZFacility = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(FACILITY_KINDS),
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  capacity: z.number(),
  population: z.number(),
  guardForce: z.number(),
  guardAgency: z.string().nullable(),
  status: z.enum(FACILITY_STATUSES),
  collapseRisk: z.number(),
  landingZones: z.array(ZLandingZone),
  marking: z.string(),
  version: z.number(),
  /** Detainees held here whom the caller may see, by status 'held'. */
  detaineesHeld: z.number(),
  /** The banner of the detainee records behind `detaineesHeld` (U when none): a page showing the count carries it. */
  heldMarking: z.string(),
});
export type TFacility = z.infer<typeof ZFacility>;

export const ZFacilityListQuery = z.strictObject({
  kind: z.enum(FACILITY_KINDS).optional(),
  status: z.enum(FACILITY_STATUSES).optional(),
});

export const ZReview = z.object({
  id: z.string(),
  kind: z.literal('duplicate-isn'),
  status: z.enum(['pending', 'accepted', 'rejected']),
  requestedBy: z.string(),
  requestedAt: z.string(),
  submitted: z.record(z.string(), z.unknown()),
  existing: ZDetainee,
  marking: z.string(),
  resolution: z.object({ by: z.string(), at: z.string(), note: z.string().nullable(), createdIsn: z.string().nullable() }).nullable(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZResolveReviewRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('reject'), note: z.string().trim().min(1).max(2000) }),
  z.strictObject({ decision: z.literal('register'), isn: ZIsn, note: z.string().trim().min(1).max(2000) }),
]);
export type TResolveReviewRequest = z.input<typeof ZResolveReviewRequest>;

export const ZImportResult = z.object({
  created: z.number(),
  pendingReview: z.array(z.object({ row: z.number(), reviewId: z.string() })),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** Clearance levels, re-exported for forms. */
export const CLEARANCES = LEVELS;
