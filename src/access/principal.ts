import { forbidden, type Level } from '../kernel/index.js';

/** Every role a user may hold. A role grants permissions; markings decide which records. */
export const ROLES = [
  'viewer', 'registrar', 'planner', 'custodian', 'identity', 'prosecutor', 'diplomat',
  'humanitarian', 'child-protection', 'auditor', 'reviewer', 'admin', 'operator',
] as const;
export type Role = (typeof ROLES)[number];

/** What a role lets a user do. Checked by every use case before it touches the store. */
export const PERMISSIONS = [
  'registry:read', 'registry:write', 'registry:import', 'registry:review',
  'audit:read', 'users:manage', 'scenario:load', 'tokens:create',
  'custody:read', 'custody:sign', 'custody:witness', 'custody:keys',
  'camps:read', 'camps:write', 'camps:children', 'camps:admin',
  'airlift:plan',
  'identity:read', 'identity:enroll', 'identity:adjudicate',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_READERS: Role[] = ['viewer', 'registrar', 'planner', 'custodian', 'identity', 'prosecutor', 'diplomat', 'humanitarian', 'child-protection', 'reviewer', 'admin', 'operator'];

const GRANTS: Record<Permission, readonly Role[]> = {
  'registry:read': ALL_READERS,
  'registry:write': ['registrar', 'custodian', 'admin'],
  'registry:import': ['registrar', 'admin'],
  'registry:review': ['reviewer'],
  'audit:read': ['auditor'],
  'users:manage': ['admin', 'operator'],
  'scenario:load': ['operator'],
  'tokens:create': [...ALL_READERS, 'auditor'],
  // Custody: every reader and the auditor read the log (within their scope); custodians sign handovers and
  // record events for their agency; agencies that watch the log record the heads they saw; admins keep keys.
  'custody:read': [...ALL_READERS, 'auditor'],
  'custody:sign': ['custodian'],
  'custody:witness': ['custodian', 'auditor', 'humanitarian', 'diplomat', 'admin'],
  'custody:keys': ['admin', 'operator'],
  // Camps: readers see residents within their markings and their agency's data-sharing agreement; camp staff
  // record movements; child-protection data (guardians, vulnerabilities, programmes) needs camps:children;
  // handovers and agreements are recorded by the controlling authority's custodians or an admin.
  'camps:read': ALL_READERS,
  'camps:write': ['registrar', 'custodian', 'humanitarian', 'child-protection', 'admin'],
  'camps:children': ['child-protection', 'humanitarian'],
  'camps:admin': ['custodian', 'admin'],
  // Airlift: planners (the military command) export instances and plan; admins too.
  'airlift:plan': ['planner', 'admin'],
  // Identity: the identification team enrolls, searches and adjudicates; registrars enroll at intake; prosecutors read identities.
  'identity:read': ['identity', 'registrar', 'prosecutor', 'reviewer', 'admin'],
  'identity:enroll': ['identity', 'registrar'],
  'identity:adjudicate': ['identity'],
};

/**
 * Who is acting: a user of one agency with a country, a clearance, roles and need-to-know groups. The
 * local `operator` is a built-in principal for administration; its clearance is U, so it manages the
 * system without seeing marked records.
 */
export interface Principal {
  userId: string | null;
  username: string;
  agencyId: string | null;
  agencyCode: string;
  country: string;
  clearance: Level;
  roles: Role[];
  groups: string[];
}

/** True when one of the principal's roles grants `permission`. */
export function can(principal: Principal, permission: Permission): boolean {
  const granted = GRANTS[permission];
  return principal.roles.some((r) => granted.includes(r));
}

/** @throws DomainError FORBIDDEN when no role of the principal grants `permission`. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) throw forbidden(permission);
}

/** The built-in local administration account used by the CLI (`--as operator`). */
export function operatorPrincipal(country: string): Principal {
  return {
    userId: null,
    username: 'operator',
    agencyId: null,
    agencyCode: 'LOCAL',
    country,
    clearance: 'U',
    roles: ['operator'],
    groups: [],
  };
}
