import { z } from 'zod';

/**
 * Transfer agreements between the holding force, the receiving government and the airlift command: parties,
 * dates, quotas, assurances, status and the conditions plans must respect. Browser-safe.
 */

export const AGREEMENT_STATUSES = ['draft', 'negotiating', 'signed', 'suspended'] as const;
export type TAgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The status changes allowed: anything else is refused. */
export const TRANSITIONS: Readonly<Record<TAgreementStatus, readonly TAgreementStatus[]>> = {
  draft: ['negotiating'],
  negotiating: ['draft', 'signed'],
  signed: ['suspended'],
  suspended: ['signed', 'negotiating'],
};

/** What the receiving side assures. The first three must all be given before an agreement is signed. */
export const ASSURANCE_KINDS = ['humanitarian-access', 'humane-treatment', 'no-onward-transfer-without-consent', 'consular-access', 'other'] as const;
export const REQUIRED_ASSURANCES = ['humanitarian-access', 'humane-treatment', 'no-onward-transfer-without-consent'] as const;

/** Conditions plans must respect, beyond the quotas. */
export const CONDITION_KINDS = ['observer-present', 'daylight-arrivals', 'medical-screening', 'manifest-notice-hours', 'other'] as const;

const ZDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a YYYY-MM-DD date');
const ZCode = z.string().regex(/^[A-Z][A-Z0-9-]{0,39}$/, 'capital letters, digits and hyphens');
const ZAlpha3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');

/** One assurance: its kind and the wording agreed. */
export const ZAssurance = z.strictObject({ kind: z.enum(ASSURANCE_KINDS), text: z.string().trim().min(1).max(2000) });
export type TAssurance = z.infer<typeof ZAssurance>;
/** One condition plans must respect; `value` when it has a figure (hours of notice). */
export const ZCondition = z.strictObject({ kind: z.enum(CONDITION_KINDS), text: z.string().trim().min(1).max(2000), value: z.number().min(0).optional() });
export type TCondition = z.infer<typeof ZCondition>;

/** A new agreement (created as a draft). Parties are agency codes; `destination` a facility code. */
export const ZAgreementInput = z
  .strictObject({
    code: ZCode,
    title: z.string().trim().min(1).max(300),
    holdingAgency: ZCode,
    receivingAgency: ZCode,
    airliftAgency: ZCode,
    destination: ZCode,
    validFrom: ZDay,
    validTo: ZDay.optional(),
    perDay: z.number().int().min(0).max(100_000).optional().describe('detainees arriving per UTC day at most'),
    nationalityQuotas: z.record(ZAlpha3, z.number().int().min(0).max(100_000)).default({}).describe('per nationality, per day'),
    assurances: z.array(ZAssurance).max(20).default([]),
    conditions: z.array(ZCondition).max(20).default([]),
    marking: z.string().min(1).max(200),
  })
  .refine((a) => a.validTo === undefined || a.validTo >= a.validFrom, { message: 'ends before it starts', path: ['validTo'] });
export type TAgreementInput = z.input<typeof ZAgreementInput>;

/** An agreement as a reader sees it, with its history. */
export const ZAgreement = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  parties: z.object({ holding: z.string(), receiving: z.string(), airlift: z.string() }),
  destination: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  perDay: z.number().nullable(),
  nationalityQuotas: z.record(z.string(), z.number()),
  assurances: z.array(ZAssurance),
  conditions: z.array(ZCondition),
  status: z.enum(AGREEMENT_STATUSES),
  version: z.number(),
  marking: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(z.object({ at: z.string(), from: z.enum(AGREEMENT_STATUSES).nullable(), to: z.enum(AGREEMENT_STATUSES), by: z.string(), note: z.string().nullable() })),
});
export type TAgreement = z.infer<typeof ZAgreement>;

/** Filters of the agreement list. */
export const ZAgreementListQuery = z.strictObject({ status: z.enum(AGREEMENT_STATUSES).optional() });
export type TAgreementListQuery = z.input<typeof ZAgreementListQuery>;
/** Agreements with the banner of those shown. */
export const ZAgreementList = z.object({ items: z.array(ZAgreement), marking: z.string() });

/** A status change; `version` (optional) guards against changing an agreement someone else just changed. */
export const ZTransitionRequest = z.strictObject({
  to: z.enum(AGREEMENT_STATUSES),
  note: z.string().trim().min(1).max(2000).optional(),
  version: z.number().int().min(1).optional(),
});
export type TTransitionRequest = z.input<typeof ZTransitionRequest>;

/** What signed agreements impose on an airlift plan at a time. */
export const ZPlanningConstraints = z.object({
  quotas: z.array(z.object({ destination: z.string(), perDay: z.number() })),
  agreements: z.array(z.object({
    code: z.string(), destination: z.string(), perDay: z.number().nullable(), nationalityQuotas: z.record(z.string(), z.number()),
    conditions: z.array(ZCondition), validFrom: z.string(), validTo: z.string().nullable(),
  })),
});
export type TPlanningConstraints = z.infer<typeof ZPlanningConstraints>;
