import { z } from 'zod';
import { ZUser } from '../../../src/access/access.schemas.js';
import { ZFacility } from '../../../src/registry/registry.schemas.js';

/*
 * The API's bodies, typed by the server's own zod schemas (imported from the modules' *.schemas.ts files,
 * which hold nothing that needs Node). Responses are parsed with them, so a drift between server and client
 * fails loudly at the edge instead of deep in a component.
 */

export {
  DETAINEE_STATUSES, FACILITY_KINDS, FACILITY_STATUSES, RISK_TIERS, ZDetainee, ZDetaineePage, ZFacility,
  type TDetainee, type TDetaineePage, type TFacility,
} from '../../../src/registry/registry.schemas.js';

/** The signed-in user (`GET /api/auth/me`): the shared user schema plus the agency's country. */
export const ZMe = ZUser.extend({ country: z.string() });
export type TMe = z.infer<typeof ZMe>;

/** `POST /api/auth/login`. */
export const ZLoginResponse = z.object({ user: ZMe, expiresAt: z.string() });

/** `GET /api/facilities`. */
export const ZFacilityList = z.object({ items: z.array(ZFacility) });

/** An RFC 9457 problem as the server writes it; only what the UI reads. */
export const ZProblemBody = z.object({
  status: z.number(),
  code: z.string(),
  detail: z.string().optional(),
  title: z.string().optional(),
  field: z.string().optional(),
});

export { ZPlaceHistory, type TPlaceHistory } from '../../../src/custody/history.schemas.js';
