import { z } from 'zod';
import { isCountryCode } from '../kernel/index.js';
import { FAMILY_RELATIONS, GUARDIAN_KINDS } from './camps.schemas.js';

/*
 * Guardianship and family-link requests: child protection's contract for recording who cares for a child and
 * who a resident's family is, in the camps, in detention, or abroad (for tracing). Schemas only.
 */

const ZId = z.string().min(1).max(64);
const ZName = z.string().trim().min(1).max(200);

/** A child's guardian: a resident (`guardian`), or a named person outside the camps (`name`). */
export const ZGuardianRequest = z
  .strictObject({
    guardian: ZId.optional().describe('resident id of the guardian'),
    name: ZName.optional().describe('name of a guardian who is not a resident'),
    kind: z.enum(GUARDIAN_KINDS),
    since: z.iso.date().optional(),
  })
  .refine((g) => (g.guardian === undefined) !== (g.name === undefined), { message: 'give either guardian (a resident) or name', path: ['guardian'] });
export type TGuardianRequest = z.input<typeof ZGuardianRequest>;

/** A family link to another resident, to a detainee (ISN), or to a relative abroad. */
export const ZFamilyLinkRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('resident'), resident: ZId, relation: z.enum(FAMILY_RELATIONS), note: z.string().trim().max(500).optional() }),
  z.strictObject({ kind: z.literal('detainee'), detainee: z.string().min(1).max(64).describe('ISN or id'), relation: z.enum(FAMILY_RELATIONS), note: z.string().trim().max(500).optional() }),
  z.strictObject({
    kind: z.literal('abroad'), name: ZName, country: z.string().refine(isCountryCode, { message: 'not an ISO 3166-1 alpha-3 country code' }).optional(),
    relation: z.enum(FAMILY_RELATIONS), note: z.string().trim().max(500).optional(),
  }),
]);
export type TFamilyLinkRequest = z.input<typeof ZFamilyLinkRequest>;

/** The id of what was recorded. */
export const ZRecorded = z.object({ id: z.string() });

/** Ending a guardianship: why, and from which date (default today); the end is recorded and audited. */
export const ZEndGuardianshipRequest = z.strictObject({
  reason: z.string().trim().min(3).max(500).describe('why the guardianship ends (e.g. the guardian was released, died, or gave up care)'),
  on: z.iso.date().optional().describe('the last day of the guardianship; default today'),
});
export type TEndGuardianshipRequest = z.input<typeof ZEndGuardianshipRequest>;

/** What ending a guardianship did: the child, the guardians who remain, and whether the child is now flagged unaccompanied. */
export const ZEndGuardianshipResult = z.object({
  id: z.string(),
  child: z.string(),
  until: z.string(),
  remainingGuardians: z.number(),
  flaggedUnaccompanied: z.boolean(),
});
export type TEndGuardianshipResult = z.infer<typeof ZEndGuardianshipResult>;
