import { z } from 'zod';

/*
 * Reviews of likely duplicate residents: an imported row that looks like a resident the importer cannot see is
 * held, and a reviewer who may see both decides whether they are the same person. Schemas only.
 */

export const REVIEW_STATUSES = ['pending', 'same', 'different'] as const;

/** A person as the review shows them side by side. */
const ZReviewPerson = z.object({
  nameAr: z.string(),
  nameLatin: z.string(),
  sex: z.string(),
  birth: z.string().describe('date, or estimated year'),
  nationality: z.string(),
  household: z.string().nullable(),
  relation: z.string(),
});

/** One review: the held row, the resident it may duplicate, and the decision once made. */
export const ZDuplicateReview = z.object({
  id: z.string(),
  status: z.enum(REVIEW_STATUSES),
  camp: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  submitted: ZReviewPerson.extend({ row: z.number().describe('the CSV row') }),
  existing: ZReviewPerson.extend({ id: z.string() }),
  marking: z.string().describe('banner of the pair: only someone who may see both is shown the review'),
  decision: z.object({ by: z.string(), at: z.string(), note: z.string().nullable(), createdResident: z.string().nullable() }).nullable(),
});
export type TDuplicateReview = z.infer<typeof ZDuplicateReview>;

export const ZDuplicateReviewQuery = z.strictObject({ status: z.enum(REVIEW_STATUSES).default('pending') });
export type TDuplicateReviewQuery = z.input<typeof ZDuplicateReviewQuery>;

/** The reviewer's decision: `same` (the row is the existing resident; nothing is created) or `different` (register the row). */
export const ZDuplicateDecision = z.strictObject({
  decision: z.enum(['same', 'different']),
  note: z.string().trim().max(500).optional(),
});
export type TDuplicateDecision = z.input<typeof ZDuplicateDecision>;
