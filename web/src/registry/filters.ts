import { DETAINEE_STATUSES, RISK_TIERS, type TDetainee } from '../api/schemas.js';

/** The detainee list's filters, as the URL carries them (`/detainees?facility=GHW&riskTier=high`). */
export interface DetaineeFilters {
  facility?: string;
  nationality?: string;
  riskTier?: TDetainee['riskTier'];
  status?: TDetainee['status'];
  search?: string;
}

/** The filter fields, in the order the form and the URL list them. */
export const FILTER_KEYS = ['search', 'facility', 'nationality', 'riskTier', 'status'] as const;

const CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const COUNTRY = /^[A-Z]{3}$/;

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

function matching(re: RegExp, v: string | null): string | undefined {
  const t = v?.trim().toUpperCase();
  return t !== undefined && re.test(t) ? t : undefined;
}

/**
 * The filters a URL's query string asks for. Values the API would refuse (an unknown tier, a malformed code)
 * are dropped rather than turned into an error page: a hand-edited link still shows a list.
 */
export function filtersFromParams(params: URLSearchParams): DetaineeFilters {
  const f: DetaineeFilters = {};
  const facility = matching(CODE, params.get('facility'));
  const nationality = matching(COUNTRY, params.get('nationality'));
  const riskTier = oneOf(RISK_TIERS, params.get('riskTier'));
  const status = oneOf(DETAINEE_STATUSES, params.get('status'));
  const search = params.get('search')?.trim().slice(0, 200);
  if (facility) f.facility = facility;
  if (nationality) f.nationality = nationality;
  if (riskTier) f.riskTier = riskTier;
  if (status) f.status = status;
  if (search) f.search = search;
  return f;
}

/** The query string of `filters`, with empty ones left out, in a fixed order (so equal filters give equal URLs). */
export function paramsFromFilters(filters: DetaineeFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filters[k]?.trim();
    if (v) p.set(k, v);
  }
  return p;
}

/** The `GET /api/detainees` URL for one page of the filtered list. */
export function detaineesUrl(filters: DetaineeFilters, page: { cursor?: string | null; offset?: number; limit: number }): string {
  const p = paramsFromFilters(filters);
  if (page.cursor) p.set('cursor', page.cursor);
  if (page.offset) p.set('offset', String(page.offset));
  p.set('limit', String(page.limit));
  return `/api/detainees?${p.toString()}`;
}

/** True when any filter is set. */
export function hasFilters(filters: DetaineeFilters): boolean {
  return FILTER_KEYS.some((k) => Boolean(filters[k]));
}
