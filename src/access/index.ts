/**
 * Access: who is acting (principals, agencies, users, login and sessions), what they may see (the marking
 * scope every query applies) and the audit trail of what they did.
 */
export { ROLES, PERMISSIONS, can, requirePermission, operatorPrincipal } from './principal.js';
export type { Role, Permission, Principal } from './principal.js';
export { AccessErrors } from './access.errors.js';
export type { Ctx } from './context.js';
export { withDb, contextFor } from './context.js';
export { auditFor, ZAuditEvent, ZAuditRecord } from './audit.js';
export type { Audit, TAuditEvent, TAuditRecord, RequestOrigin } from './audit.js';
export { listAudit, exportAudit, ZAuditQuery } from './audit-query.js';
export type { TAuditQuery } from './audit-query.js';
export { internMarking, loadMarking, markingTexts, markingFromRow, scopeFor, inScope } from './markings.store.js';
export type { Scope } from './markings.store.js';
export { AGENCY_KINDS, ZAgency, ZAddAgencyRequest, ZCountryCode, listAgencies, findAgencyByCode, addAgency, bulkAddAgencies } from './agencies.js';
export type { TAgency, TAddAgencyRequest } from './agencies.js';
export { ZAddUserRequest, ZUser, ZUsername, ZPassword, ZGroup } from './access.schemas.js';
export { addUser, bulkAddUsers, listUsers, findUserById, findUserByName, principalOfUser, hashPassword } from './users.js';
export type { TAddUserRequest, TUser } from './access.schemas.js';
export { login, authenticate, logout, createApiToken, DEFAULT_AUTH_POLICY } from './auth.js';
export type { AuthPolicy, LoginResult } from './auth.js';
export type { AgendaSection, AgendaItem, AgendaWindow, AgendaSource, OutcomeFigure, OutcomeArea, OutcomeSource } from './contributions.js';
