import { z } from 'zod';

/* Browser-safe (only zod): the web UI imports this file directly. */

/** How many detainees the log places at one site, day by day (as the caller may see them). */
export const ZPlaceHistory = z.object({
  place: z.string(),
  points: z.array(z.object({ day: z.string().describe('YYYY-MM-DD (UTC)'), count: z.number().int() })).describe('the count at the end of each day with a logged event'),
  marking: z.string().describe('banner of the detainee records counted (U when none)'),
});
export type TPlaceHistory = z.infer<typeof ZPlaceHistory>;
