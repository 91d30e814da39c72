import { z } from 'zod';
import { LEVELS } from '../kernel/index.js';
import { ROLES } from './principal.js';

/*
 * The access module's contract with HTTP, CLI and web: schemas only, nothing that needs Node (the web
 * client imports this file).
 */

/** A login name. */
export const ZUsername = z.string().regex(/^[a-z][a-z0-9._-]{1,63}$/, 'lowercase letters, digits, dot, hyphen or underscore; 2–64 characters');
export const ZPassword = z.string().min(12, 'at least 12 characters').max(256);
export const ZGroup = z.string().regex(/^[A-Z][A-Z0-9-]{0,31}$/, 'uppercase caveat group name');

/** A new user, as an administrator enters it. */
export const ZAddUserRequest = z.strictObject({
  username: ZUsername,
  displayName: z.string().trim().min(1).max(200),
  agency: z.string().min(1).describe('agency code'),
  clearance: z.enum(LEVELS),
  roles: z.array(z.enum(ROLES)).min(1),
  groups: z.array(ZGroup).default([]),
  password: ZPassword,
});
export type TAddUserRequest = z.input<typeof ZAddUserRequest>;

/** A user as shown to administrators and to the user themself. Never the password hash. */
export const ZUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string(), country: z.string() }),
  clearance: z.enum(LEVELS),
  roles: z.array(z.enum(ROLES)),
  groups: z.array(z.string()),
});
export type TUser = z.infer<typeof ZUser>;

