import { z } from 'zod';
import { isCountryCode, ZMarkingText } from '../kernel/index.js';

/*
 * The camps module's contract with HTTP, CLI and web: residents, households, movements, releases and the
 * control handover. Schemas only, nothing that needs Node (the web client imports this file). Cohorts and
 * programmes are in cohorts.schemas.ts.
 */

/**
 * The fields of camp records that a data-sharing agreement lists, each a group of attributes:
 * `names` (Arabic and Latin), `sex`, `birth` (date or estimated year, age), `nationality`, `household`
 * (household, relation to its head, section), `languages`, `vulnerabilities`, `guardianship`, `familyLinks`
 * (to other residents), `detaineeLinks`, `relativesAbroad`, `movements` (history, releases), `programmes`.
 * Id, camp, status and marking are always shown.
 */
export const CAMP_FIELDS = [
  'names', 'sex', 'birth', 'nationality', 'household', 'languages', 'vulnerabilities', 'guardianship',
  'familyLinks', 'detaineeLinks', 'relativesAbroad', 'movements', 'programmes',
] as const;
/** A field group of camp records. */
export type CampField = (typeof CAMP_FIELDS)[number];

/** Where a resident is: in the camp, or gone (and how). */
export const RESIDENT_STATUSES = ['resident', 'released', 'repatriated', 'deceased', 'unaccounted'] as const;
/** A resident's relation to the head of their household. */
export const HOUSEHOLD_RELATIONS = ['head', 'wife', 'husband', 'mother', 'son', 'daughter', 'grandchild', 'sibling', 'other'] as const;
/** Vulnerabilities recorded for protection follow-up (never a score). */
export const VULNERABILITIES = [
  'unaccompanied-child', 'separated-child', 'child-headed-household', 'disability', 'medical', 'pregnant', 'elderly-alone',
] as const;
/** Kinds of movement event. */
export const MOVEMENT_KINDS = ['arrival', 'transfer', 'release', 'repatriation', 'death', 'unaccounted'] as const;
export const GUARDIAN_KINDS = ['parent', 'relative', 'caregiver', 'appointed'] as const;
export const FAMILY_RELATIONS = [
  'father', 'mother', 'husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'grandparent', 'grandchild', 'uncle', 'aunt', 'cousin', 'other',
] as const;

export const ZCampField = z.enum(CAMP_FIELDS);
const ZCountry = z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' });
const ZCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'uppercase letters, digits and hyphens');
const ZId = z.string().min(1).max(64);
/** A date `YYYY-MM-DD` or an instant; stored as an ISO-8601 UTC instant. */
export const ZWhen = z.union([z.iso.date(), z.iso.datetime()]).describe('date (YYYY-MM-DD, start of day UTC) or ISO-8601 instant');

/** A camp resident as the caller may see them: absent fields are withheld (listed in `withheld`). */
export const ZCampResident = z.object({
  id: z.string(),
  camp: z.string().describe('camp code'),
  status: z.enum(RESIDENT_STATUSES),
  marking: z.string(),
  withheld: z.array(ZCampField).describe('field groups the caller may not see under their agreement or roles'),
  nameAr: z.string().optional(),
  nameLatin: z.string().optional(),
  sex: z.enum(['F', 'M']).optional(),
  birthDate: z.string().nullable().optional(),
  birthYear: z.number().nullable().optional(),
  birthEstimated: z.boolean().optional(),
  age: z.number().nullable().optional(),
  nationality: z.string().optional(),
  household: z.string().nullable().optional(),
  relation: z.string().optional(),
  section: z.string().nullable().optional(),
  languages: z.array(z.string()).optional(),
  vulnerabilities: z.array(z.string()).optional(),
});
export type TCampResident = z.infer<typeof ZCampResident>;

const ZPersonRef = z.object({ residentId: z.string().nullable(), name: z.string().nullable() });

export const ZMovement = z.object({
  id: z.string(),
  kind: z.enum(MOVEMENT_KINDS),
  at: z.string(),
  camp: z.string(),
  section: z.string().nullable(),
  fromCamp: z.string().nullable(),
  fromSection: z.string().nullable(),
  authority: z.string().nullable().describe('agency controlling the camp at the time: what the event stays attributed to'),
  releasedTo: z.string().nullable(),
  destination: z.string().nullable(),
  destinationCountry: z.string().nullable(),
  agreement: z.string().nullable(),
  guardian: z.string().nullable().describe('resident id of the guardian released with a child'),
  batch: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type TMovement = z.infer<typeof ZMovement>;

/** One resident with everything the caller may see of them. */
export const ZCampResidentDetail = ZCampResident.extend({
  guardians: z.array(z.object({ id: z.string(), guardian: ZPersonRef, kind: z.enum(GUARDIAN_KINDS), since: z.string(), until: z.string().nullable() })).optional(),
  familyLinks: z.array(z.object({ id: z.string(), relation: z.enum(FAMILY_RELATIONS), residentId: z.string(), name: z.string().nullable() })).optional(),
  detaineeLinks: z.array(z.object({ id: z.string(), relation: z.enum(FAMILY_RELATIONS), detaineeId: z.string(), isn: z.string(), name: z.string() })).optional(),
  relativesAbroad: z.array(z.object({ id: z.string(), relation: z.enum(FAMILY_RELATIONS), name: z.string(), country: z.string().nullable() })).optional(),
  movements: z.array(ZMovement).optional(),
  programmes: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), status: z.string(), sessions: z.number(), attended: z.number() })).optional(),
});
export type TCampResidentDetail = z.infer<typeof ZCampResidentDetail>;

export const ZResidentListQuery = z.strictObject({
  camp: ZCode.optional(),
  household: z.string().max(40).optional(),
  status: z.enum(RESIDENT_STATUSES).optional(),
  nationality: ZCountry.optional(),
  sex: z.enum(['F', 'M']).optional(),
  ageMin: z.coerce.number().int().min(0).max(130).optional(),
  ageMax: z.coerce.number().int().min(0).max(130).optional(),
  search: z.string().trim().min(1).max(200).optional().describe('name in Arabic script or any transliteration'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type TResidentListQuery = z.input<typeof ZResidentListQuery>;

export const ZResidentPage = z.object({
  items: z.array(ZCampResident),
  nextCursor: z.string().nullable(),
  total: z.number().describe('residents matching the filter that the caller may see'),
});
export type TResidentPage = z.infer<typeof ZResidentPage>;

export const ZHousehold = z.object({
  id: z.string(),
  code: z.string(),
  camp: z.string(),
  marking: z.string(),
  withheld: z.array(ZCampField),
  headName: z.string().optional(),
  nationality: z.string().optional(),
  section: z.string().nullable().optional(),
  shelter: z.string().nullable().optional(),
  members: z.number().nullable().describe('members present in the camp that the caller may see (null when household data is withheld)'),
});
export type THousehold = z.infer<typeof ZHousehold>;
export const ZHouseholdDetail = ZHousehold.extend({ residents: z.array(ZCampResident) });
export type THouseholdDetail = z.infer<typeof ZHouseholdDetail>;

export const ZHouseholdListQuery = z.strictObject({
  camp: ZCode.optional(),
  nationality: ZCountry.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type THouseholdListQuery = z.input<typeof ZHouseholdListQuery>;
export const ZHouseholdPage = z.object({ items: z.array(ZHousehold), nextCursor: z.string().nullable(), total: z.number() });
export type THouseholdPage = z.infer<typeof ZHouseholdPage>;

/** An arrival (or return), a transfer to another section or camp, a death, or a person unaccounted for. */
export const ZMovementRequest = z.strictObject({
  resident: ZId,
  kind: z.enum(['arrival', 'transfer', 'death', 'unaccounted']),
  at: ZWhen.optional().describe('when it happened (default now); never before the resident\'s last movement nor in the future'),
  camp: ZCode.optional().describe('arrival or transfer: the camp arrived in (default the resident\'s)'),
  section: ZCode.optional().describe('arrival or transfer: the section arrived in'),
  note: z.string().trim().max(500).optional(),
});
export type TMovementRequest = z.input<typeof ZMovementRequest>;

/** A release or repatriation of residents of one camp, together (a mother with her children). */
export const ZReleaseRequest = z.strictObject({
  residents: z.array(ZId).min(1).max(500),
  kind: z.enum(['release', 'repatriation']).default('release'),
  at: ZWhen.optional(),
  releasedTo: z.string().trim().min(1).max(200).describe('to whom: a person, sponsor or agency'),
  destination: z.string().trim().min(1).max(200).describe('where to'),
  destinationCountry: ZCountry,
  agreement: z.string().trim().min(1).max(200).optional().describe('reference of the release or repatriation agreement'),
  childCustody: z.enum(['with-guardian', 'reunification']).default('with-guardian')
    .describe('with-guardian: every child leaves with a guardian in the same release; reunification: children go to the named relative'),
  note: z.string().trim().max(500).optional(),
});
export type TReleaseRequest = z.input<typeof ZReleaseRequest>;

export const ZReleaseResult = z.object({
  batch: z.string(),
  camp: z.string(),
  released: z.array(z.object({ id: z.string(), movement: z.string(), guardian: z.string().nullable() })),
  authority: z.string().nullable(),
  population: z.number().describe('residents present in the camp after the release, as the caller may see them'),
});
export type TReleaseResult = z.infer<typeof ZReleaseResult>;

/** The handover of a camp's control to another agency, with the data-sharing agreement it takes over under. */
export const ZHandoverRequest = z.strictObject({
  to: ZCode.describe('agency code of the new controlling authority'),
  at: ZWhen.optional().describe('when control passes (default now); may be ahead, never before the last change'),
  fields: z.array(ZCampField).describe('what the new authority may see of the records'),
  reference: z.string().trim().min(1).max(200).describe('reference of the data-sharing agreement'),
  previousFields: z.array(ZCampField).default([]).describe('what the previous authority keeps after the handover'),
});
export type THandoverRequest = z.input<typeof ZHandoverRequest>;

export const ZAgreementRequest = z.strictObject({
  agency: ZCode,
  fields: z.array(ZCampField),
  from: ZWhen.optional(),
  reference: z.string().trim().min(1).max(200),
});
export type TAgreementRequest = z.input<typeof ZAgreementRequest>;

/** Who controls a camp and who may see what of its records: recorded and visible to every reader. */
export const ZCampAuthority = z.object({
  camp: z.string(),
  current: z.string().nullable(),
  control: z.array(z.object({ agency: z.string(), from: z.string(), until: z.string().nullable(), reference: z.string().nullable() })),
  agreements: z.array(z.object({ id: z.string(), agency: z.string(), fields: z.array(ZCampField), from: z.string(), reference: z.string() })),
  yourFields: z.array(ZCampField),
});
export type TCampAuthority = z.infer<typeof ZCampAuthority>;

/** The import columns; a resident per row, households created by their head's row. */
export const ZResidentImportResult = z.object({
  created: z.number(),
  households: z.number(),
  flags: z.array(z.object({ row: z.number(), field: z.string(), reason: z.string() })).describe('accepted rows that need follow-up'),
  shelters: z.number().describe('shelters created (a household moves into a named shelter of its section)'),
  pendingReview: z.array(z.object({ row: z.number(), reviewId: z.string() }))
    .describe('rows held for a reviewer: they may duplicate a resident the importer cannot see; the reviewer decides'),
});
export type TResidentImportResult = z.infer<typeof ZResidentImportResult>;

/** One resident row of an import, after CSV parsing (the use case checks names, ages and references). */
export const ZResidentImportRow = z.strictObject({
  camp: ZCode,
  household: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'uppercase letters, digits and hyphens'),
  section: ZCode.optional(),
  shelter: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, 'a shelter or tent code: uppercase letters, digits and hyphens').optional()
    .describe("the household's shelter in its section, created when the section has none of that code"),
  nameAr: z.string().max(200),
  nameLatin: z.string().max(200),
  sex: z.enum(['F', 'M']),
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD').optional().describe('checked against the calendar by the import'),
  birthYear: z.number().int().min(1880).max(2200).optional(),
  nationality: ZCountry,
  relation: z.enum(HOUSEHOLD_RELATIONS),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 language code')).max(10).default([]),
  vulnerabilities: z.array(z.enum(VULNERABILITIES)).default([]),
  relatedDetainee: z.string().optional(),
  marking: ZMarkingText,
  arrival: ZWhen.optional(),
});
export type TResidentImportRow = z.output<typeof ZResidentImportRow>;
