import { z } from 'zod';
import { ZCampField, ZCampResident, ZWhen } from './camps.schemas.js';

/*
 * Camp overviews, population accounting, family graphs, age cohorts and programmes: the camps module's
 * contract for planning. Schemas only (the web client imports this file). Cohorts count people by the month
 * they reach an age; nothing here predicts anything about a child.
 */

const ZCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'uppercase letters, digits and hyphens');

/** The ages cohorts count children reaching: 12 (rehabilitation and schooling), 15 and 18 (adulthood). */
export const COHORT_AGES = [12, 15, 18] as const;
export const PROGRAMME_KINDS = ['education', 'psychosocial', 'rehabilitation'] as const;

export const ZCampSummary = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().describe('residents present that the caller may see'),
  authority: z.string().nullable().describe('agency controlling the camp now'),
});
export type TCampSummary = z.infer<typeof ZCampSummary>;

export const ZCampOverview = ZCampSummary.extend({
  marking: z.string().describe('banner of the resident records counted'),
  withheld: z.array(ZCampField),
  sections: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string(), population: z.number() })).optional(),
  pyramid: z.array(z.object({ band: z.string(), female: z.number(), male: z.number() })).optional()
    .describe('present residents by five-year age band and sex (85+ last; unknown age left out)'),
  nationalities: z.array(z.object({ nationality: z.string(), count: z.number() })).optional(),
  movements: z.array(z.object({ month: z.string(), arrival: z.number(), transfer: z.number(), release: z.number(), repatriation: z.number(), death: z.number(), unaccounted: z.number() })).optional(),
});
export type TCampOverview = z.infer<typeof ZCampOverview>;

export const ZPopulationQuery = z.strictObject({ at: ZWhen.optional().describe('default now') });
export const ZCampPopulation = z.object({
  camp: z.string(),
  at: z.string(),
  fromEvents: z.number().describe('present at `at`, replayed from the movement events'),
  bySection: z.array(z.object({ section: z.string().nullable(), count: z.number() })),
  registry: z.number().nullable().describe('present now in the registry (only when `at` is now or later)'),
  matches: z.boolean().nullable(),
});
export type TCampPopulation = z.infer<typeof ZCampPopulation>;

export const ZGraphNode = z.object({
  id: z.string(),
  type: z.enum(['resident', 'detainee', 'person']),
  label: z.string().nullable().describe('a name, when the caller may see names'),
  camp: z.string().nullable(),
  age: z.number().nullable().optional(),
  status: z.string().nullable(),
});
export const ZFamilyGraph = z.object({
  nodes: z.array(ZGraphNode),
  edges: z.array(z.object({ from: z.string(), to: z.string(), kind: z.enum(['household', 'guardian', 'family', 'detainee', 'abroad']), relation: z.string() })),
  withheld: z.array(ZCampField),
});
export type TFamilyGraph = z.infer<typeof ZFamilyGraph>;

export const ZCohortQuery = z.strictObject({
  camp: ZCode.optional(),
  asOf: z.iso.date().optional().describe('the first month is the month of this date (default today)'),
  months: z.coerce.number().int().min(1).max(60).default(24),
});
export type TCohortQuery = z.input<typeof ZCohortQuery>;

const ZCohortCell = z.object({
  month: z.string(),
  age: z.number(),
  count: z.number(),
  estimated: z.number().describe('of `count`, births known only by an estimated year (placed on 1 July)'),
});
export const ZCohortGroup = z.object({
  nationality: z.string().nullable().describe('null when the caller may not see nationality: one group for the camp'),
  children: z.number().describe('present residents under 18 on asOf'),
  withoutGuardian: z.number().nullable().describe('children with no active guardian (null when guardianship is withheld)'),
  parentDetained: z.number().nullable().describe('children with a father or mother detained (null when withheld)'),
  cells: z.array(ZCohortCell).describe('children reaching each age by month; months with nobody are left out'),
});
export const ZCohorts = z.object({
  asOf: z.string(),
  marking: z.string().describe('banner of the resident records counted'),
  months: z.array(z.string()),
  ages: z.array(z.number()),
  camps: z.array(z.object({ camp: z.string(), withheld: z.array(ZCampField), groups: z.array(ZCohortGroup) })),
});
export type TCohorts = z.infer<typeof ZCohorts>;

export const ZWorklistQuery = z.strictObject({
  camp: ZCode,
  ages: z.string().regex(/^(\d{1,2})(,\d{1,2}){0,4}$/, 'ages 1 to 25, comma-separated').default('15,18').describe('ages to reach, comma-separated (e.g. 15,18)'),
  months: z.coerce.number().int().min(1).max(60).default(12),
  asOf: z.iso.date().optional(),
  unassigned: z.union([z.boolean(), z.stringbool()]).default(false).describe('only children in no active programme'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type TWorklistQuery = z.input<typeof ZWorklistQuery>;

const ZAssignmentSummary = z.object({ programme: z.string(), kind: z.enum(PROGRAMME_KINDS), status: z.string(), sessions: z.number(), attended: z.number() });
export const ZWorklist = z.object({
  camp: z.string(),
  asOf: z.string(),
  total: z.number(),
  items: z.array(z.object({ resident: ZCampResident, reaches: z.object({ age: z.number(), on: z.string() }), programmes: z.array(ZAssignmentSummary) })),
});
export type TWorklist = z.infer<typeof ZWorklist>;

export const ZProgrammeInput = z.strictObject({
  camp: ZCode,
  code: ZCode,
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROGRAMME_KINDS),
  minAge: z.number().int().min(0).max(120),
  maxAge: z.number().int().min(0).max(120),
});
export type TProgrammeInput = z.input<typeof ZProgrammeInput>;
export const ZProgramme = z.object({
  code: z.string(), camp: z.string(), name: z.string(), kind: z.enum(PROGRAMME_KINDS), minAge: z.number(), maxAge: z.number(),
  active: z.number().describe('active participants the caller may see'),
});
export type TProgramme = z.infer<typeof ZProgramme>;
export const ZAssignRequest = z.strictObject({ residents: z.array(z.string().min(1).max(64)).min(1).max(500) });
export type TAssignRequest = z.input<typeof ZAssignRequest>;
export const ZAttendanceRequest = z.strictObject({
  date: z.iso.date(),
  present: z.array(z.string().min(1).max(64)).max(2000).default([]),
  absent: z.array(z.string().min(1).max(64)).max(2000).default([]),
});
export type TAttendanceRequest = z.input<typeof ZAttendanceRequest>;
export const ZProgrammeListQuery = z.strictObject({ camp: ZCode.optional() });
