import type { TFacility } from '../api/schemas.js';
import { KIND_ORDER } from './markers.js';

/** One site's line in the totals panel. */
export interface SiteTotal {
  code: string;
  name: string;
  kind: TFacility['kind'];
  status: TFacility['status'];
  /** Detainees held there whom the user may see. */
  held: number;
  /** The site's population: camp residents, or the prison's recorded population. */
  population: number;
}

/** The common operating picture's totals, from what the user may see only. */
export interface Totals {
  /** Detainees by custody state, across all sites (null while the count is loading or failed). */
  held: number | null;
  inTransit: number | null;
  transferred: number | null;
  /** Sum of detainees held at the sites listed. */
  heldAtSites: number;
  /** Residents of the camps listed. */
  campResidents: number;
  sites: SiteTotal[];
}

/** Status counts as the API answered them (each possibly still unknown). */
export interface StatusCounts {
  held?: number;
  inTransit?: number;
  transferred?: number;
}

/**
 * The totals panel's figures. Everything comes from scoped answers — the facilities the user may see (with
 * the detainees held there that the user may see) and scoped status counts — so a site or person the user may
 * not see adds nothing. Sites are listed prisons first, then camps and hubs, the fullest first.
 */
export function computeTotals(facilities: readonly TFacility[], counts: StatusCounts): Totals {
  const sites = facilities
    .map((f) => ({ code: f.code, name: f.name, kind: f.kind, status: f.status, held: f.detaineesHeld, population: f.population }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || b.held - a.held || b.population - a.population || a.code.localeCompare(b.code));
  return {
    held: counts.held ?? null,
    inTransit: counts.inTransit ?? null,
    transferred: counts.transferred ?? null,
    heldAtSites: sites.reduce((n, s) => n + s.held, 0),
    campResidents: sites.filter((s) => s.kind === 'camp').reduce((n, s) => n + s.population, 0),
    sites,
  };
}
