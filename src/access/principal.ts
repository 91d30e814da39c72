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
  'coordination:read', 'coordination:write',
  'warning:read', 'warning:write', 'warning:ack', 'agreements:read', 'agreements:write',
  'camps:review',
  'repatriation:read', 'repatriation:write', 'repatriation:handover',
  'cases:read', 'cases:write', 'declass:request', 'declass:review',
  'airlift:read', 'airlift:execute',
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
  // Coordination: every reader sees the calls, agendas, SITREPs and outcomes within their markings; the
  // agencies' working roles (not plain viewers) record calls, attendance, decisions and actions.
  'coordination:read': [...ALL_READERS, 'auditor'],
  'coordination:write': ['planner', 'custodian', 'registrar', 'diplomat', 'prosecutor', 'humanitarian', 'child-protection', 'admin'],
  // Early warning: every reader sees the risk board within their markings; analysts, registrars, planners and
  // custodians record conflict events and indicators; the people on the daily call acknowledge alerts.
  'warning:read': [...ALL_READERS, 'auditor'],
  'warning:write': ['registrar', 'planner', 'custodian', 'identity', 'admin'],
  'warning:ack': ['planner', 'custodian', 'diplomat', 'humanitarian', 'admin'],
  // Agreements: every reader sees those within their markings; diplomats and planners draft and move them.
  'agreements:read': [...ALL_READERS, 'auditor'],
  'agreements:write': ['diplomat', 'planner', 'admin'],
  // Likely duplicate camp residents an importer could not see: decided by a reviewer who may see both records.
  'camps:review': ['reviewer', 'child-protection'],
  // Repatriation: readers see the board within their markings; diplomats keep the engagement log, the status
  // and plan batches; custodians and camp staff hand batches over (each part under custody's or camps' rules).
  'repatriation:read': ALL_READERS,
  'repatriation:write': ['diplomat', 'admin'],
  'repatriation:handover': ['custodian', 'child-protection', 'humanitarian', 'admin'],
  // Cases: prosecutors build case files; originating agencies' reviewers see the cases their evidence is in
  // (within their markings) and decide declassification requests; auditors read.
  'cases:read': ['prosecutor', 'reviewer', 'auditor', 'admin'],
  'cases:write': ['prosecutor', 'admin'],
  'declass:request': ['prosecutor'],
  'declass:review': ['reviewer'],
  // Airlift execution: readers see stored plans, sorties and the board within their markings; custodians (the
  // loadmasters and gate staff) and planners scan, move sorties through their statuses and resolve discrepancies.
  'airlift:read': ALL_READERS,
  'airlift:execute': ['custodian', 'planner', 'admin'],
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
